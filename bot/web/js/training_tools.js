// The trainer's tools in the Training tab: a stored session played back with its scorecard
// beside it, assignments (a scenario at a difficulty before a date) and a practice scenario
// made from a real call. Trainers and managers give and remove assignments and make
// scenarios; a trainee sees their open assignments and starts one.
import { api } from "./api.js";
import { copyText } from "./clipboard.js";
import { $, el, formatDate, setMessage } from "./dom.js";
import { scorecardEl } from "./scorecard.js";

const DIFFICULTY_NL = { easy: "makkelijk", medium: "gemiddeld", hard: "moeilijk" };
const SPEAKER_NL = { collector: "Incasseerder", debtor: "Debiteur" };
const tools = { trainer: false, asked: 0 };

/** A session's or assignment's difficulty in Dutch; "–" for a scored transcript (none). */
export const difficultyText = (difficulty) => DIFFICULTY_NL[difficulty] || "–";

/** The "Terugkijken" button of a history row. */
export function replayButton(session) {
  const button = el("button", { type: "button", class: "replay-open", text: "Terugkijken",
    "aria-label": `Terugkijken: ${session.title}, ${formatDate(session.date.slice(0, 10))}` });
  button.addEventListener("click", () => showReplay(session.id));
  return button;
}

async function showReplay(id) {
  setMessage("hist-alert", "");
  try {
    const data = await api("GET", `training/sessions/${encodeURIComponent(id)}`);
    $("replay-title").textContent = `Terugkijken: ${data.title}`;
    const level = data.difficulty ? `; moeilijkheid ${difficultyText(data.difficulty)}` : "";
    $("replay-who").textContent = `${data.trainee}, ${formatDate(data.date.slice(0, 10))} ${data.date.slice(11, 16)}${level}; score ${data.total} van de 100.`;
    $("replay-timeline").replaceChildren(...data.turns.map((t) => {
      const speaker = t.speaker === "collector" ? "incasseerder" : "debiteur";
      return el("li", { class: `rp-line speaker-${speaker}`, "data-speaker": t.speaker },
        el("span", { class: "who", text: SPEAKER_NL[t.speaker] || t.speaker }), el("span", { class: "rp-text", text: t.text }));
    }));
    $("replay-scorecard").replaceChildren(scorecardEl(data.scorecard));
    $("replay").hidden = false;
    $("replay-title").focus();
    $("replay").scrollIntoView({ block: "start" });
  } catch (err) {
    setMessage("hist-alert", err.message);
  }
}

function closeReplay() {
  $("replay").hidden = true;
  $("replay-timeline").replaceChildren();
  $("replay-scorecard").replaceChildren();
}

/** The scenarios of the assignment form (loaded with the role-play's). */
export function fillAssignScenarios(scenarios) {
  $("assign-scenario").replaceChildren(...scenarios.map((s) => el("option", { value: s.id, text: `${s.title} (${s.id})` })));
}

const dueText = (a) => `uiterlijk ${formatDate(a.due)}${a.overdue ? " (te laat)" : ""}`;

/** The assignments: all of them for a trainer or manager, one's own open ones otherwise. */
export async function loadAssignments() {
  const asking = ++tools.asked;
  try {
    const data = await api("GET", "training/assignments");
    if (asking !== tools.asked) return;
    setMessage("assign-alert", "");
    if (tools.trainer) showAll(data.assignments);
    else showOwn(data.assignments.filter((a) => !a.done));
  } catch (err) {
    if (asking === tools.asked) setMessage("assign-alert", err.message);
  }
}

