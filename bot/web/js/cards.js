// The coach's payloads as cards: advice, an offer on the table, the summary and the call's
// scorecard, rephrase and error. All content is computed in Python; this only lays it out.
// A collector line's checklist is no card: it ticks the checklist beside the timeline.
import { api, callPath } from "./api.js";
import { el, euro, formatDate, paymentText, announce, setMessage } from "./dom.js";
import { copyButton, suggestion } from "./clipboard.js";
import { isOffered, offerEvent } from "./agreements.js";
import { scorecardEl } from "./scorecard.js";
import { state, focusInput } from "./state.js";

/** The card of a payload, or null for one that is not shown in the timeline. */
export function payloadCard(payload) {
  switch (payload.type) {
    case "checklist": return null;
    case "scorecard": return scorecardCard(payload);
    case "advice": return adviceCard(payload);
    case "offer": return offerCard(payload);
    case "summary": return summaryCard(payload);
    case "unsure": return unsureCard(payload);
    case "rephrase": return el("div", { class: "card card-rephrase" }, el("p", { text: payload.message }));
    case "error": return el("div", { class: "card card-error", role: "alert" }, el("p", { text: payload.message }));
    default: return el("div", { class: "card" }, el("p", { text: "Onbekend antwoord van de coach." }));
  }
}

/** Not sure of the reading: the two likeliest situations as buttons; the chosen one's advice
 *  comes back as an "advice" event for this line (timeline.js puts it under the line). */
function unsureCard(payload) {
  const card = el("div", { class: "card card-unsure", role: "group", "aria-label": "Kies wat de debiteur bedoelt" },
    el("p", { text: payload.message }));
  const buttons = payload.choices.map((choice) => {
    const button = el("button", { type: "button", class: "choose-reading", "data-intent": choice.intent },
      choice.label, " ", el("span", { class: "confidence", text: `${Math.round(choice.confidence * 100)}%` }));
    button.addEventListener("click", async () => {
      const line = button.closest(".turn").dataset.eventId;
      buttons.forEach((b) => { b.disabled = true; });
      try {
        const event = await api("POST", callPath(state.callId, "lines", line, "choice"), { intent: choice.intent });
        document.dispatchEvent(new CustomEvent("coach:event", { detail: event }));
        setMessage("alert", "");
      } catch (err) {
        buttons.forEach((b) => { b.disabled = false; });
        setMessage("alert", err.message);
      }
      focusInput();
    });
    return button;
  });
  card.append(el("div", { class: "row-buttons" }, ...buttons));
  return card;
}

function section(title, ...content) {
  return el("section", { class: "card-section" }, el("h4", { text: title }), ...content);
}

function adviceCard(advice) {
  const card = el("article", { class: "card card-advice", "data-intent": advice.intent },
    el("header", { class: "card-header" },
      el("h3", { class: "situation", text: advice.label }),
      el("span", { class: "confidence", text: `zekerheid ${Math.round(advice.confidence * 100)}%` })));
  for (const warning of advice.warnings || []) card.append(el("p", { class: "warning", role: "alert", text: warning }));
  for (const note of advice.notes) card.append(el("p", { class: "note", text: note }));
  card.append(section("Zeg", suggestion(advice.say, "Zin")));
  if (advice.probing_questions.length) {
    card.append(section("Vraag door", ...advice.probing_questions.map((q) => suggestion(q, "Vraag"))));
  }
  if (advice.proposals.length) {
    card.append(section("Stel voor", el("ol", { class: "proposals" }, ...advice.proposals.map(proposalItem))));
  }
  if (advice.concessions.length) {
    card.append(section("Geef alleen iets als u iets terugkrijgt", el("ul", { class: "concessions" },
      ...advice.concessions.map((c) => el("li", { class: "concession" },
        el("span", { class: "give" }, el("span", { class: "tag", text: "geef" }), el("span", { text: c.give })),
        el("span", { class: "arrow", text: "→", "aria-hidden": "true" }),
        el("span", { class: "get" }, el("span", { class: "tag", text: "vraag terug" }), el("span", { text: c.get })),
        copyButton(`Geef: ${c.give} → vraag terug: ${c.get}`, "Ruil"))))));
  }
  if (advice.avoid.length) {
    card.append(section("Vermijd", el("ul", { class: "avoid" }, ...advice.avoid.map((a) => el("li", { text: a })))));
  }
  card.append(el("p", { class: "next-step" }, el("strong", { text: "Volgende stap: " }), advice.next_step));
  return card;
}

