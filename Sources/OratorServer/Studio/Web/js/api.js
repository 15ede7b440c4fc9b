// The HeyGen v3 API of this server, with the key the user signed in with. The key lives in
// sessionStorage: it is sent as a header, never as a cookie, so no other site can make the
// browser use it (no CSRF), and it is gone when the tab closes.
const storageKey = "orator.apiKey";

export class APIError extends Error {
  constructor(status, message, param) {
    super(message);
    this.status = status;
    this.param = param;
  }
}

export const session = {
  get key() { return sessionStorage.getItem(storageKey); },
  set key(value) {
    if (value) sessionStorage.setItem(storageKey, value);
    else sessionStorage.removeItem(storageKey);
  },
};

export async function call(method, path, body, { key = session.key, whole = false } = {}) {
  const headers = { "X-Api-Key": key ?? "" };
  let payload;
  if (body instanceof Blob) {
    payload = body;
    headers["Content-Type"] = body.type || "application/octet-stream";
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers["Content-Type"] = "application/json";
  }
  const response = await fetch(path, { method, headers, body: payload });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!response.ok) {
    const error = json?.error ?? {};
    const message = error.message ?? json?.message ?? `HTTP ${response.status}`;
    throw new APIError(response.status, message, error.param);
  }
  return whole ? json : (json?.data ?? json);
}

// One page of a v3 list: `{data: [...], has_more, next_token}`.
export const page = (path) => call("GET", path, undefined, { whole: true });

export const get = (path, options) => call("GET", path, undefined, options);
export const post = (path, body, options) => call("POST", path, body, options);
export const patch = (path, body) => call("PATCH", path, body);
export const remove = (path) => call("DELETE", path);

// Every page of a v3 list (`has_more` / `next_token`), up to `limit` items.
export async function all(path, limit = 500) {
  const items = [];
  let token = null;
  do {
    const separator = path.includes("?") ? "&" : "?";
    const answer = await page(
      `${path}${separator}limit=50${token ? `&token=${encodeURIComponent(token)}` : ""}`);
    items.push(...(answer?.data ?? []));
    token = answer?.has_more ? answer.next_token : null;
  } while (token && items.length < limit);
  return items;
}