function showAll(list) {
  $("assign-table").querySelector("tbody").replaceChildren(...list.map((a) => {
    const remove = el("button", { type: "button", text: "Verwijder", "aria-label": `Opdracht voor ${a.trainee} verwijderen` });
    remove.addEventListener("click", () => removeAssignment(a.id));
    return el("tr", { "data-id": String(a.id), "data-trainee": a.trainee },
      el("td", { text: a.trainee }), el("td", { text: a.title }), el("td", { text: difficultyText(a.difficulty) }),
      el("td", { text: formatDate(a.due) }),
      el("td", { class: a.overdue ? "overdue" : "", text: a.done ? "gedaan" : (a.overdue ? "te laat" : "open") }),
      el("td", {}, remove));
  }));
  $("assign-table").hidden = !list.length;
  $("assign-empty").hidden = list.length > 0;
  $("assign-empty").textContent = list.length ? "" : "Nog geen opdrachten gegeven.";
}

function showOwn(open) {
  $("assign-list").replaceChildren(...open.map((a) => {
    const practise = el("button", { type: "button", text: "Oefen nu", "aria-label": `Oefen nu: ${a.title}` });
    practise.addEventListener("click", () => {
      $("rp-scenario").value = a.scenario;
      $("rp-difficulty").value = a.difficulty;
      $("rp-start").focus();
      $("rp-start").scrollIntoView({ block: "nearest" });
    });
    return el("li", { class: "assign-item", "data-id": String(a.id), "data-scenario": a.scenario },
      el("strong", { text: a.title }), el("span", { text: difficultyText(a.difficulty) }),
      el("span", { class: a.overdue ? "overdue" : "", text: dueText(a) }), practise);
  }));
  $("assign-list").hidden = !open.length;
  $("assign-empty").hidden = open.length > 0;
  $("assign-empty").textContent = open.length ? "" : "U heeft geen open opdrachten.";
}

async function addAssignment(event) {
  event.preventDefault();
  setMessage("assign-alert", "");
  try {
    await api("POST", "training/assignments", {
      trainee: $("assign-trainee").value, scenario: $("assign-scenario").value,
      difficulty: $("assign-difficulty").value, due: $("assign-due").value });
    loadAssignments();
  } catch (err) {
    setMessage("assign-alert", err.message);
  }
}

async function removeAssignment(id) {
  setMessage("assign-alert", "");
  try {
    await api("DELETE", `training/assignments/${encodeURIComponent(id)}`);
    loadAssignments();
  } catch (err) {
    setMessage("assign-alert", err.message);
  }
}

/** A scenario from the pasted call: shown as YAML to read through, copy and save. */
async function makeScenario(event) {
  event.preventDefault();
  setMessage("sc-alert", "");
  $("sc-result").hidden = true;
  const button = $("sc-make");
  button.disabled = true;
  try {
    const data = await api("POST", "training/scenarios/from-transcript", {
      transcript: $("sc-text").value, case_id: $("sc-case").value });
    $("sc-yaml").value = data.yaml;
    $("sc-copied").textContent = "";
    $("sc-name").textContent = `${data.title} (${data.id})`;
    $("sc-file").textContent = `${data.id}.yml`;
    setMessage("sc-clash", data.id_in_use ? `Er is al een scenario met het id ${data.id}. Geef dit scenario een ander id (de regel "id:") voordat u het opslaat.` : "");
    $("sc-result").hidden = false;
    $("sc-yaml").focus();
  } catch (err) {
    setMessage("sc-alert", err.message);
    $("sc-text").focus();
  } finally {
    button.disabled = false;
  }
}

async function copyScenario() {
  await copyText($("sc-yaml").value, "Scenario");
  $("sc-copied").textContent = "Gekopieerd.";
}

/** ``trainer``: may give assignments, sees everyone's and makes scenarios. */
export function initTrainingTools(trainer) {
  tools.trainer = trainer;
  $("assign-title").textContent = trainer ? "Opdrachten" : "Uw opdrachten";
  $("assign-form").hidden = !trainer;
  $("scenario-maker").hidden = !trainer;
  $("assign-form").addEventListener("submit", addAssignment);
  $("replay-close").addEventListener("click", closeReplay);
  $("sc-form").addEventListener("submit", makeScenario);
  $("sc-copy").addEventListener("click", copyScenario);
}
