// The call's timeline, newest on top: lines with their cards, the summary with the call's
// scorecard, and notes when agreements change or a proposal is marked as made. A collector
// line's checklist goes to the checklist beside the timeline.
import { $, el } from "./dom.js";
import { payloadCard } from "./cards.js";
import { agreementsEvent, offerEvent, setAgreements, setOffer, setWarnings } from "./agreements.js";
import { checklistPayload, showPrompt } from "./checklist.js";
import { state, firstSight } from "./state.js";

const WHO = { debiteur: "Debiteur", incasseerder: "Incasseerder" };

export function newTurn(speaker, text, time) {
  const turn = el("li", { class: `turn speaker-${speaker}` },
    el("p", { class: "said" },
      el("span", { class: "who", text: WHO[speaker] || speaker }),
      time ? el("time", { class: "time", text: time }) : null,
      el("q", { class: "said-text", text })));
  $("timeline").prepend(turn);
  return turn;
}

/** Puts one server event on the page, once. ``live``: it just happened (an answer or the
 *  live stream), not the call's history read again after a reload. */
export function renderEvent(event, live = true) {
  if (event.kind === "agreements") agreementsEvent(event);
  else if (event.kind === "offer") offerEvent(event);
  else if (firstSight(event)) {
    if (event.kind === "line") renderLine(event, live);
    else if (event.kind === "advice") renderChoice(event);
    else if (event.kind === "summary") {
      const turn = el("li", { class: "turn turn-summary", "data-event-id": event.id });
      appendCards(turn, event.payloads);
      $("timeline").prepend(turn);
      showPrompt(null);  // the call is over
    }
  }
  markNewest();
}

/** The cards of these payloads under a turn (a payload without a card adds nothing). */
function appendCards(turn, payloads) {
  for (const payload of payloads) {
    const card = payloadCard(payload);
    if (card) turn.append(card);
  }
}

function renderLine(event, live) {
  let turn = event.ref ? state.pending.get(event.ref) : null;
  if (turn) {
    state.pending.delete(event.ref);
    turn.classList.remove("pending");
    turn.querySelector(".waiting").remove();
    turn.querySelector(".said").insertBefore(el("time", { class: "time", text: event.time }), turn.querySelector(".said-text"));
  } else {
    turn = newTurn(event.speaker, event.text, event.time);
  }
  turn.dataset.eventId = event.id;
  for (const payload of event.payloads) {
    if (payload.type === "offer") setOffer(payload);
    if (payload.agreements) setAgreements(payload.agreements, false);
    if (payload.warnings && payload.warnings.length) setWarnings(payload.warnings);
    if (payload.type === "checklist") checklistPayload(payload, event.id, live);
  }
  appendCards(turn, event.payloads);
}

/** The advice for the reading the collector chose, under its line; the choice is made. */
function renderChoice(event) {
  const turn = $("timeline").querySelector(`.turn[data-event-id="${Number(event.line)}"]`);
  if (!turn) return;
  turn.querySelectorAll(".choose-reading").forEach((button) => {
    button.disabled = true;
    button.setAttribute("aria-pressed", String(button.dataset.intent === event.payloads[0].intent));
  });
  for (const payload of event.payloads) {
    if (payload.agreements) setAgreements(payload.agreements, false);
    if (payload.warnings && payload.warnings.length) setWarnings(payload.warnings);
  }
  appendCards(turn, event.payloads);
}

// A choice made on this page comes back here at once (the live stream brings it too).
document.addEventListener("coach:event", (e) => renderEvent(e.detail));

/** Only the newest advice card answers to Alt+1..3, so only it shows those hints. */
function markNewest() {
  const cards = $("timeline").querySelectorAll(".card-advice");
  cards.forEach((card, i) => card.classList.toggle("newest", i === 0));
}
