// Who is logged in, in the top bar, and "Uitloggen": the session ends on the server and
// the page's address (without a call in it) then shows the login page.
import { api } from "./api.js";
import { $ } from "./dom.js";
import { state } from "./state.js";

/** ``user`` as GET me gives it: {name, full_name, role, role_label}. */
export function initUser(user) {
  $("user-name").textContent = user.full_name || user.name;
  $("user-name").title = `Gebruikersnaam: ${user.name}`;
  $("user-role").textContent = user.role_label || user.role || "";
  $("user-box").hidden = false;
  $("logout").addEventListener("click", logOut);
}

async function logOut() {
  $("logout").disabled = true;
  $("logout-alert").textContent = "";
  try {
    await api("POST", "logout");
  } catch (err) {
    $("logout").disabled = false;
    $("logout-alert").textContent = `Uitloggen lukte niet. ${err.message}`;
    return;
  }
  if (state.events) state.events.close();
  location.replace("./");  // a full load; the next user does not land in this call
}
