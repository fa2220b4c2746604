// The call's timeline, newest on top: lines with their cards, the summary, and notes when
// agreements change or a proposal is marked as made.
import { $, el } from "./dom.js";
import { payloadCard } from "./cards.js";
import { agreementsEvent, offerEvent, setAgreements, setOffer, setWarnings } from "./agreements.js";
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

/** Puts one server event on the page, once. */
export function renderEvent(event) {
  if (event.kind === "agreements") agreementsEvent(event);
  else if (event.kind === "offer") offerEvent(event);
  else if (firstSight(event)) {
    if (event.kind === "line") renderLine(event);
    else if (event.kind === "advice") renderChoice(event);
    else if (event.kind === "summary") {
      const turn = el("li", { class: "turn turn-summary", "data-event-id": event.id });
      for (const payload of event.payloads) turn.append(payloadCard(payload));
      $("timeline").prepend(turn);
    }
  }
  markNewest();
}

function renderLine(event) {
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
    turn.append(payloadCard(payload));
  }
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
    turn.append(payloadCard(payload));
  }
}

// A choice made on this page comes back here at once (the live stream brings it too).
document.addEventListener("coach:event", (e) => renderEvent(e.detail));

/** Only the newest advice card answers to Alt+1..3, so only it shows those hints. */
function markNewest() {
  const cards = $("timeline").querySelectorAll(".card-advice");
  cards.forEach((card, i) => card.classList.toggle("newest", i === 0));
}
