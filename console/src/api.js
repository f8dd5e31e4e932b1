// The staff API on the console's own origin (/api/staff, a Hosting rewrite to incident-lifecycle) and
// the evidence vault's (/api/vault), called by operation name with the signed-in member's ID token. A write carries the incident's ETag; a 412 becomes a
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

/** The operations the console calls, by operationId: [method, path template, API], from api/*.openapi.yaml. */
const OPERATIONS = API_OPERATIONS;
const BASES = { staff: BASE, vault: '/api/vault' };

/** The operation's URL: its path template filled from {@code path}, {@code query} without empty values. */
function url(name, path = {}, query = {}) {
  const [method, template, api] = OPERATIONS[name];
  const filled = template.replace(/\{(\w+)\}/g, (_, p) => encodeURIComponent(path[p]));
  const pairs = Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return { method, base: BASES[api], url: pairs.length ? `${filled}?${new URLSearchParams(pairs)}` : filled };
}

/**
 * Reads by operation name (the operationId of the API description, as a generated client names it):
 * the answer's JSON, or with {@code as} its text or a Blob (a document, a raw mail, a PDF).
 */
export async function read(name, path, query, as = 'json') {
  const { method, base, url: target } = url(name, path, query);
  if (as === 'json') return (await request(method, target, { base })).data;
  const response = await fetch(base + target, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store', credentials: 'omit' });
  if (response.status === 401) onSignedOut();
  if (!response.ok) throw new ApiError(response.status, null);
  return as === 'blob' ? response.blob() : response.text();
}

/**
 * Writes by operation name: {@code body} as JSON, {@code etag} as If-Match (the incident's version the
 * member saw), {@code key} as Idempotency-Key. Gives { data, etag }.
 */
export function send(name, path, body, etag, key) {
  const { method, base, url: target } = url(name, path);
  return request(method, target, { body, etag, key, base });
}
