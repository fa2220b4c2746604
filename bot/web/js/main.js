// Incassocoach live pane: asks who is logged in, shows the tabs of that account, wires the
// modules together and owns the call's shortcuts.
import { api } from "./api.js";
import { $, announce, showAlert } from "./dom.js";
import { copyText } from "./clipboard.js";
import { initAgreements } from "./agreements.js";
import { initAudit, showAudit } from "./audit.js";
import { initChecklist } from "./checklist.js";
import { endCall, hasCases, initCall, newCall, restoreCall, searchCases, startCall, toggleSpeaker } from "./call.js";
import { initPayments } from "./payments.js";
import { initTabs, allowedTabs, currentTab, selectTab, showTab } from "./tabs.js";
import { initToday, loadFollowups } from "./today.js";
import { initTraining, showTraining } from "./training.js";
import { state, focusInput } from "./state.js";
import { initUser } from "./user.js";

// The tabs an account's areas open (GET me): the call and Vandaag for "calls", and so on.
const TAB_AREAS = { call: "calls", today: "calls", training: "training", audit: "audit" };
const HASH_TABS = { "#training": "training", "#vandaag": "today", "#auditlog": "audit" };

function showCallView(focus) {
  if (!state.callId && !hasCases()) searchCases($("case-search").value);
  if (focus) focusInput();
}

function showToday(focus) {
  loadFollowups(true);  // opening the tab brings the list up to date
  if (focus) $("today-date").focus();
}

function clickNewest(selector, missing) {
  const button = $("timeline").querySelector(selector);
  if (button) button.click();
  else announce(missing);
}

/** Alt+1..3 copy a proposal of the newest advice, Alt+Shift+1..3 mark it as proposed. */
function onKey(event) {
  if (currentTab() !== "call") return;  // the call's shortcuts only
  if (event.key === "Escape") {
    focusInput();
    return;
  }
  if (!event.altKey || event.ctrlKey || event.metaKey) return;
  const digit = /^Digit([1-3])$/.exec(event.code);
  let handled = true;
  if (digit && state.callId && event.shiftKey) {
    clickNewest(`.card-advice.newest .proposal[data-index="${digit[1]}"] .mark-offer`, `Het nieuwste advies heeft geen voorstel ${digit[1]}.`);
  } else if (digit && state.callId) {
    clickNewest(`.card-advice.newest .proposal[data-index="${digit[1]}"] .copy`, `Het nieuwste advies heeft geen voorstel ${digit[1]}.`);
  } else if (event.code === "KeyI" && state.callId) toggleSpeaker();
  else if (event.code === "KeyE" && state.callId) endCall();
  else if (event.code === "KeyM" && state.callId) {
    clickNewest(".card-summary .copy-email", "Er is nog geen conceptmail: rond eerst het gesprek af met Alt+E.");
  } else if (event.code === "KeyN") newCall();
  else handled = false;
  if (handled) event.preventDefault();
}

async function init() {
  let me;
  try {
    me = await api("GET", "me");  // a session that is over reloads the page (the login page)
  } catch (err) {
    showAlert(err.message);
    return;
  }
  initUser(me.user);
  const tabs = Object.keys(TAB_AREAS).filter((tab) => me.areas.includes(TAB_AREAS[tab]));
  initTabs({ call: showCallView, today: showToday, training: showTraining, audit: showAudit }, tabs);
  initCall();
  initAgreements();
  initChecklist();
  initPayments();
  initTraining(me.user, me.areas.includes("team_training"));
  initAudit();
  initToday((caseId) => {
    showTab("call", false);
    startCall(caseId);
  });
  document.addEventListener("keydown", onKey);
  $("copy-call-id").addEventListener("click", async () => {
    await copyText(state.callId, "Gesprek-id");
    focusInput();
  });
  const asked = HASH_TABS[location.hash];
  if (!tabs.length) {
    showAlert("Uw account heeft nog geen toegang tot een onderdeel van de gesprekshulp. Vraag uw manager om de juiste rol.");
  } else if (asked && tabs.includes(asked)) {
    showTab(asked, true);
  } else if (!tabs.includes("call")) {
    showTab(allowedTabs()[0], true);  // a trainer lands on Training
  } else {
    selectTab("call");
    if (!(await restoreCall())) {
      await searchCases("");
      $("case-search").focus();
    }
  }
  document.body.dataset.ready = "true";
}

init();
