// Incassocoach live pane: wires the modules together and owns the call's shortcuts.
import { $, announce } from "./dom.js";
import { copyText } from "./clipboard.js";
import { initAgreements } from "./agreements.js";
import { endCall, hasCases, initCall, newCall, restoreCall, searchCases, startCall, toggleSpeaker } from "./call.js";
import { initPayments } from "./payments.js";
import { initTabs, currentTab, showTab } from "./tabs.js";
import { initToday, loadFollowups } from "./today.js";
import { initTraining, showTraining } from "./training.js";
import { state, focusInput } from "./state.js";

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
  initTabs({ call: showCallView, today: showToday, training: showTraining });
  initCall();
  initAgreements();
  initPayments();
  initTraining();
  initToday((caseId) => {
    showTab("call", false);
    startCall(caseId);
  });
  document.addEventListener("keydown", onKey);
  $("copy-call-id").addEventListener("click", async () => {
    await copyText(state.callId, "Gesprek-id");
    focusInput();
  });
  if (location.hash === "#training") showTab("training", true);
  else if (location.hash === "#vandaag") showTab("today", true);
  else if (!(await restoreCall())) {
    await searchCases("");
    $("case-search").focus();
  }
  document.body.dataset.ready = "true";
}

init();
