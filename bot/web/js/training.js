// The Training tab: role-play, transcript scoring and the history of scores. The trainee
// is whoever is logged in (the server knows); a trainer or manager may look up another
// trainee's history. All scoring happens in Python; this only shows the role-play actions'
// payloads. Replays and assignments are in training_tools.js, the course per check in
// training_trend.js.
import { api } from "./api.js";
import { $, el, euro, formatDate, setMessage } from "./dom.js";
import { scorecardEl } from "./scorecard.js";
import { difficultyText, fillAssignScenarios, initTrainingTools, loadAssignments, replayButton } from "./training_tools.js";
import { hideTrend, renderTrend } from "./training_trend.js";

const training = { sessionId: null, scenariosLoaded: false, historyLoaded: false, user: null, historyAsked: 0 };

/** Called when the tab is shown: scenarios and one's own history are loaded once, focus
 *  goes where work goes on. */
export function showTraining(focus) {
  if (!training.scenariosLoaded) loadScenarios();
  if (!training.historyLoaded) showHistory();
  loadAssignments();
  if (focus) (training.sessionId ? $("rp-say") : $("rp-scenario")).focus();
}

async function loadScenarios() {
  try {
    const data = await api("GET", "training/scenarios");
    $("rp-scenario").replaceChildren(...data.scenarios.map((s) => el("option", { value: s.id, text: `${s.title} (${s.id})` })));
    fillAssignScenarios(data.scenarios);
    training.scenariosLoaded = true;
  } catch (err) {
    setMessage("rp-alert", err.message);
  }
}

function rpLine(speaker, text, extra) {
  const who = { debiteur: "Debiteur", incasseerder: "U (incasseerder)", coach: "Coach" }[speaker];
  const item = el("li", { class: `rp-line speaker-${speaker}` }, el("span", { class: "who", text: who }), el("span", { class: "rp-text", text }), extra || null);
  $("rp-timeline").append(item);
  item.scrollIntoView({ block: "nearest" });
  return item;
}

function renderBriefing(b) {
  const invoices = b.invoices.map((i) => `${i.number} ${euro.format(i.amount)} (vervallen ${formatDate(i.due_date)})`).join("; ");
  $("rp-briefing").replaceChildren(
    el("h3", { text: `Rollenspel: ${b.title}` }),
    el("p", { text: `U belt ${b.debtor_name} van ${b.company} (dossier ${b.case_id}).` }),
    el("p", { text: `Openstaand: ${invoices}; totaal ${euro.format(b.balance)}.` }),
    el("p", { text: `De debiteur: ${b.persona}${b.important_customer ? " Belangrijke klant: blijf klantgericht." : ""}` }),
    el("p", { class: "hint", text: b.hints ? "Tips staan aan: na elke zin krijgt u een tip." : "Tips staan uit." }),
    el("h4", { text: "Hierop wordt u beoordeeld" }),
    el("ul", { class: "rp-rubric" }, ...(b.rubric || []).map((c) => el("li", { text: `${c.label} (${c.weight} punten)` }))));
}

async function startRoleplay(event) {
  event.preventDefault();
  setMessage("rp-alert", "");
  const button = $("rp-start");
  button.disabled = true;
  try {
    const data = await api("POST", "training/start", {
      scenario: $("rp-scenario").value, difficulty: $("rp-difficulty").value, hints: $("rp-hints").checked });
    training.sessionId = data.session_id;
    renderBriefing(data.briefing);
    $("rp-timeline").replaceChildren();
    $("rp-scorecard").replaceChildren();
    rpLine("debiteur", data.briefing.opening);
    $("rp-play").hidden = false;
    $("rp-say").disabled = false;
    $("rp-end").disabled = false;
    $("rp-say").focus();
  } catch (err) {
    setMessage("rp-alert", err.message);
  } finally {
    button.disabled = false;
  }
}

async function sayInRoleplay(event) {
  event.preventDefault();
  if (!training.sessionId) return;
  const input = $("rp-say");
  const text = input.value;
  setMessage("rp-alert", "");
  const line = text.trim() ? rpLine("incasseerder", text.trim()) : null;
  if (line) line.classList.add("pending");
  input.value = "";
  try {
    const data = await api("POST", `training/${encodeURIComponent(training.sessionId)}/say`, { text });
    if (line) line.classList.remove("pending");
    for (const payload of data.payloads) {
      if (payload.type === "roleplay_turn") {
        rpLine("debiteur", payload.debtor, payload.hint ? el("p", { class: "rp-hint" }, el("strong", { text: "Tip: " }), payload.hint) : null);
        if (payload.ended) rpLine("coach", "De debiteur heeft opgehangen. Beëindig het rollenspel voor uw scorekaart.");
      } else if (payload.message) {
        rpLine("coach", payload.message);
      }
    }
  } catch (err) {
    if (line) line.remove();
    if (!input.value) input.value = text;
    setMessage("rp-alert", err.message);
  }
  input.focus();
}

