// The pane's JSON API (under /webhooks/pane/, relative to the page). Errors come back as
// exceptions with the server's Dutch message. An answer 401 means the session is over
// (logged out elsewhere, expired, account disabled): the page reloads, and the same
// address then shows the login page.

let leaving = false;

/** Reloads the page once, for the login page; the part after "#" stays, so after logging
 *  in the open call comes back. */
export function sessionEnded() {
  if (!leaving) {
    leaving = true;
    location.reload();
  }
  return new Promise(() => {});  // never settles: nothing more happens on this page
}

const UNREACHABLE = "De coach is op dit moment niet bereikbaar. Probeer het zo opnieuw; lukt het niet, waarschuw dan de beheerder.";
// A balancer's answers when a replica went away: another one can take the request.
const RETRYABLE_STATUS = new Set([502, 503, 504]);

export async function api(method, path, body) {
  const options = { method, headers: {}, credentials: "same-origin" };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, options);
  } catch (err) {
    throw Object.assign(new Error(UNREACHABLE), { retryable: true });
  }
  if (response.status === 401) return sessionEnded();
  let data = null;
  try {
    data = await response.json();
  } catch (err) {
    data = null;
  }
  if (!response.ok) {
    const error = new Error((data && data.error) || `De coach gaf een fout (${response.status}).`);
    throw Object.assign(error, { retryable: RETRYABLE_STATUS.has(response.status) });
  }
  return data;
}

/** The path of one of the open call's endpoints: callPath("abc", "end") → "calls/abc/end". */
export function callPath(callId, ...rest) {
  return ["calls", encodeURIComponent(callId), ...rest].join("/");
}
