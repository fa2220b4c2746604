// The live checklist beside the timeline: the practice standard's checks, ticked from the
// newest "checklist" payload of a collector line, and the one prompt of that line (a
// concession with nothing asked back, a vague agreement, a threat, the calling hours) in a
// banner that the collector can mute for the rest of the call. The server decides it all.
import { api, callPath } from "./api.js";
import { $, el, announce, setMessage } from "./dom.js";
import { state, focusInput } from "./state.js";

const DONE = "gedaan";
const OPEN = "nog niet";

/** The checklist of a collector line, unless a newer one is shown already; ``live``: the
 *  line was just said (posted here or pushed), so its prompt shows too. After a reload the
 *  checks come back, the moment of a prompt has passed. */
export function checklistPayload(payload, eventId, live) {
  if (eventId < state.checklistEvent) return;
  state.checklistEvent = eventId;
  renderChecks(payload.checks || []);
  if (live) showPrompt(payload.prompt);
}

/** Builds the rows once per call, then changes only the rows whose tick changed, so the
 *  polite live region reads out just those ("Factuur en bedrag genoemd: gedaan"). */
function renderChecks(checks) {
  const list = $("checklist-items");
  const rows = new Map([...list.children].map((row) => [row.dataset.key, row]));
  const same = checks.length === rows.size && checks.every((c) => rows.has(c.key));
  if (!same) {
    list.replaceChildren(...checks.map(checkRow));
  } else {
    for (const check of checks) {
      const row = rows.get(check.key);
      if (row.dataset.done !== String(Boolean(check.done))) row.replaceWith(checkRow(check));
    }
  }
  const done = checks.filter((c) => c.done).length;
  $("checklist-count").textContent = `${done} van ${checks.length} gedaan`;
  $("checklist-empty").hidden = checks.length > 0;
}

function checkRow(check) {
  const done = Boolean(check.done);
  return el("li", { class: "check", "data-key": check.key, "data-done": String(done), "aria-atomic": "true" },
    el("span", { class: "tick", text: done ? "✓" : "○", "aria-hidden": "true" }),
    el("span", { class: "check-label", text: check.label }),
    el("span", { class: "visually-hidden", text: `: ${done ? DONE : OPEN}` }));
}

/** The prompt banner: one at a time; null (a line without a prompt) clears it. */
export function showPrompt(prompt) {
  const banner = $("prompt");
  state.prompt = prompt || null;
  banner.hidden = !state.prompt;
  $("prompt-text").textContent = state.prompt ? state.prompt.text : "";
  banner.dataset.kind = state.prompt ? state.prompt.kind : "";
  $("prompt-mute").disabled = false;
}

/** "Niet meer tonen": no more prompts of this kind in this call. */
async function mutePrompt() {
  if (!state.prompt || !state.callId) return;
  const kind = state.prompt.kind;
  $("prompt-mute").disabled = true;
  try {
    await api("POST", callPath(state.callId, "prompts", "mute"), { kind });
    if (state.prompt && state.prompt.kind === kind) showPrompt(null);
    setMessage("alert", "");
    announce("Deze melding wordt in dit gesprek niet meer getoond.");
  } catch (err) {
    $("prompt-mute").disabled = false;
    setMessage("alert", err.message);
  }
  focusInput();
}

/** A new or closed call starts with an empty checklist and no prompt. */
export function clearChecklist() {
  state.checklistEvent = 0;
  $("checklist-items").replaceChildren();
  $("checklist-count").textContent = "";
  $("checklist-empty").hidden = false;
  showPrompt(null);
}

export function initChecklist() {
  $("prompt-mute").addEventListener("click", mutePrompt);
}