async function endRoleplay() {
  if (!training.sessionId) return;
  setMessage("rp-alert", "");
  try {
    const card = await api("POST", `training/${encodeURIComponent(training.sessionId)}/end`);
    $("rp-scorecard").replaceChildren(scorecardEl(card));
    $("rp-say").disabled = true;
    $("rp-end").disabled = true;
    training.sessionId = null;
    showOwnHistory();
    loadAssignments();  // a finished assignment is no longer open
    $("rp-scorecard").querySelector(".score-total").focus();
  } catch (err) {
    setMessage("rp-alert", err.message);
  }
}

async function scoreTranscript(event) {
  event.preventDefault();
  setMessage("tr-alert", "");
  $("tr-scorecard").replaceChildren();
  try {
    const card = await api("POST", "training/transcript", { text: $("tr-text").value, case_id: $("tr-case").value });
    $("tr-scorecard").replaceChildren(scorecardEl(card));
    if (card.stored) showOwnHistory();
  } catch (err) {
    setMessage("tr-alert", err.message);
    $("tr-text").focus();
  }
}

/** The logged-in user's own history (after a role-play or a scored transcript). */
function showOwnHistory() {
  $("hist-trainee").value = "";
  showHistory();
}

/** The history of the trainee in the look-up field (trainers and managers), else one's own. */
async function showHistory(event) {
  if (event) event.preventDefault();
  setMessage("hist-alert", "");
  const asked = $("hist-form").hidden ? "" : $("hist-trainee").value.trim();
  const own = !asked || asked.toLowerCase() === training.user.name.toLowerCase();
  const asking = ++training.historyAsked;  // only the latest question's answer is shown
  try {
    const data = await api("GET", own ? "training/history" : `training/history?trainee=${encodeURIComponent(asked)}`);
    if (asking !== training.historyAsked) return;
    training.historyLoaded = true;
    const rows = data.sessions.map((s) => el("tr", { "data-id": String(s.id) },
      el("td", { text: formatDate(s.date.slice(0, 10)) }), el("td", { text: s.title }), el("td", { class: "level", text: difficultyText(s.difficulty) }),
      el("td", { class: "num", text: String(s.total) }),
      el("td", {}, replayButton(s))));
    $("hist-table").querySelector("tbody").replaceChildren(...rows);
    $("hist-table").hidden = !rows.length;
    $("hist-who").textContent = own ? "Uw eigen rollenspellen en beoordeelde gesprekken." : `Rollenspellen en beoordeelde gesprekken van ${data.trainee}.`;
    $("hist-empty").hidden = rows.length > 0;
    $("hist-empty").textContent = rows.length ? "" : (own ? "U heeft nog geen sessies. Speel een rollenspel of laat een gesprek beoordelen." : `Nog geen sessies voor ${data.trainee}.`);
    renderLevel(data.proficiency);
    renderTrend(data.sessions, data.proficiency);
  } catch (err) {
    if (asking !== training.historyAsked) return;
    $("hist-table").hidden = true;
    hideTrend();
    $("hist-empty").hidden = true;
    setMessage("hist-alert", err.message);
  }
}

/** Per check the share of the points earned, weighted to recent sessions, and its band. */
function renderLevel(level) {
  $("hist-level").hidden = !level;
  if (!level) return;
  $("hist-overall").textContent = `Gemiddeld ${level.overall} van de 100: ${level.band}.`;
  $("level-table").querySelector("tbody").replaceChildren(...level.checks.map((c) => el("tr", { "data-key": c.key },
    el("td", { text: c.label }), el("td", { text: `${c.share}%` }), el("td", { text: c.band }))));
}

/** Every trainee's level (trainers and managers). */
async function showTeam() {
  try {
    const data = await api("GET", "training/team");
    $("team-table").querySelector("tbody").replaceChildren(...data.trainees.map((t) => {
      const weakest = t.checks.reduce((a, b) => (b.share < a.share ? b : a));
      return el("tr", { "data-trainee": t.trainee },
        el("td", { text: t.trainee }), el("td", { text: String(t.sessions) }),
        el("td", { text: formatDate(t.last.slice(0, 10)) }), el("td", { text: `${t.overall} (${t.band})` }),
        el("td", { text: `${weakest.label} (${weakest.share}%)` }));
    }));
    setMessage("team-alert", "");
  } catch (err) {
    setMessage("team-alert", err.message);
  }
}

/** ``user`` is who is logged in; ``lookUp``: may see other trainees' history. */
export function initTraining(user, lookUp) {
  training.user = user;
  $("hist-form").hidden = !lookUp;
  $("team").hidden = !lookUp;
  if (lookUp) showTeam();
  initTrainingTools(lookUp);
  $("rp-start-form").addEventListener("submit", startRoleplay);
  $("rp-say-form").addEventListener("submit", sayInRoleplay);
  $("rp-end").addEventListener("click", endRoleplay);
  $("tr-form").addEventListener("submit", scoreTranscript);
  $("hist-form").addEventListener("submit", showHistory);
}
