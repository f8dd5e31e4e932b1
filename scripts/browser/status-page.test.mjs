// The reporter's status page in headless Chromium against the running local stack: from the receipt to the
// status page, the team's message, the reporter's answer; German and English; keyboard only; the same strict
// Content-Security-Policy as the form. Run by scripts/e2e.sh.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SCREENSHOTS, api, closeBrowser, openPage, receiptId, startBrowser, uniqueTitle, write } from './support.mjs';

const SITE = process.env.FORM_URL || 'http://localhost:5000/';
const STATUS_URL = new URL('status/', SITE).href;

before(startBrowser);
after(closeBrowser);

/** Sends a report through the form; gives the page (on its receipt), the incident ID and the code. */
async function reportThroughTheForm(locale) {
  const opened = await openPage(SITE, locale);
  const { page } = opened;
  await page.selectOption('#kind', 'VULNERABILITY');
  await page.fill('#title', uniqueTitle('Status page'));
  await page.fill('#description', 'The search reflects the q parameter unescaped.');
  await page.click('#send');
  const id = await receiptId(page);
  const code = (await page.textContent('#receipt-code')).trim();
  return { ...opened, id, code };
}

describe("the reporter's status page", () => {
  test('the receipt leads to the status page, the team writes, the reporter reads it and answers', async () => {
    const { context, page, id, code, problems } = await reportThroughTheForm('de-DE');
    assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}-[0-9A-HJKMNP-TV-Z]{2}$/);
    await page.click('#status-link');
    await page.locator('#report-status').waitFor({ state: 'visible' });
    assert.equal(new URL(page.url()).hash, '', 'the code is gone from the address bar');
    assert.equal(await page.textContent('#incident-id'), id);
    assert.match(await page.textContent('#status-text'), /^Eingegangen/);
    assert.equal(await page.isVisible('#no-messages'), true);

    const sent = await write(id, '/reporter-messages', { text: 'Danke! Wir konnten es nachvollziehen und beheben es.' });
    assert.equal(sent.status, 201);
    await page.fill('#code', code.toLowerCase());
    await page.click('#show');
    await page.locator('#messages li.from-team').waitFor();
    assert.match(await page.textContent('#messages'), /Unser Team.*Wir konnten es nachvollziehen/s);

    await page.fill('#text', 'Der Parameter name ist ebenfalls betroffen.');
    await page.click('#send');
    await page.locator('#messages li.from-you').waitFor();
    assert.match(await page.textContent('#answer-sent'), /angekommen/);
    await page.screenshot({ path: join(SCREENSHOTS, 'status-page.png'), fullPage: true });

    const { body } = await api(`/incidents/${id}/reporter-messages`);
    assert.deepEqual(body.messages.map((m) => m.direction), ['TO_REPORTER', 'FROM_REPORTER']);
    assert.equal(body.messages[1].text, 'Der Parameter name ist ebenfalls betroffen.');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('in English, and a wrong code says so without telling whether any report exists', async () => {
    const { context, page, problems } = await openPage(STATUS_URL, 'en-GB');
    assert.equal(await page.textContent('h1'), 'Status of your report');
    await page.fill('#code', 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ');
    await page.click('#show');
    await page.locator('#lookup-status').filter({ hasText: 'No report matches this code' }).waitFor();
    assert.equal(await page.isVisible('#report-status'), false);
    await page.click('[data-language="de"]');
    assert.match(await page.textContent('#lookup-status'), /keine Meldung/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the page works by keyboard alone and every field has a label', async () => {
    const { context: formContext, code } = await reportThroughTheForm('en-GB');
    await formContext.close();
    const { context, page } = await openPage(STATUS_URL, 'en-GB');
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, textarea')]
      .filter((field) => field.labels.length === 0).map((field) => field.id));
    assert.deepEqual(unlabelled, []);
    const tabTo = async (id) => {
      for (let i = 0; i < 15 && (await page.evaluate(() => document.activeElement.id)) !== id; i++) {
        await page.keyboard.press('Tab');
      }
      assert.equal(await page.evaluate(() => document.activeElement.id), id, `Tab reaches #${id}`);
    };
    await tabTo('code');
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await page.locator('#report-status').waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'report-status');
    await tabTo('text');
    await page.keyboard.type('Typed with the keyboard only.');
    await tabTo('send');
    await page.keyboard.press('Enter');
    await page.locator('#messages li.from-you').waitFor();
    assert.match(await page.textContent('#messages'), /You.*Typed with the keyboard only/s);
    await context.close();
  });

  test('the page is served with the strict Content-Security-Policy and loads nothing from elsewhere', async () => {
    const response = await fetch(STATUS_URL);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    const html = await response.text();
    assert.doesNotMatch(html, /<script(?![^>]*src="\/status\/status\.js")/, 'no inline script');
    assert.doesNotMatch(html, /https?:\/\//, 'nothing from another origin');
  });
});
