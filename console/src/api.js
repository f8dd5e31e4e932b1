// The staff API on the console's own origin (/api/staff, a Hosting rewrite to incident-lifecycle),
// with the signed-in member's ID token. A write carries the incident's ETag; a 412 becomes a
// Conflict the page answers by showing the current state and keeping what was typed.
export const BASE = '/api/staff';

let token = null;
let onSignedOut = () => {};

export function setToken(next, signedOut) {
  token = next;
  if (signedOut) onSignedOut = signedOut;
}

export class ApiError extends Error {
  constructor(status, error) {
    super((error && error.message) || `HTTP ${status}`);
    this.status = status;
    this.code = error && error.code;
    this.field = error && error.field;
    this.unmet = (error && error.unmet) || [];
  }
}

export class Conflict extends ApiError {}

async function request(method, path, { body, etag, accept, base = BASE, key } = {}) {
  const headers = { Authorization: `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (etag) headers['If-Match'] = etag;
  if (accept) headers.Accept = accept;
  if (key) headers['Idempotency-Key'] = key;
  const response = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
    credentials: 'omit',
  });
  if (response.status === 401) {
    onSignedOut();
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (notJson) {
    data = text;
  }
  if (!response.ok) {
    const error = data && data.error;
    throw response.status === 412 ? new Conflict(412, error) : new ApiError(response.status, error);
  }
  return { data, etag: response.headers.get('ETag') };
}

export async function get(path) {
  return (await request('GET', path)).data;
}

export async function text(path) {
  const response = await fetch(BASE + path, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (!response.ok) throw new ApiError(response.status, null);
  return response.text();
}

/** A binary answer (a raw mail) as a Blob, for a download the member asked for. */
export async function blob(path) {
  const response = await fetch(BASE + path, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (!response.ok) throw new ApiError(response.status, null);
  return response.blob();
}

export function write(method, path, body, etag) {
  return request(method, path, { body, etag });
}

/**
 * The evidence vault's API (/api/vault, a Hosting rewrite to evidence-vault). Its writes carry no
 * If-Match: what they add does not depend on what the member saw; a capture carries an
 * Idempotency-Key so a double click starts one.
 */
export const vault = {
  get: async (path) => (await request('GET', path, { base: VAULT })).data,
  write: (method, path, body, key) => request(method, path, { body, base: VAULT, key }),
};
export const VAULT = '/api/vault';
