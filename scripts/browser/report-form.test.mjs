// The public report form in headless Chromium (Debian's chromium package) against the running local stack:
// ./run-local.sh serves the form on :5000 and report-intake behind /api/report; what the form created is
// read back through incident-lifecycle's API with the demo responder's token. Run by scripts/e2e.sh.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SCREENSHOTS, api, closeBrowser, openPage, receiptId, startBrowser, uniqueTitle } from './support.mjs';

const FORM_URL = process.env.FORM_URL || 'http://localhost:5000/';

before(startBrowser);
after(closeBrowser);

/** A fresh page of the form in a browser set to a language, recording what it sends and what it refuses. */
async function openForm(locale = 'de-DE', options = {}) {
  const opened = await openPage(FORM_URL, locale, options);
  const reportRequests = [];
  opened.page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/report') {
      reportRequests.push(request);
    }
  });
  return { ...opened, reportRequests };
}

async function fillValidReport(page, title) {
  await page.selectOption('#kind', 'SUSPECTED_DATA_BREACH');
  await page.fill('#title', title);
  await page.fill('#description', 'Die Kundenliste war ohne Anmeldung unter /export/customers.csv abrufbar.');
  await page.fill('#affectedSystems', 'shop.example.com\nexport-service');
  await page.fill('#reporterName', 'Erika Mustermann');
  await page.fill('#reporterEmail', 'erika@example.org');
}

/** The incidents whose title is exactly this one (titles carry a random part, so other tests never match). */
async function incidentsTitled(title) {
  const { status, body } = await api('/incidents?pageSize=200');
  assert.equal(status, 200);
  return body.incidents.filter((incident) => incident.title === title);
}

