// What the page knows about the open call; shared by the modules of the call view.
import { $ } from "./dom.js";

export const state = {
  callId: null,
  caseId: null,
  events: null,          // the EventSource of the open call
  seen: new Set(),       // event ids already on the page
  pending: new Map(),    // ref -> turn element of a line sent from this page
  agreementsDirty: false,
  offer: null,           // the proposal on the table: {text, source, plan, payments}
  speaker: "debiteur",   // who the next typed line is from
  checklistEvent: 0,     // the id of the line whose checklist is shown (the newest wins)
  prompt: null,          // the prompt in the banner: {kind, text}
};

/** True the first time an event is seen: the POST answer and the stream both carry it. */
export function firstSight(event) {
  if (state.seen.has(event.id)) return false;
  state.seen.add(event.id);
  return true;
}

export function focusInput() {
  (state.callId ? $("said") : $("case-search")).focus();
}