/** The payments of a proposal: its instalments, or its one date and amount. */
function proposalPayments(proposal) {
  if (proposal.installments && proposal.installments.length) return proposal.installments;
  return proposal.amount === null ? [] : [{ date: proposal.date, amount: proposal.amount }];
}

/** A proposal: its sentence, copy and "Voorgesteld", then the date and amount (or instalments). */
function proposalItem(proposal, index) {
  const number = index + 1;
  const line = el("div", { class: "suggestion" }, el("span", { class: "suggestion-text", text: proposal.text }),
    copyButton(proposal.text, `Voorstel ${number}`, number <= 3 ? `Alt+${number}` : null));
  const payments = proposalPayments(proposal);
  if (payments.length) line.append(offerButton(proposal, payments, number));
  const item = el("li", { class: "proposal", "data-index": String(number) }, line);
  if (proposal.installments) {
    item.append(el("table", { class: "installments" },
      el("thead", {}, el("tr", {}, el("th", { text: "Termijn" }), el("th", { text: "Uiterlijk" }), el("th", { text: "Bedrag" }))),
      el("tbody", {}, ...proposal.installments.map((part, i) => el("tr", {},
        el("td", { text: String(i + 1) }), el("td", { text: formatDate(part.date) }), el("td", { text: euro.format(part.amount) })))),
      proposal.amount !== null ? el("tfoot", {}, el("tr", {}, el("td", { text: "Totaal" }), el("td"), el("td", { text: euro.format(proposal.amount) }))) : null));
  } else {
    item.append(el("div", { class: "proposal-facts" },
      el("span", { class: "chip", text: `uiterlijk ${formatDate(proposal.date)}` }),
      proposal.amount !== null ? el("span", { class: "chip", text: euro.format(proposal.amount) }) : null));
  }
  return item;
}

/** "Voorgesteld": the collector said this proposal to the debtor, so a "ja, prima" may accept it. */
function offerButton(proposal, payments, number) {
  const button = el("button", { type: "button", class: "mark-offer", "data-text": proposal.text, "aria-pressed": String(isOffered(proposal.text)),
    title: "Markeer dat u dit voorstel aan de debiteur hebt gedaan; zegt de debiteur ja, dan wordt het de afspraak." }, "Voorgesteld");
  if (number <= 3) button.append(" ", el("kbd", { class: "hint", text: `Alt+Shift+${number}` }));
  button.addEventListener("click", async () => {
    try {
      offerEvent(await api("POST", callPath(state.callId, "offer"), { text: proposal.text, kind: proposal.kind, payments }));
      setMessage("alert", "");
      announce(`Voorstel ${number} staat als voorgesteld genoteerd. Zegt de debiteur ja, dan wordt het de afspraak.`);
    } catch (err) {
      setMessage("alert", err.message);
    }
    focusInput();
  });
  return button;
}

/** A concrete proposal in the collector's own line, now on the table. */
function offerCard(offer) {
  return el("div", { class: "card card-offer" },
    el("p", {}, el("strong", { text: "Voorstel op tafel: " }), offer.payments.map(paymentText).join(" en ")),
    el("p", { class: "hint", text: "Zegt de debiteur ja, dan wordt dit de afspraak." }));
}

function summaryCard(summary) {
  const email = `${summary.email.subject}\n\n${summary.email.body}`;
  const card = el("article", { class: "card card-summary" },
    el("header", { class: "card-header" }, el("h3", { text: "Samenvatting van het gesprek" })),
    el("p", { class: "summary-text", text: summary.summary }));
  if (summary.follow_up.length) {
    card.append(el("p", { class: "follow-up-first" }, el("strong", { text: "Eerstvolgende opvolging: " }),
      formatDate(summary.follow_up[0].date)));
  }
  const copyAll = copyButton(email, "Conceptmail", "Alt+M", "Onderwerp en tekst kopiëren");
  copyAll.classList.add("copy-email");
  card.append(section("Conceptmail",
    el("div", { class: "suggestion" }, el("span", { class: "suggestion-text email-subject", text: summary.email.subject }),
      copyButton(summary.email.subject, "Onderwerp")),
    el("pre", { class: "email-body", text: summary.email.body }),
    el("div", { class: "row-buttons" }, copyAll)));
  card.append(section("Opvolging", el("ul", { class: "follow-up" },
    ...summary.follow_up.map((f) => el("li", {}, el("strong", { text: formatDate(f.date) }), ": ", f.action)))));
  return card;
}

/** The review of the call by the practice standard, under the summary. */
function scorecardCard(card) {
  const article = scorecardEl(card);
  article.classList.add("card", "card-scorecard");
  return article;
}
