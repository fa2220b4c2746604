// The "Auditlog" tab (managers): who logged in, opened which case, changed agreements or
// booked payments, and when; the latest 100 entries, newest first, optionally of one user.
// Every value goes on the page as text.
import { api } from "./api.js";
import { $, el, setMessage } from "./dom.js";

const LIMIT = 100;

/** "2026-11-23T09:15:02" → "23-11-2026 09:15:02": the server's time as written. */
function formatStamp(at) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})/.exec(at || "");
  return match ? `${match[3]}-${match[2]}-${match[1]} ${match[4]}` : at || "";
}

export async function loadAudit() {
  setMessage("audit-alert", "");
  const actor = $("audit-actor").value.trim();
  const query = `audit?limit=${LIMIT}${actor ? `&actor=${encodeURIComponent(actor)}` : ""}`;
  try {
    const data = await api("GET", query);
    const rows = data.entries.map((entry) => el("tr", { class: "audit-entry", "data-action": entry.action || "" },
      el("td", {}, el("time", { dateTime: entry.at, text: formatStamp(entry.at) })),
      el("td", { text: entry.actor }),
      el("td", { text: entry.label }),
      el("td", { text: entry.subject || "" }),
      el("td", { class: "audit-detail", text: entry.detail || "" })));
    $("audit-table").querySelector("tbody").replaceChildren(...rows);
    $("audit-table").hidden = !rows.length;
    $("audit-empty").textContent = rows.length ? "" : (actor ? `Geen gebeurtenissen van ${actor}.` : "Het auditlog is nog leeg.");
    $("audit-empty").hidden = rows.length > 0;
  } catch (err) {
    $("audit-table").hidden = true;
    $("audit-empty").hidden = true;
    setMessage("audit-alert", err.message);
  }
}

/** Called when the tab is shown: the log is fetched again, it changes all the time. */
export function showAudit(focus) {
  loadAudit();
  if (focus) $("audit-actor").focus();
}

export function initAudit() {
  $("audit-form").addEventListener("submit", (event) => {
    event.preventDefault();
    loadAudit();
  });
}
