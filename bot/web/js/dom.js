// Small DOM and formatting helpers. Everything from the server or the debtor goes on the
// page as text (textContent), never parsed as HTML.

export const $ = (id) => document.getElementById(id);

export const euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" });
export const plainAmount = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const longDate = new Intl.DateTimeFormat("nl-NL", { weekday: "long", day: "numeric", month: "long", year: "numeric" });

/** An element with text content and attributes; children are elements or strings. */
export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("data-") || key.startsWith("aria-") || ["role", "title", "type", "for"].includes(key)) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

/** "2026-11-27" → "vrijdag 27 november 2026" (the date as written, no time zone shift). */
export function formatDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return longDate.format(new Date(y, m - 1, d));
}

/** One payment as a collector reads it aloud: "€ 500,00 uiterlijk vrijdag 27 november 2026". */
export function paymentText(payment) {
  return `${euro.format(payment.amount)} uiterlijk ${formatDate(payment.date)}`;
}

export function showAlert(message) {
  setMessage("alert", message);
}

/** Shows a message in the element with this id, or hides it when there is none. */
export function setMessage(id, message) {
  $(id).textContent = message || "";
  $(id).hidden = !message;
}

/** A short message for screen readers and the eye, under the input line. */
export function announce(message) {
  $("status").textContent = message;
}
