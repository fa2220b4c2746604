// The login page: name and password go to POST login as JSON (never in the address). The
// server sets an HttpOnly session cookie; reloading the same address then shows the pane
// (with the part of the address after "#", so a link to a call still opens that call).
import { $ } from "./dom.js";

let busy = false;

/** The server's Dutch refusal (or ours), read out by screen readers; "" clears it. */
function showError(message) {
  $("login-alert").textContent = message || "";
}

function setBusy(on) {
  busy = on;
  $("login-submit").disabled = on;
  $("login-status").textContent = on ? "Bezig met inloggen…" : "";
}

async function logIn(event) {
  event.preventDefault();
  if (busy) return;
  const name = $("login-name");
  const password = $("login-password");
  const username = name.value.trim();
  if (!username || !password.value) {
    showError("Vul uw gebruikersnaam en wachtwoord in.");
    (username ? password : name).focus();
    return;
  }
  showError("");
  setBusy(true);
  let response;
  try {
    response = await fetch("login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username, password: password.value }),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch (err) {
    setBusy(false);
    showError("De coach is op dit moment niet bereikbaar. Probeer het zo opnieuw; lukt het niet, waarschuw dan de beheerder.");
    return;
  }
  if (response.ok) {
    $("login-status").textContent = "Ingelogd. De gesprekshulp wordt geladen…";
    location.reload();
    return;
  }
  let data = null;
  try {
    data = await response.json();
  } catch (err) {
    data = null;
  }
  setBusy(false);
  showError((data && data.error) || `Inloggen lukte niet (fout ${response.status}). Probeer het opnieuw.`);
  if (response.status === 401) {
    password.value = "";
    password.focus();
  } else {
    password.select();
  }
}

function init() {
  $("login-form").addEventListener("submit", logIn);
  if (!$("login-name").value) $("login-name").focus();
  else $("login-password").focus();
  document.body.dataset.ready = "true";
}

init();
