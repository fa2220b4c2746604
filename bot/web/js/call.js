// A call: choosing the case, the brief, typing lines (the debtor's, or with Alt+I the
// collector's own), the live stream of events, the end of the call.
import { api, callPath } from "./api.js";
import { $, el, formatDate, announce, showAlert } from "./dom.js";
import { suggestion } from "./clipboard.js";
import { setAgreements, setOffer, setWarnings } from "./agreements.js";
import { newTurn, renderEvent } from "./timeline.js";
import { clearPayments } from "./payments.js";
import { clearChecklist } from "./checklist.js";
import { state, focusInput } from "./state.js";

const picker = { cases: [], selected: 0, timer: null };
const LINE_RETRY_MS = 1500;  // before the one retry of a line whose server went away

// ---- case picker ----------------------------------------------------------------

export async function searchCases(query) {
  try {
    const data = await api("GET", `cases?q=${encodeURIComponent(query)}`);
    picker.cases = data.cases;
    picker.selected = 0;
    renderCases();
  } catch (err) {
    showAlert(err.message);
  }
}

export function hasCases() {
  return picker.cases.length > 0;
}

function renderCases() {
  const list = $("case-results");
  list.replaceChildren();
  if (!picker.cases.length) {
    list.append(el("li", { class: "empty", text: "Geen dossier gevonden. Zoek op een deel van het nummer, de bedrijfsnaam of de contactpersoon." }));
    return;
  }
  $("case-search").setAttribute("aria-activedescendant", `case-option-${picker.selected}`);
  picker.cases.forEach((c, i) => {
    const option = el("li", { id: `case-option-${i}`, role: "option", class: "case-option", "data-case-id": c.id, "aria-selected": String(i === picker.selected) },
      el("strong", { text: c.id }), el("span", { text: c.company }), el("span", { class: "contact", text: c.contact }));
    option.addEventListener("click", () => startCall(c.id));
    list.append(option);
  });
}

function moveSelection(step) {
  if (!picker.cases.length) return;
  picker.selected = (picker.selected + step + picker.cases.length) % picker.cases.length;
  renderCases();
  const option = $("case-results").children[picker.selected];
  if (option) option.scrollIntoView({ block: "nearest" });
}

function onSearchKey(event) {
  if (event.key === "ArrowDown") moveSelection(1);
  else if (event.key === "ArrowUp") moveSelection(-1);
  else if (event.key === "Enter" && picker.cases[picker.selected]) startCall(picker.cases[picker.selected].id);
  else return;
  event.preventDefault();
}

// ---- opening and closing a call ---------------------------------------------------

export async function startCall(caseId) {
  showAlert("");
  try {
    const call = await api("POST", "calls", { case_id: caseId });
    openCall(call);
    history.replaceState(null, "", `#gesprek=${encodeURIComponent(call.call_id)}`);
  } catch (err) {
    showAlert(err.message);
  }
}

/** Shows a call (new, or fetched again after a reload or restart) and listens for its events. */
function openCall(call) {
  closeCall();
  state.callId = call.call_id;
  state.caseId = call.case_id;
  $("picker").hidden = true;
  $("call").hidden = false;
  $("call-bar").hidden = false;
  $("call-title").textContent = call.brief.title;
  $("call-id").textContent = call.call_id;
  renderBrief(call.brief);
  setOffer(call.offer);
  for (const event of call.events) renderEvent(event, false);  // the newest checklist wins
  setAgreements(call.agreements || [], true);
  listen(call.call_id, call.events.length ? call.events[call.events.length - 1].id : 0);
  announce(call.status === "ended" ? "Dit gesprek is afgerond." : "Gesprek gestart. Typ wat de debiteur zegt.");
  $("said").focus();
}

function closeCall() {
  if (state.events) state.events.close();
  Object.assign(state, { events: null, callId: null, caseId: null, agreementsDirty: false });
  state.seen.clear();
  state.pending.clear();
  $("timeline").replaceChildren();
  $("said").value = "";
  setSpeaker("debiteur");
  setOffer(null);
  setWarnings([]);
  clearPayments();
  clearChecklist();
  setLive("off");
}

export function newCall() {
  closeCall();
  history.replaceState(null, "", location.pathname + location.search);
  $("call").hidden = true;
  $("call-bar").hidden = true;
  $("picker").hidden = false;
  showAlert("");
  announce("");
  $("case-search").value = "";
  searchCases("");
  $("case-search").focus();
}

/** After a reload the address names the call; the server still has it, also after a restart. */
export async function restoreCall() {
  const match = /^#gesprek=(.+)$/.exec(location.hash);
  if (!match) return false;
  try {
    openCall(await api("GET", `calls/${match[1]}`));
    return true;
  } catch (err) {
    history.replaceState(null, "", location.pathname + location.search);
    showAlert(err.message);
    return false;
  }
}

