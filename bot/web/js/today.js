// The "Vandaag" tab: the follow-up list ("nazorg") for a day, grouped by what to do; each
// item opens its case in a new call.
import { api } from "./api.js";
import { $, el, formatDate, setMessage } from "./dom.js";

// Most urgent first: a broken promise is called back at once.
const KINDS = [
  ["call_back", "Terugbellen: toezegging niet nagekomen"],
  ["check_payment", "Betaling controleren"],
  ["chase_complaint", "Klacht opvolgen"],
  ["call_again", "Opnieuw bellen: nog niets afgesproken"],
  ["thank", "Bedanken"],
];

let openCase = () => {};
let pending = null;  // [date asked, its request]
let shown = null;    // the date whose list is on screen

/** Loads the list for the date in the date field, or for the server's today when empty.
 *  A date picker fires "change" and the form "submit" for one choice, so a date that is
 *  on screen or on its way is not fetched again (that would replace the list under the
 *  collector's cursor); ``refresh`` forces it, as opening the tab does. */
export function loadFollowups(refresh = false) {
  const on = $("today-date").value;
  if (pending && pending[0] === on) return pending[1];
  if (!refresh && on && on === shown) return Promise.resolve();
  const request = show(on).finally(() => { if (pending && pending[1] === request) pending = null; });
  pending = [on, request];
  return request;
}

async function show(on) {
  setMessage("today-alert", "");
  try {
    const data = await api("GET", on ? `followups?on=${encodeURIComponent(on)}` : "followups");
    if ($("today-date").value !== on && on) return;  // a newer date was asked meanwhile
    $("today-date").value = data.date;
    shown = data.date;
    render(data);
  } catch (err) {
    $("today-groups").replaceChildren();
    $("today-empty").hidden = true;
    setMessage("today-alert", err.message);
  }
}

function render(data) {
  const known = new Set(KINDS.map(([kind]) => kind));
  const groups = [...KINDS, ...[...new Set(data.items.map((i) => i.kind))].filter((k) => !known.has(k)).map((k) => [k, "Overig"])]
    .map(([kind, title]) => [kind, title, data.items.filter((i) => i.kind === kind)])
    .filter(([, , items]) => items.length);
  $("today-groups").replaceChildren(...groups.map(([kind, title, items]) => el("section", { class: "followup-group", "data-kind": kind },
    el("h3", { text: `${title} (${items.length})` }),
    el("ul", { class: "followups" }, ...items.map((item) => followupItem(item, data.date))))));
  $("today-empty").textContent = `Geen opvolging op ${formatDate(data.date)}.`;
  $("today-empty").hidden = data.items.length > 0;
}

function followupItem(item, on) {
  const open = el("button", { type: "button", class: "followup-open", "data-case-id": item.case_id,
    "aria-label": `Open dossier ${item.case_id}: ${item.text}` },
  el("strong", { class: "followup-case", text: item.case_id }),
  el("span", { class: "followup-text", text: item.text }),
  item.date < on ? el("span", { class: "followup-since", text: `sinds ${formatDate(item.date)}` }) : null);
  open.addEventListener("click", () => openCase(item.case_id));
  return el("li", { class: "followup", "data-kind": item.kind }, open);
}

/** ``onOpen(caseId)`` starts a call on the case (the call view owns that). */
export function initToday(onOpen) {
  openCase = onOpen;
  $("today-form").addEventListener("submit", (event) => {
    event.preventDefault();
    loadFollowups();
  });
  $("today-date").addEventListener("change", () => loadFollowups());
}
