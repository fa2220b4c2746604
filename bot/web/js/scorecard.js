// The practice scorecard: the total out of 100, then every check passed or not with its
// tip. Shown after a role-play, for a scored transcript (Training tab) and under the summary
// of a live call; all scoring happens in Python.
import { el } from "./dom.js";

const points = (n) => String(n).replace(".", ",");

/** The scorecard payload ({total, checks: [{key, label, weight, credit, points, passed, tip}]})
 *  as an article; its heading can take focus. */
export function scorecardEl(card) {
  return el("article", { class: "scorecard", "aria-label": "Scorekaart" },
    el("h3", { class: "score-total", tabIndex: -1 }, "Scorekaart: ", el("strong", { class: "score-value", text: String(card.total) }), " van de 100 punten"),
    el("ul", { class: "checks" }, ...card.checks.map((c) => el("li", { class: "score-check", "data-key": c.key, "data-passed": String(c.passed) },
      el("span", { class: "mark", text: c.passed ? "✔" : (c.credit > 0 ? "½" : "✘"), "aria-hidden": "true" }),
      el("span", { class: "label", text: c.label },
        el("span", { class: "visually-hidden", text: c.passed ? ": gehaald" : (c.credit > 0 ? ": deels gedaan, nog geen punten" : ": niet gehaald") })),
      el("span", { class: "points", text: `${points(c.points)}/${c.weight}` }),
      c.tip ? el("p", { class: "tip", text: c.tip }) : null))));
}
