// "Betaling registreren" on the call view: a payment that came in by hand, booked on the
// case; the answer lists the case's promises with their new status.
import { api } from "./api.js";
import { $, el, euro, formatDate, paymentText, announce, setMessage } from "./dom.js";
import { state } from "./state.js";

const STATUS = { open: "openstaand", kept: "nagekomen", partly_kept: "deels nagekomen", broken: "niet nagekomen", cancelled: "vervallen" };

export function clearPayments() {
  $("payment-form").reset();
  setMessage("payment-alert", "");
  $("payment-done").hidden = true;
  $("payment-promises").replaceChildren();
}

async function registerPayment(event) {
  event.preventDefault();
  setMessage("payment-alert", "");
  const body = { amount: $("payment-amount").value };
  if ($("payment-date").value) body.date = $("payment-date").value;
  if ($("payment-reference").value.trim()) body.reference = $("payment-reference").value.trim();
  try {
    const answer = await api("POST", `cases/${encodeURIComponent(state.caseId)}/payments`, body);
    const done = `Betaling van ${euro.format(answer.payment.amount)} op ${formatDate(answer.payment.date)} geregistreerd.`;
    $("payment-form").reset();
    $("payment-done").textContent = done;
    $("payment-done").hidden = false;
    $("payment-promises").replaceChildren(...answer.promises.map((p) => el("li", { "data-status": p.status },
      `${paymentText(p)}: `, el("span", { class: "status-chip", "data-status": p.status, text: STATUS[p.status] || p.status }))));
    for (const promise of answer.promises) {
      const chip = $("agreement-rows").querySelector(`.agreement[data-id="${promise.id}"] .status-chip`);
      if (chip) {
        chip.dataset.status = promise.status;
        chip.textContent = STATUS[promise.status] || promise.status;
      }
    }
    announce(done);
  } catch (err) {
    setMessage("payment-alert", err.message);
    $("payment-amount").focus();
  }
}

export function initPayments() {
  $("payment-form").addEventListener("submit", registerPayment);
}