function listen(callId, after) {
  const source = new EventSource(`${callPath(callId, "events")}?after=${after}`);
  state.events = source;
  source.onopen = () => setLive("on");
  source.onerror = () => {
    const closed = source.readyState === EventSource.CLOSED;
    setLive(closed ? "off" : "retry");
    // The stream gives up on an error answer, and cannot say which: ask the server who is
    // logged in, so a session that is over (401) shows the login page.
    if (closed && state.events === source) api("GET", "me").catch(() => {});
  };
  source.onmessage = (message) => {
    if (state.callId === callId) renderEvent(JSON.parse(message.data));
  };
}

function setLive(mode) {
  const live = $("live");
  live.dataset.state = mode;
  live.textContent = { on: "live verbonden", retry: "verbinding herstellen…", off: "niet verbonden" }[mode];
}

function renderBrief(brief) {
  $("brief-heading").textContent = brief.title;
  $("brief-goal").textContent = brief.goal;
  $("brief-deadline").textContent = formatDate(brief.deadline);
  $("brief-opening").replaceChildren(suggestion(brief.opening, "Openingszin"));
  $("start-opening").replaceChildren(suggestion(brief.opening, "Openingszin"));
  $("start-goal").textContent = brief.goal;
  $("brief-facts").replaceChildren(...brief.facts.map((fact) => el("li", { text: fact })));
  $("brief-moments").replaceChildren(...brief.call_moments.map((moment) => el("li", { text: moment })));
}

// ---- lines ----------------------------------------------------------------------

/** Who the next typed line is from; after one line of the collector it is the debtor again. */
export function setSpeaker(speaker) {
  state.speaker = speaker;
  const mine = speaker === "incasseerder";
  $("speaker-toggle").setAttribute("aria-pressed", String(mine));
  $("said-form").dataset.speaker = speaker;
  $("said-label").textContent = mine ? "Wat zegt u zelf?" : "Wat zegt de debiteur?";
  $("said").placeholder = mine
    ? "Typ uw eigen zin, bijvoorbeeld een voorstel met datum en bedrag, en druk op Enter"
    : "Typ of plak wat de debiteur net zei en druk op Enter";
}

export function toggleSpeaker() {
  setSpeaker(state.speaker === "debiteur" ? "incasseerder" : "debiteur");
  $("said").focus();
}

/** Posts a line; when the server that had it went away, once more after a moment. The
 * line's ref makes the second try safe: the server keeps and answers a line once. */
async function sendOnce(path, body) {
  try {
    return await api("POST", path, body);
  } catch (err) {
    if (!err.retryable) throw err;
    await new Promise((resolve) => setTimeout(resolve, LINE_RETRY_MS));
    return api("POST", path, body);
  }
}

async function sendLine(event) {
  event.preventDefault();
  const input = $("said");
  const text = input.value;
  const speaker = state.speaker;
  const ref = `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  let turn = null;
  if (text.trim()) {
    turn = newTurn(speaker, text.trim(), null);
    turn.classList.add("pending");
    turn.append(el("p", { class: "waiting", text: speaker === "debiteur" ? "Advies wordt opgehaald…" : "Uw zin wordt vastgelegd…" }));
    state.pending.set(ref, turn);
    input.value = "";
  }
  try {
    renderEvent(await sendOnce(callPath(state.callId, "transcript"), { speaker, text, ref }));
    if (speaker === "incasseerder") setSpeaker("debiteur");
    showAlert("");
    announce("");
  } catch (err) {
    if (turn) {
      turn.remove();
      state.pending.delete(ref);
      if (!input.value) input.value = text;
    }
    showAlert(err.message);
    input.focus();
    input.select();
  }
}

export async function endCall() {
  if (!state.callId) return;
  showAlert("");
  try {
    renderEvent(await api("POST", callPath(state.callId, "end")));
    announce("Samenvatting, conceptmail en scorekaart staan bovenaan de tijdlijn.");
  } catch (err) {
    showAlert(err.message);
  }
  focusInput();
}

export function initCall() {
  $("case-search").addEventListener("keydown", onSearchKey);
  $("case-search").addEventListener("input", () => {
    clearTimeout(picker.timer);
    picker.timer = setTimeout(() => searchCases($("case-search").value), 120);
  });
  $("said-form").addEventListener("submit", sendLine);
  $("speaker-toggle").addEventListener("click", toggleSpeaker);
  $("end-call").addEventListener("click", endCall);
  $("new-call").addEventListener("click", newCall);
}