describe('the public report form', () => {
  test('a valid report shows a receipt with the incident ID and creates exactly one incident', async () => {
    const { context, page, reportRequests, problems } = await openForm('de-DE');
    const title = uniqueTitle('Kundenliste öffentlich');
    await fillValidReport(page, title);
    await page.fill('#observedAt', '2026-01-15T09:30');
    await page.screenshot({ path: join(SCREENSHOTS, 'form-filled.png'), fullPage: true });

    await page.click('#send');
    const id = await receiptId(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'receipt.png'), fullPage: true });

    assert.match(id, /^INC-/);
    assert.match(await page.textContent('#receipt-message'), new RegExp(`Vielen Dank.*${id}`));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'receipt', 'the receipt takes the focus');
    assert.equal(await page.isVisible('#report'), false);
    assert.equal(reportRequests.length, 1);
    const sent = reportRequests[0];
    assert.equal(sent.headers()['idempotency-key'], JSON.parse(sent.postData()).submissionId);
    // Berlin is UTC+1 in January: the local time the reporter picked goes out as the instant it is.
    assert.equal(JSON.parse(sent.postData()).observedAt, '2026-01-15T08:30:00.000Z');

    const created = await incidentsTitled(title);
    assert.deepEqual(created.map((incident) => incident.id), [id]);
    assert.equal(created[0].source, 'REPORT');
    assert.equal(created[0].reportKind, 'SUSPECTED_DATA_BREACH');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a double click creates one incident', async () => {
    const { context, page, reportRequests } = await openForm('de-DE');
    const title = uniqueTitle('Doppelklick');
    await fillValidReport(page, title);

    await page.dblclick('#send');
    const id = await receiptId(page);

    assert.ok(reportRequests.length >= 1);
    assert.deepEqual((await incidentsTitled(title)).map((incident) => incident.id), [id]);
    await context.close();
  });

  test('sending again after the answer was lost gives the same receipt and still one incident', async () => {
    const { context, page, reportRequests } = await openForm('de-DE');
    const title = uniqueTitle('Antwort verloren');
    await fillValidReport(page, title);
    // The request reaches report-intake, but the connection drops before the browser reads the answer.
    let firstAnswer;
    await page.route('**/api/report', async (route) => {
      firstAnswer = await (await route.fetch()).json();
      await route.abort('connectionreset');
    });
    await page.click('#send');
    await page.locator('#form-status').filter({ hasText: 'erneut' }).waitFor();
    assert.equal(await page.isEnabled('#send'), true, 'the reporter can send again');
    await page.unroute('**/api/report');

    await page.click('#send');
    const id = await receiptId(page);

    assert.equal(id, firstAnswer.incidentId);
    assert.equal(await page.textContent('#receipt-code'), firstAnswer.receiptCode, 'the code, shown again');
    assert.equal(reportRequests.length, 2);
    assert.equal(reportRequests[0].headers()['idempotency-key'], reportRequests[1].headers()['idempotency-key']);
    assert.deepEqual((await incidentsTitled(title)).map((incident) => incident.id), [id]);
    await context.close();
  });

  test('an invalid email and an empty description show their errors next to the fields and create nothing', async () => {
    const { context, page, reportRequests } = await openForm('de-DE');
    const title = uniqueTitle('Unvollständig');
    await page.fill('#title', title);
    await page.fill('#reporterEmail', 'erika.example.org');

    await page.click('#send');

    assert.equal(await page.textContent('#description-error'), 'Bitte füllen Sie dieses Feld aus.');
    assert.match(await page.textContent('#reporterEmail-error'), /gültige E-Mail-Adresse/);
    assert.equal(await page.getAttribute('#description', 'aria-invalid'), 'true');
    assert.equal(await page.getAttribute('#reporterEmail', 'aria-invalid'), 'true');
    assert.equal(await page.getAttribute('#title', 'aria-invalid'), null);
    // Screen readers: each error is in the field's description and in a live region.
    assert.match(await page.getAttribute('#reporterEmail', 'aria-describedby'), /reporterEmail-error/);
    assert.equal(await page.getAttribute('#reporterEmail-error', 'aria-live'), 'polite');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'description', 'focus on the first error');
    assert.equal(reportRequests.length, 0, 'nothing was sent');
    assert.deepEqual(await incidentsTitled(title), []);

    // Once corrected, the same form sends, and the errors are gone.
    await page.fill('#description', 'Nachgetragen.');
    await page.fill('#reporterEmail', 'erika@example.org');
    await page.click('#send');
    const id = await receiptId(page);
    assert.deepEqual((await incidentsTitled(title)).map((incident) => incident.id), [id]);
    await context.close();
  });

  test('told to wait after too many reports, the reporter keeps what was typed and sends it later', async () => {
    // The 429 is what report-intake answers a client over its budget (AbuseTest sends a real flood);
    // here the form's handling of it: the wait in plain words, nothing typed lost, sending again works.
    const { context, page } = await openForm('de-DE');
    const title = uniqueTitle('Zu viele');
    await fillValidReport(page, title);
    await page.route('**/api/report', (route) => route.fulfill({
      status: 429,
      headers: { 'Content-Type': 'application/json', 'Retry-After': '420' },
      body: JSON.stringify({ error: { code: 'TOO_MANY_REPORTS', message: 'too many reports or messages from this address in a short time; please try again later' } }),
    }));
    await page.click('#send');
    await page.locator('#form-status', { hasText: 'in 7 Minuten' }).waitFor();
    assert.equal(await page.inputValue('#title'), title);
    assert.match(await page.inputValue('#description'), /Kundenliste/);
    assert.equal(await page.inputValue('#reporterEmail'), 'erika@example.org');
    await page.click('[data-language=en]');
    await page.locator('#form-status', { hasText: 'in 7 minutes' }).waitFor();

    await page.unroute('**/api/report');
    await page.click('#send');
    await receiptId(page);
    assert.equal((await incidentsTitled(title)).length, 1);
    await context.close();
  });

  test("the server's refusal is shown at its field: a reporter's clock running an hour ahead", async () => {
    // The browser believes it is an hour later than it is, so it allows a time the server sees as future.
    const { context, page, reportRequests } = await openForm('de-DE');
    const browserNow = Date.now() + 60 * 60 * 1000;
    await page.clock.setFixedTime(browserNow);
    const title = uniqueTitle('Uhr geht vor');
    await fillValidReport(page, title);
    const tenMinutesAgoInBerlin = await page.evaluate((ms) => {
      const d = new Date(ms - 10 * 60 * 1000);
      const pad = (n) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    }, browserNow);
    await page.fill('#observedAt', tenMinutesAgoInBerlin);

    await page.click('#send');
    await page.locator('#observedAt-error').filter({ hasText: 'Zukunft' }).waitFor();

    assert.equal(reportRequests.length, 1, 'the client let it through; the server refused it');
    assert.equal(await page.getAttribute('#observedAt', 'aria-invalid'), 'true');
    assert.equal(await page.isVisible('#receipt'), false);
    assert.deepEqual(await incidentsTitled(title), []);
    await context.close();
  });

  test('an English browser gets the English page and an English receipt; the language can be switched', async () => {
    const { context, page, problems } = await openForm('en-GB');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.textContent('h1'), 'Report a security incident or vulnerability');
    assert.match(await page.textContent('.rules'), /do not test in ways that harm our systems or the data of other customers/i);
    assert.match(await page.textContent('.rules'), /without delay/);
    assert.equal(await page.textContent('label[for=reporterEmail]'), 'Email address');
    assert.equal(await page.textContent('#send'), 'Send report');
    assert.equal(await page.getAttribute('[data-language=en]', 'aria-pressed'), 'true');

    await page.click('#send');
    assert.equal(await page.textContent('#title-error'), 'Please fill in this field.');
    await page.click('[data-language=de]');
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    assert.equal(await page.textContent('#title-error'), 'Bitte füllen Sie dieses Feld aus.');
    assert.equal(await page.textContent('h1'), 'Sicherheitsvorfall oder Schwachstelle melden');
    await page.click('[data-language=en]');

    const title = uniqueTitle('Open admin panel');
    await page.fill('#title', title);
    await page.fill('#description', 'The admin panel answers without a password.');
    await page.fill('#reporterEmail', 'sam@example.org');
    await page.click('#send');
    const id = await receiptId(page);
    assert.equal(await page.textContent('#receipt-heading'), 'Thank you – your report has been received');
    assert.match(await page.textContent('#receipt-message'), new RegExp(`^Thank you for your report\\. It has been received as ${id}`));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the form works by keyboard alone and every field has a label', async () => {
    const { context, page } = await openForm('de-DE');
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
      .filter((field) => field.labels.length === 0).map((field) => field.id));
    assert.deepEqual(unlabelled, []);

    const title = uniqueTitle('Nur Tastatur');
    const tabTo = async (id) => {
      for (let i = 0; i < 25 && (await page.evaluate(() => document.activeElement.id)) !== id; i++) {
        await page.keyboard.press('Tab');
      }
      assert.equal(await page.evaluate(() => document.activeElement.id), id, `Tab reaches #${id}`);
    };
    await tabTo('kind');
    await page.keyboard.press('ArrowDown'); // VULNERABILITY
    await tabTo('title');
    await page.keyboard.type(title);
    await tabTo('description');
    await page.keyboard.type('Gefunden beim Durchsehen der Seite.');
    await tabTo('send');
    await page.keyboard.press('Enter');

    const id = await receiptId(page);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'receipt');
    const created = await incidentsTitled(title);
    assert.deepEqual(created.map((incident) => incident.id), [id]);
    assert.equal(created[0].reportKind, 'VULNERABILITY');
    await context.close();
  });

  test('the page is served with a strict Content-Security-Policy and loads nothing from elsewhere', async () => {
    const response = await fetch(FORM_URL);
    const csp = response.headers.get('content-security-policy');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    const html = await response.text();
    // Every script is a file of this origin (form-texts.js, form.js): none inline.
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc="[a-z-]+\.js")/, 'no inline script');
    assert.doesNotMatch(html, /https?:\/\//, 'no absolute URL: nothing from another origin');
  });
});
