// "Afspraken in dit gesprek": one row per agreed payment with its status, flags (weekend,
// holiday, past the deadline) and the line it came from; corrected and saved with PUT,
// undone one by one with DELETE. Also the proposal on the table and Dutch warnings.
import { api, callPath } from "./api.js";
import { $, el, formatDate, paymentText, plainAmount, announce, setMessage } from "./dom.js";
import { state, firstSight, focusInput } from "./state.js";

const STATUS = { open: "openstaand", kept: "nagekomen", partly_kept: "deels nagekomen", broken: "niet nagekomen", cancelled: "ongedaan gemaakt" };
const SOURCE = { debtor: "toezegging van de debiteur", collector: "uw voorstel, aanvaard", pane: "ingevoerd in het paneel" };

/** Shows the agreements; keeps the collector's unsaved edits unless forced. */
export function setAgreements(agreements, force) {
  if (state.agreementsDirty && !force) return;
  state.agreementsDirty = false;
  $("save-agreements").classList.remove("attention");
  $("agreement-rows").replaceChildren(...agreements.map(agreementRow));
  $("agreements-empty").hidden = agreements.length > 0;
  setMessage("agreements-alert", "");
  if (state.offer && agreements.some((a) => matchesOffer(a, state.offer))) setOffer(null);
}

/** Warnings above the list; a flag already shown on its row is not repeated here. */
export function setWarnings(warnings) {
  const flags = new Set([...$("agreement-rows").querySelectorAll(".flag")].map((flag) => flag.textContent));
  const shown = (warnings || []).filter((w) => !flags.has(w));
  $("agreements-warnings").replaceChildren(...shown.map((w) => el("li", { text: w })));
  $("agreements-warnings").hidden = !shown.length;
}

/** An agreements event (from the stream or an answer): the list, its warnings, a note. */
export function agreementsEvent(event) {
  if (!firstSight(event)) return;
  setAgreements(event.agreements, true);
  setWarnings(event.warnings);
  $("timeline").prepend(el("li", { class: "turn turn-note", "data-event-id": event.id },
    el("p", { class: "note", text: `${event.time} — afspraken bijgewerkt.` })));
}

/** An offer event: the collector marked a proposal as made; a "ja, prima" records it. */
export function offerEvent(event) {
  if (!firstSight(event)) return;
  setOffer(event.offer);
  $("timeline").prepend(el("li", { class: "turn turn-note", "data-event-id": event.id },
    el("p", { class: "note", text: `${event.time} — voorgesteld aan de debiteur: ${event.offer.text}` })));
}

/** The proposal on the table, shown above the agreements, and its "Voorgesteld" button pressed. */
export function setOffer(offer) {
  state.offer = offer || null;
  const box = $("offer");
  box.hidden = !state.offer;
  if (state.offer) {
    $("offer-payments").replaceChildren(...state.offer.payments.map((p) => el("li", { text: paymentText(p) })));
  }
  for (const button of document.querySelectorAll("#timeline .mark-offer")) {
    button.setAttribute("aria-pressed", String(isOffered(button.dataset.text)));
  }
}

/** Whether this proposal text is the one on the table (the server folds spaces, also € 1.000's no-break space). */
export function isOffered(text) {
  const folded = (t) => t.replace(/\s+/g, " ").trim();
  return Boolean(state.offer) && folded(state.offer.text) === folded(text);
}

function matchesOffer(agreement, offer) {
  return offer.payments.some((p) => p.date === agreement.date && Number(p.amount) === Number(agreement.amount));
}

function agreementRow(row) {
  const status = row.status || "open";
  const editable = status === "open";
  const date = el("input", { type: "date", class: "agreement-date", value: row.date || "", "aria-label": "Datum", disabled: !editable });
  const amount = el("input", { type: "text", class: "agreement-amount", inputMode: "decimal", autocomplete: "off",
    value: row.amount === null || row.amount === undefined ? "" : plainAmount.format(row.amount),
    "aria-label": "Bedrag in euro", placeholder: "bedrag", disabled: !editable });
  const item = el("li", { class: "agreement", "data-status": status, "data-text": row.text || "" },
    el("label", {}, "Uiterlijk ", date), el("label", {}, "€ ", amount),
    el("span", { class: "status-chip", "data-status": status, text: STATUS[status] || status }));
  if (row.id !== undefined && row.id !== null) item.dataset.id = String(row.id);
  if (row.plan) item.append(el("span", { class: "chip", text: row.plan }));
  if (editable) item.append(undoButton(item, row));
  if (row.flags && row.flags.length) {
    item.append(el("ul", { class: "agreement-flags" }, ...row.flags.map((flag) => el("li", { class: "flag", text: flag }))));
  }
  if (row.suggested_date && editable) {
    const move = el("button", { type: "button", class: "move-agreement", text: `Verplaats naar ${formatDate(row.suggested_date)}` });
    move.addEventListener("click", () => {
      date.value = row.suggested_date;
      saveAgreements();
    });
    item.append(move);
  }
  if (row.text) item.append(el("q", { class: "agreement-text", text: row.text }));
  if (row.source && SOURCE[row.source]) item.append(el("span", { class: "agreement-source", text: SOURCE[row.source] }));
  for (const input of [date, amount]) input.addEventListener("input", markDirty);
  return item;
}

/** "Ongedaan maken": a stored agreement is cancelled at once; a new, unsaved row just goes. */
function undoButton(item, row) {
  const what = row.date ? `afspraak van ${formatDate(row.date)}` : "nieuwe afspraak";
  const button = el("button", { type: "button", class: "undo-agreement", text: "Ongedaan maken", "aria-label": `Ongedaan maken: ${what}` });
  button.addEventListener("click", async () => {
    if (!item.dataset.id) {
      item.remove();
      $("agreements-empty").hidden = $("agreement-rows").children.length > 0;
      markDirty();
      focusInput();
      return;
    }
    try {
      agreementsEvent(await api("DELETE", callPath(state.callId, "agreements", item.dataset.id)));
      announce("Afspraak ongedaan gemaakt.");
      focusInput();
    } catch (err) {
      setMessage("agreements-alert", err.message);
    }
  });
  return button;
}

function markDirty() {
  state.agreementsDirty = true;
  $("save-agreements").classList.add("attention");
}

function addAgreement() {
  const row = agreementRow({ date: "", amount: null, text: "" });
  $("agreement-rows").append(row);
  $("agreements-empty").hidden = true;
  markDirty();
  row.querySelector(".agreement-date").focus();
}

/** Sends the open rows as the call's agreements; the server checks them all or nothing. */
async function saveAgreements() {
  const rows = [...$("agreement-rows").querySelectorAll('.agreement[data-status="open"]')].map((item) => ({
    date: item.querySelector(".agreement-date").value,
    amount: item.querySelector(".agreement-amount").value,
    text: item.dataset.text,
  }));
  try {
    agreementsEvent(await api("PUT", callPath(state.callId, "agreements"), { agreements: rows }));
    announce("Afspraken opgeslagen.");
    focusInput();
  } catch (err) {
    setMessage("agreements-alert", err.message);
  }
}

export function initAgreements() {
  $("add-agreement").addEventListener("click", addAgreement);
  $("agreements-form").addEventListener("submit", (event) => {
    event.preventDefault();
    saveAgreements();
  });
}
