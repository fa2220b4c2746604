// Incassocoach live pane. Renders the coach's payloads (brief, advice, summary, rephrase,
// error) as they come from the server; all advice is computed in Python. Everything the
// debtor or a tool sends is put on the page with textContent, never parsed as HTML.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" });
  const plainAmount = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const longDate = new Intl.DateTimeFormat("nl-NL", { weekday: "long", day: "numeric", month: "long", year: "numeric" });

  const state = {
    callId: null,
    events: null,          // the EventSource of the open call
    seen: new Set(),       // event ids already on the page
    pending: new Map(),    // ref -> turn element of a line sent from this page
    agreementsDirty: false,
    cases: [],
    selected: 0,
  };

  // ---- small helpers --------------------------------------------------------------

  /** An element with text content and attributes; children are elements or strings. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("data-") || key.startsWith("aria-") || key === "role" || key === "title" || key === "type") node.setAttribute(key, value);
      else node[key] = value;
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  function formatDate(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return longDate.format(new Date(y, m - 1, d));
  }

  async function api(method, path, body) {
    const options = { method, headers: {} };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, options);
    } catch (err) {
      throw new Error("De coach is niet bereikbaar. Controleer of `make run` nog draait.");
    }
    let data = null;
    try {
      data = await response.json();
    } catch (err) {
      data = null;
    }
    if (!response.ok) {
      throw new Error((data && data.error) || `De coach gaf een fout (${response.status}).`);
    }
    return data;
  }

  function showAlert(message) {
    const alert = $("alert");
    alert.textContent = message;
    alert.hidden = !message;
  }

  function announce(message) {
    $("status").textContent = message;
  }

  function focusInput() {
    (state.callId ? $("said") : $("case-search")).focus();
  }

  /** Copies text to the clipboard; window.__lastCopied records it (for the browser tests). */
  async function copyText(text, what) {
    try {
      await navigator.clipboard.writeText(text);
    } catch (err) {
      const area = el("textarea", { class: "copy-buffer", value: text, "aria-hidden": "true" });
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    window.__lastCopied = text;
    announce(`${what} gekopieerd.`);
  }

  function copyButton(text, what, shortcut, label) {
    const button = el("button", { type: "button", class: "copy", title: `${what} kopiëren` }, label || "Kopieer");
    if (shortcut) button.append(" ", el("kbd", { class: "hint", text: shortcut }));
    button.addEventListener("click", async () => {
      await copyText(text, what);
      button.classList.add("done");
      setTimeout(() => button.classList.remove("done"), 1200);
      focusInput();
    });
    return button;
  }

  /** One line of advice with its copy button. */
  function suggestion(text, what, shortcut) {
    return el("div", { class: "suggestion" }, el("span", { class: "suggestion-text", text }), copyButton(text, what, shortcut));
  }

  // ---- case picker ----------------------------------------------------------------

  let searchTimer = null;

  async function searchCases(query) {
    try {
      const data = await api("GET", `cases?q=${encodeURIComponent(query)}`);
      state.cases = data.cases;
      state.selected = 0;
      renderCases();
    } catch (err) {
      showAlert(err.message);
    }
  }

  function renderCases() {
    const list = $("case-results");
    list.replaceChildren();
    if (!state.cases.length) {
      list.append(el("li", { class: "empty", text: "Geen dossier gevonden. Zoek op een deel van het nummer, de bedrijfsnaam of de contactpersoon." }));
      return;
    }
    $("case-search").setAttribute("aria-activedescendant", `case-option-${state.selected}`);
    state.cases.forEach((c, i) => {
      const option = el("li", { id: `case-option-${i}`, role: "option", class: "case-option", "data-case-id": c.id, "aria-selected": String(i === state.selected) },
        el("strong", { text: c.id }), el("span", { text: c.company }), el("span", { class: "contact", text: c.contact }));
      option.addEventListener("click", () => startCall(c.id));
      list.append(option);
    });
  }

  function moveSelection(step) {
    if (!state.cases.length) return;
    state.selected = (state.selected + step + state.cases.length) % state.cases.length;
    renderCases();
    const option = $("case-results").children[state.selected];
    if (option) option.scrollIntoView({ block: "nearest" });
  }

  // ---- a call ---------------------------------------------------------------------

  async function startCall(caseId) {
    showAlert("");
    try {
      const call = await api("POST", "calls", { case_id: caseId });
      openCall(call);
      history.replaceState(null, "", `#gesprek=${encodeURIComponent(call.call_id)}`);
    } catch (err) {
      showAlert(err.message);
    }
  }

  /** Shows a call (new, or fetched again after a reload) and listens for its events. */
  function openCall(call) {
    closeCall();
    state.callId = call.call_id;
    $("picker").hidden = true;
    $("call").hidden = false;
    $("call-bar").hidden = false;
    $("call-title").textContent = call.brief.title;
    $("call-id").textContent = call.call_id;
    renderBrief(call.brief);
    setAgreements([], true);
    for (const event of call.events) renderEvent(event);
    listen(call.call_id, call.events.length ? call.events[call.events.length - 1].id : 0);
    announce("Gesprek gestart. Typ wat de debiteur zegt.");
    $("said").focus();
  }

  function closeCall() {
    if (state.events) state.events.close();
    state.events = null;
    state.callId = null;
    state.seen.clear();
    state.pending.clear();
    $("timeline").replaceChildren();
    $("said").value = "";
    setLive("off");
  }

  function newCall() {
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

  function listen(callId, after) {
    const source = new EventSource(`calls/${encodeURIComponent(callId)}/events?after=${after}`);
    state.events = source;
    source.onopen = () => setLive("on");
    source.onerror = () => setLive(source.readyState === EventSource.CLOSED ? "off" : "retry");
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

  // ---- lines and advice -----------------------------------------------------------

  async function sendLine(event) {
    event.preventDefault();
    const input = $("said");
    const text = input.value;
    const ref = `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    let turn = null;
    if (text.trim()) {
      turn = newTurn("debiteur", text.trim(), null);
      turn.classList.add("pending");
      turn.append(el("p", { class: "waiting", text: "Advies wordt opgehaald…" }));
      state.pending.set(ref, turn);
      input.value = "";
    }
    try {
      const line = await api("POST", `calls/${encodeURIComponent(state.callId)}/transcript`, { speaker: "debiteur", text, ref });
      renderEvent(line);
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

  function newTurn(speaker, text, time) {
    const turn = el("li", { class: `turn speaker-${speaker}` },
      el("p", { class: "said" },
        el("span", { class: "who", text: speaker === "debiteur" ? "Debiteur" : "Incasseerder" }),
        time ? el("time", { class: "time", text: time }) : null,
        el("q", { class: "said-text", text })));
    $("timeline").prepend(turn);
    return turn;
  }

  /** Puts one server event on the page, once (the POST answer and the stream both carry it). */
  function renderEvent(event) {
    if (state.seen.has(event.id)) return;
    state.seen.add(event.id);
    if (event.kind === "line") {
      let turn = event.ref ? state.pending.get(event.ref) : null;
      if (turn) {
        state.pending.delete(event.ref);
        turn.classList.remove("pending");
        turn.querySelector(".waiting").remove();
        turn.querySelector(".said").insertBefore(el("time", { class: "time", text: event.time }), turn.querySelector(".said-text"));
      } else {
        turn = newTurn(event.speaker, event.text, event.time);
      }
      turn.dataset.eventId = event.id;
      for (const payload of event.payloads) turn.append(payloadCard(payload));
    } else if (event.kind === "summary") {
      const turn = el("li", { class: "turn turn-summary", "data-event-id": event.id });
      for (const payload of event.payloads) turn.append(payloadCard(payload));
      $("timeline").prepend(turn);
    } else if (event.kind === "agreements") {
      setAgreements(event.agreements, true);
      $("timeline").prepend(el("li", { class: "turn turn-note", "data-event-id": event.id },
        el("p", { class: "note", text: `${event.time} — afspraken aangepast door de incasseerder.` })));
    }
    markNewest();
  }

  function payloadCard(payload) {
    if (payload.agreements) setAgreements(payload.agreements, false);
    switch (payload.type) {
      case "advice": return adviceCard(payload);
      case "summary": return summaryCard(payload);
      case "rephrase": return el("div", { class: "card card-rephrase" }, el("p", { text: payload.message }));
      case "error": return el("div", { class: "card card-error", role: "alert" }, el("p", { text: payload.message }));
      default: return el("div", { class: "card" }, el("p", { text: "Onbekend antwoord van de coach." }));
    }
  }

  function section(title, ...content) {
    return el("section", { class: "card-section" }, el("h4", { text: title }), ...content);
  }

  function adviceCard(advice) {
    const card = el("article", { class: "card card-advice", "data-intent": advice.intent },
      el("header", { class: "card-header" },
        el("h3", { class: "situation", text: advice.label }),
        el("span", { class: "confidence", text: `zekerheid ${Math.round(advice.confidence * 100)}%` })));
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

  /** A proposal: its sentence, then the date and amount (or the instalments) at a glance. */
  function proposalItem(proposal, index) {
    const item = el("li", { class: "proposal", "data-index": String(index + 1) },
      el("div", { class: "suggestion" }, el("span", { class: "suggestion-text", text: proposal.text }),
        copyButton(proposal.text, `Voorstel ${index + 1}`, index < 3 ? `Alt+${index + 1}` : null)));
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

  function summaryCard(summary) {
    const email = `${summary.email.subject}\n\n${summary.email.body}`;
    const card = el("article", { class: "card card-summary" },
      el("header", { class: "card-header" }, el("h3", { text: "Samenvatting van het gesprek" })),
      el("p", { class: "summary-text", text: summary.summary }));
    if (summary.follow_up.length) {
      card.append(el("p", { class: "follow-up-first" }, el("strong", { text: "Eerstvolgende opvolging: " }),
        formatDate(summary.follow_up[0].date)));
    }
    card.append(section("Conceptmail",
      el("div", { class: "suggestion" }, el("span", { class: "suggestion-text email-subject", text: summary.email.subject }),
        copyButton(summary.email.subject, "Onderwerp")),
      el("pre", { class: "email-body", text: summary.email.body }),
      el("div", { class: "row-buttons" }, Object.assign(copyButton(email, "Conceptmail", "Alt+M", "Onderwerp en tekst kopiëren"), { className: "copy copy-email" }))));
    card.append(section("Opvolging", el("ul", { class: "follow-up" },
      ...summary.follow_up.map((f) => el("li", {}, el("strong", { text: formatDate(f.date) }), ": ", f.action)))));
    return card;
  }

  /** Only the newest advice card answers to Alt+1..3, so only it shows those hints. */
  function markNewest() {
    const cards = $("timeline").querySelectorAll(".card-advice");
    cards.forEach((card, i) => card.classList.toggle("newest", i === 0));
  }

  function copyProposal(number) {
    const button = $("timeline").querySelector(`.card-advice.newest .proposal[data-index="${number}"] .copy`);
    if (button) button.click();
    else announce(`Het nieuwste advies heeft geen voorstel ${number}.`);
  }

  function copyEmail() {
    const button = $("timeline").querySelector(".card-summary .copy-email");
    if (button) button.click();
    else announce("Er is nog geen conceptmail: rond eerst het gesprek af met Alt+E.");
  }

  async function endCall() {
    if (!state.callId) return;
    showAlert("");
    try {
      renderEvent(await api("POST", `calls/${encodeURIComponent(state.callId)}/end`));
      announce("Samenvatting en conceptmail staan bovenaan de tijdlijn.");
    } catch (err) {
      showAlert(err.message);
    }
    focusInput();
  }

  // ---- agreements -----------------------------------------------------------------

  /** Shows the agreements as one row per payment; keeps unsaved edits unless forced. */
  function setAgreements(agreements, force) {
    if (state.agreementsDirty && !force) return;
    state.agreementsDirty = false;
    $("save-agreements").classList.remove("attention");
    const rows = [];
    for (const agreement of agreements) {
      const parts = agreement.installments && agreement.installments.length ? agreement.installments : [agreement];
      parts.forEach((part, i) => rows.push({
        date: part.date, amount: part.amount, source: agreement.source,
        text: parts.length > 1 ? `${agreement.text} (termijn ${i + 1} van ${parts.length})` : agreement.text,
      }));
    }
    $("agreement-rows").replaceChildren(...rows.map(agreementRow));
    $("agreements-empty").hidden = rows.length > 0;
    $("agreements-alert").hidden = true;
  }

  function agreementRow(row) {
    const date = el("input", { type: "date", class: "agreement-date", value: row.date || "", "aria-label": "Datum" });
    const amount = el("input", { type: "text", class: "agreement-amount", inputMode: "decimal", autocomplete: "off",
      value: row.amount === null || row.amount === undefined ? "" : plainAmount.format(row.amount), "aria-label": "Bedrag in euro", placeholder: "bedrag" });
    const remove = el("button", { type: "button", class: "remove-agreement", text: "✕", title: "Afspraak verwijderen", "aria-label": "Afspraak verwijderen" });
    remove.addEventListener("click", () => {
      item.remove();
      markAgreementsDirty();
      $("agreements-empty").hidden = $("agreement-rows").children.length > 0;
    });
    const item = el("li", { class: "agreement", "data-source": row.source || "debtor", "data-text": row.text || "" },
      el("label", {}, "Uiterlijk ", date), el("label", {}, "€ ", amount), remove,
      row.text ? el("span", { class: "agreement-text", text: row.text }) : null);
    for (const input of [date, amount]) input.addEventListener("input", markAgreementsDirty);
    return item;
  }

  function markAgreementsDirty() {
    state.agreementsDirty = true;
    $("save-agreements").classList.add("attention");
  }

  function addAgreement() {
    const row = agreementRow({ date: "", amount: null, source: "debtor", text: "" });
    $("agreement-rows").append(row);
    $("agreements-empty").hidden = true;
    markAgreementsDirty();
    row.querySelector(".agreement-date").focus();
  }

  async function saveAgreements(event) {
    event.preventDefault();
    const rows = [...$("agreement-rows").children].map((item) => ({
      date: item.querySelector(".agreement-date").value,
      amount: item.querySelector(".agreement-amount").value,
      text: item.dataset.text,
      source: item.dataset.source,
    }));
    try {
      const saved = await api("PUT", `calls/${encodeURIComponent(state.callId)}/agreements`, { agreements: rows });
      renderEvent(saved);
      announce("Afspraken opgeslagen.");
      focusInput();
    } catch (err) {
      const alert = $("agreements-alert");
      alert.textContent = err.message;
      alert.hidden = false;
    }
  }

  // ---- Training tab: role-play, transcript scoring, history ------------------------
  // All scoring happens in Python; this only shows the role-play actions' payloads.

  const training = { sessionId: null, scenariosLoaded: false };

  function showTab(name, focus) {
    const isTraining = name === "training";
    document.body.dataset.tab = isTraining ? "training" : "call";
    $("view-call").hidden = isTraining;
    $("training").hidden = !isTraining;
    for (const [id, on] of [["tab-call", !isTraining], ["tab-training", isTraining]]) {
      $(id).setAttribute("aria-selected", String(on));
      $(id).tabIndex = on ? 0 : -1;
    }
    if (isTraining) {
      if (!training.scenariosLoaded) loadScenarios();
      if (focus) (training.sessionId ? $("rp-say") : $("rp-scenario")).focus();
    } else {
      if (!state.callId && !state.cases.length) searchCases($("case-search").value);
      if (focus) focusInput();
    }
  }

  function onTabKey(event) {
    if (event.key === "ArrowRight" || event.key === "ArrowLeft" || event.key === "Home" || event.key === "End") {
      const next = document.body.dataset.tab === "training" ? "call" : "training";
      const target = event.key === "Home" ? "call" : event.key === "End" ? "training" : next;
      showTab(target, false);
      $(target === "training" ? "tab-training" : "tab-call").focus();
      event.preventDefault();
    }
  }

  function setMessage(id, message) {
    $(id).textContent = message || "";
    $(id).hidden = !message;
  }

  async function loadScenarios() {
    try {
      const data = await api("GET", "training/scenarios");
      $("rp-scenario").replaceChildren(...data.scenarios.map((s) => el("option", { value: s.id, text: `${s.title} (${s.id})` })));
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
      el("p", { class: "hint", text: b.hints ? "Tips staan aan: na elke zin krijgt u een tip." : "Tips staan uit." }));
  }

  async function startRoleplay(event) {
    event.preventDefault();
    setMessage("rp-alert", "");
    const button = $("rp-start");
    button.disabled = true;
    try {
      const data = await api("POST", "training/start", {
        scenario: $("rp-scenario").value, trainee: $("rp-trainee").value, hints: $("rp-hints").checked });
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
      if (card.trainee) {
        $("hist-trainee").value = card.trainee;
        showHistory();
      }
      $("rp-scorecard").querySelector(".score-total").focus();
    } catch (err) {
      setMessage("rp-alert", err.message);
    }
  }

  /** The scorecard: total out of 100, then every check passed or not with its tip. */
  function scorecardEl(card) {
    const points = (n) => String(n).replace(".", ",");
    return el("article", { class: "scorecard", "aria-label": "Scorekaart" },
      el("h3", { class: "score-total", tabIndex: -1 }, "Scorekaart: ", el("strong", { class: "score-value", text: String(card.total) }), " van de 100 punten"),
      el("ul", { class: "checks" }, ...card.checks.map((c) => el("li", { class: "score-check", "data-key": c.key, "data-passed": String(c.passed) },
        el("span", { class: "mark", text: c.passed ? "✔" : (c.credit > 0 ? "½" : "✘"), "aria-label": c.passed ? "gehaald" : "niet gehaald" }),
        el("span", { class: "label", text: c.label }),
        el("span", { class: "points", text: `${points(c.points)}/${c.weight}` }),
        c.tip ? el("p", { class: "tip", text: c.tip }) : null))));
  }

  async function scoreTranscript(event) {
    event.preventDefault();
    setMessage("tr-alert", "");
    $("tr-scorecard").replaceChildren();
    try {
      const card = await api("POST", "training/transcript", {
        text: $("tr-text").value, trainee: $("tr-trainee").value, case_id: $("tr-case").value });
      $("tr-scorecard").replaceChildren(scorecardEl(card));
      if (card.stored) {
        $("hist-trainee").value = card.trainee;
        showHistory();
      }
    } catch (err) {
      setMessage("tr-alert", err.message);
      $("tr-text").focus();
    }
  }

  async function showHistory(event) {
    if (event) event.preventDefault();
    setMessage("hist-alert", "");
    try {
      const data = await api("GET", `training/history?trainee=${encodeURIComponent($("hist-trainee").value)}`);
      const rows = data.sessions.map((s) => el("tr", {},
        el("td", { text: formatDate(s.date.slice(0, 10)) }), el("td", { text: s.title }), el("td", { text: String(s.total) })));
      $("hist-table").querySelector("tbody").replaceChildren(...rows);
      $("hist-table").hidden = !rows.length;
      $("hist-empty").hidden = rows.length > 0;
      $("hist-empty").textContent = rows.length ? "" : `Nog geen sessies voor ${data.trainee}.`;
    } catch (err) {
      $("hist-table").hidden = true;
      $("hist-empty").hidden = true;
      setMessage("hist-alert", err.message);
    }
  }

  function initTraining() {
    $("tab-call").addEventListener("click", () => showTab("call", true));
    $("tab-training").addEventListener("click", () => showTab("training", true));
    $("tab-call").addEventListener("keydown", onTabKey);
    $("tab-training").addEventListener("keydown", onTabKey);
    $("rp-start-form").addEventListener("submit", startRoleplay);
    $("rp-say-form").addEventListener("submit", sayInRoleplay);
    $("rp-end").addEventListener("click", endRoleplay);
    $("tr-form").addEventListener("submit", scoreTranscript);
    $("hist-form").addEventListener("submit", showHistory);
    document.body.dataset.tab = "call";
  }

  // ---- keyboard -------------------------------------------------------------------

  function onKey(event) {
    if (document.body.dataset.tab === "training") return;  // the call's shortcuts only
    if (event.key === "Escape") {
      focusInput();
      return;
    }
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const digit = /^Digit([1-3])$/.exec(event.code);
    let handled = true;
    if (digit && state.callId) copyProposal(Number(digit[1]));
    else if (event.code === "KeyE" && state.callId) endCall();
    else if (event.code === "KeyM" && state.callId) copyEmail();
    else if (event.code === "KeyN") newCall();
    else handled = false;
    if (handled) event.preventDefault();
  }

  function onSearchKey(event) {
    if (event.key === "ArrowDown") moveSelection(1);
    else if (event.key === "ArrowUp") moveSelection(-1);
    else if (event.key === "Enter" && state.cases[state.selected]) startCall(state.cases[state.selected].id);
    else return;
    event.preventDefault();
  }

  async function restoreCall() {
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

  async function init() {
    initTraining();
    document.addEventListener("keydown", onKey);
    $("case-search").addEventListener("keydown", onSearchKey);
    $("case-search").addEventListener("input", () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => searchCases($("case-search").value), 120);
    });
    $("said-form").addEventListener("submit", sendLine);
    $("end-call").addEventListener("click", endCall);
    $("new-call").addEventListener("click", newCall);
    $("copy-call-id").addEventListener("click", async () => {
      await copyText(state.callId, "Gesprek-id");
      focusInput();
    });
    $("add-agreement").addEventListener("click", addAgreement);
    $("agreements-form").addEventListener("submit", saveAgreements);
    if (location.hash === "#training") {
      showTab("training", true);
    } else if (!(await restoreCall())) {
      await searchCases("");
      $("case-search").focus();
    }
    document.body.dataset.ready = "true";
  }

  init();
})();
