// What the browser tests share: one headless Chromium (Debian's chromium package), pages that record what
// they refuse (a CSP violation, a request to another origin, a script error), and the staff API with the demo
// members' tokens of the running local stack.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOTS = join(ROOT, 'target/screenshots');
const LIFECYCLE_URL = process.env.LIFECYCLE_URL || 'http://localhost:8083';

let browser;

export async function startBrowser() {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Playwright gives the browser a fresh temporary profile and removes it on close.
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    // No sandbox: CI runs as root in a container. The rest keeps Chromium from calling home.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export async function closeBrowser() {
  await browser?.close();
}

export const STORAGE_URL = process.env.STORAGE_URL || 'http://127.0.0.1:8092';

/** A fresh page at url in a browser set to a language (and Berlin's time zone); problems collects what went wrong. */
export async function openPage(url, locale = 'de-DE', options = {}) {
  const context = await browser.newContext({ locale, timezoneId: 'Europe/Berlin', ...options });
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(url).origin;
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 40[349]/.test(message.text())) {
      problems.push(message.text()); // e.g. a CSP violation; an answered 403, 404 or 409 is not one
    }
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('request', (request) => {
    // Evidence files go straight to Cloud Storage (locally its stand-in) through signed URLs.
    if (!request.url().startsWith(origin) && !request.url().startsWith(`${STORAGE_URL}/`)) {
      problems.push(`request to another origin: ${request.url()}`);
    }
  });
  await page.goto(url);
  return { context, page, problems };
}

export function uniqueTitle(what) {
  return `${what} ${randomUUID().slice(0, 8)}`;
}

function token(role) {
  return readFileSync(join(ROOT, `target/local-stack/tokens/${role}.token`), 'utf8').trim();
}

/** A call to incident-lifecycle as the demo member of role; writes carry the incident's current ETag. */
export async function api(path, { method = 'GET', role = 'responder', body, etag } = {}) {
  const headers = { Authorization: `Bearer ${token(role)}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (etag) headers['If-Match'] = etag;
  const response = await fetch(LIFECYCLE_URL + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, etag: response.headers.get('etag'), body: await response.json() };
}

/** A write to an incident as role, with the ETag read just before. */
export async function write(incidentId, path, body, role = 'responder') {
  const { etag } = await api(`/incidents/${incidentId}`);
  return api(`/incidents/${incidentId}${path}`, { method: 'POST', role, body, etag });
}

export async function receiptId(page) {
  await page.locator('#receipt').waitFor({ state: 'visible' });
  return (await page.textContent('#incident-id')).trim();
}
