// "Verloop per onderdeel" in a trainee's history: per scorecard check a row, per session
// (the last ten, oldest left) a mark, and at the row's end the check's band.
import { $, el } from "./dom.js";
import { difficultyText } from "./training_tools.js";

const SHOWN = 10;  // sessions

/** A credit (0 … 1) as mark, words for screen readers and colour class. */
function mark(credit) {
  if (credit === undefined) return ["–", "niet beoordeeld", "trend-none"];
  if (credit >= 1) return ["✔", "gehaald", "trend-pass"];
  return credit > 0 ? ["½", "half", "trend-half"] : ["✘", "niet gehaald", "trend-fail"];
}

/** "2026-12-02T14:05" → "02-12 14:05". */
const shortDate = (iso) => `${iso.slice(8, 10)}-${iso.slice(5, 7)} ${iso.slice(11, 16)}`;

/** ``sessions`` oldest first, each with ``checks`` (key → credit); ``level`` the history's
 *  proficiency (rows, labels and bands), null without sessions. */
export function renderTrend(sessions, level) {
  const shown = sessions.slice(-SHOWN);
  const empty = !shown.length || !level;
  $("hist-trend").hidden = false;
  $("trend-empty").hidden = !empty;
  $("trend-table").hidden = empty;
  if (empty) return;
  $("trend-table").querySelector("thead").replaceChildren(el("tr", {},
    el("th", { scope: "col", text: "Onderdeel" }),
    ...shown.map((s) => el("th", { scope: "col", class: "trend-session", text: shortDate(s.date),
      title: s.difficulty ? `${s.scenario}, moeilijkheid ${difficultyText(s.difficulty)}` : s.scenario })),
    el("th", { scope: "col", text: "Niveau" })));
  $("trend-table").querySelector("tbody").replaceChildren(...level.checks.map((c) => el("tr", { "data-key": c.key },
    el("th", { scope: "row", text: c.label }),
    ...shown.map((s) => {
      const [sign, words, colour] = mark(s.checks[c.key]);
      return el("td", { class: `trend-cell ${colour}` },
        el("span", { "aria-hidden": "true", text: sign }), el("span", { class: "visually-hidden", text: words }));
    }),
    el("td", { class: "trend-band", text: c.band }))));
}

/** Nothing to show (the history could not be read). */
export function hideTrend() {
  $("hist-trend").hidden = true;
}
