// The pane's JSON API (under /webhooks/pane/, relative to the page). Errors come back as
// exceptions with the server's Dutch message.

export async function api(method, path, body) {
  const options = { method, headers: {} };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, options);
  } catch (err) {
    throw new Error("De coach is op dit moment niet bereikbaar. Probeer het zo opnieuw; lukt het niet, waarschuw dan de beheerder.");
  }
  let data = null;
  try {
    data = await response.json();
  } catch (err) {
    data = null;
  }
  if (!response.ok) {
    throw new Error((data && data.error) || `De coach gaf een fout (${response.status}).`);
  }
  return data;
}

/** The path of one of the open call's endpoints: callPath("abc", "end") → "calls/abc/end". */
export function callPath(callId, ...rest) {
  return ["calls", encodeURIComponent(callId), ...rest].join("/");
}
