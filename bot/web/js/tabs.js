// The tabs: Gesprekshulp (the call), Vandaag (the follow-up list), Training, Auditlog; only
// those the account may use are shown. Arrow keys, Home and End move between the shown
// tabs, as for any tab list.
import { $ } from "./dom.js";

const ALL = ["call", "today", "training", "audit"];
const PANELS = { call: "view-call", today: "today", training: "training", audit: "audit" };
let tabs = [];    // the tabs of this account, in order
let onShow = {};

/** ``allowed`` are the tabs this account may use; ``handlers[name](focus)`` is called when
 *  that tab is shown. Nothing is shown yet: call ``showTab`` (or ``selectTab``) next. */
export function initTabs(handlers, allowed) {
  onShow = handlers;
  tabs = ALL.filter((name) => allowed.includes(name));
  for (const name of ALL) {
    const tab = $(`tab-${name}`);
    tab.hidden = !tabs.includes(name);
    $(PANELS[name]).hidden = true;
    if (tab.hidden) continue;
    tab.addEventListener("click", () => showTab(name, true));
    tab.addEventListener("keydown", onTabKey);
  }
}

export function allowedTabs() {
  return [...tabs];
}

export function currentTab() {
  return document.body.dataset.tab;
}

/** Shows a tab and its panel without its handler (the caller loads what it needs). */
export function selectTab(name) {
  if (!tabs.includes(name)) return false;
  document.body.dataset.tab = name;
  for (const tab of tabs) {
    $(PANELS[tab]).hidden = tab !== name;
    $(`tab-${tab}`).setAttribute("aria-selected", String(tab === name));
    $(`tab-${tab}`).tabIndex = tab === name ? 0 : -1;
  }
  return true;
}

export function showTab(name, focus) {
  if (selectTab(name)) onShow[name](focus);
}

function onTabKey(event) {
  const at = tabs.indexOf(currentTab());
  const target = { ArrowRight: tabs[(at + 1) % tabs.length], ArrowLeft: tabs[(at + tabs.length - 1) % tabs.length],
    Home: tabs[0], End: tabs[tabs.length - 1] }[event.key];
  if (!target) return;
  showTab(target, false);
  $(`tab-${target}`).focus();
  event.preventDefault();
}
