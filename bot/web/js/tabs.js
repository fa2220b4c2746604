// The three tabs: Gesprekshulp (the call), Vandaag (the follow-up list), Training. Arrow
// keys, Home and End move between them, as for any tab list.
import { $ } from "./dom.js";

const TABS = ["call", "today", "training"];
const PANELS = { call: "view-call", today: "today", training: "training" };
let onShow = {};

/** ``handlers[name](focus)`` is called when that tab is shown. */
export function initTabs(handlers) {
  onShow = handlers;
  for (const name of TABS) {
    $(`tab-${name}`).addEventListener("click", () => showTab(name, true));
    $(`tab-${name}`).addEventListener("keydown", onTabKey);
  }
  document.body.dataset.tab = "call";
}

export function currentTab() {
  return document.body.dataset.tab;
}

export function showTab(name, focus) {
  document.body.dataset.tab = name;
  for (const tab of TABS) {
    $(PANELS[tab]).hidden = tab !== name;
    $(`tab-${tab}`).setAttribute("aria-selected", String(tab === name));
    $(`tab-${tab}`).tabIndex = tab === name ? 0 : -1;
  }
  onShow[name](focus);
}

function onTabKey(event) {
  const at = TABS.indexOf(currentTab());
  const target = { ArrowRight: TABS[(at + 1) % TABS.length], ArrowLeft: TABS[(at + TABS.length - 1) % TABS.length],
    Home: TABS[0], End: TABS[TABS.length - 1] }[event.key];
  if (!target) return;
  showTab(target, false);
  $(`tab-${target}`).focus();
  event.preventDefault();
}
