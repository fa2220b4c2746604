// Copy buttons: the collector reads or pastes a suggestion; focus goes back to the input.
import { el, announce } from "./dom.js";
import { focusInput } from "./state.js";

/** Copies text to the clipboard; window.__lastCopied records it (for the browser tests). */
export async function copyText(text, what) {
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

export function copyButton(text, what, shortcut, label) {
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
export function suggestion(text, what, shortcut) {
  return el("div", { class: "suggestion" }, el("span", { class: "suggestion-text", text }), copyButton(text, what, shortcut));
}
