// The staff console in headless Chromium against the running local stack: a data breach walked from the
// report to closed through the console only, section by section (a screenshot of each), a four-eyes skip with two roles, a conflict between two
// browsers, what each role does not see, keyboard use, axe-core on every page, and the build that is
// deployed. Run by scripts/e2e.sh; screenshots in target/screenshots/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SCREENSHOTS, STORAGE_URL, api, closeBrowser, openPage, receiptId, startBrowser, uniqueTitle } from './support.mjs';

const SITE = process.env.FORM_URL || 'http://localhost:5000/';
const CONSOLE = new URL('console/', SITE).href;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

before(startBrowser);
after(closeBrowser);

/** A browser signed in to the console as the demo member of role (the local stack's role picker). */
async function signIn(role, options = {}) {
  const opened = await openPage(CONSOLE, 'en-GB', options);
  await opened.page.locator('#role-picker button', { hasText: new RegExp(`^${role}$`) }).click();
  await opened.page.locator('#me').waitFor();
  return opened;
}

async function openIncident(page, id, section = '') {
  await page.goto(`${CONSOLE}#/incidents/${id}${section ? `/${section}` : ''}`);
  await page.locator('#incident-heading', { hasText: id }).waitFor();
}

/** Opens a section of the incident page through its navigation, as a person would. */
async function show(page, label) {
  await page.locator('nav.sections a', { hasText: label }).click();
  await page.locator('nav.sections a[aria-current=page]', { hasText: label }).waitFor();
}

async function phaseIs(page, label) {
  await page.locator('.stepper li.current', { hasText: label }).waitFor();
}

/** A report as a reporter sends it, through the public form; gives its incident ID. */
async function reportThroughTheForm(title) {
  const { context, page } = await openPage(SITE, 'en-GB');
  await page.selectOption('#kind', 'SUSPECTED_DATA_BREACH');
  await page.fill('#title', title);
  await page.fill('#description', 'The export bucket with customer addresses is readable without sign-in.');
  await page.click('#send');
  const id = await receiptId(page);
  await context.close();
  return id;
}

async function triage(page, values) {
  await show(page, 'Triage');
  const form = page.locator('form#triage');
  for (const [name, value] of Object.entries(values)) {
    const field = form.locator(`[name=${name}]`);
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await form.locator('button[type=submit]').click();
}

const SECTIONS = ['overview', 'triage', 'assessment', 'report', 'measures', 'evidence', 'decisions', 'communications', 'timeline'];

const BREACH_TRIAGE = {
  classification: 'BREACH', severity: 'P2', initialRisk: 'HIGH',
  confidentiality: 'HIGH', integrity: 'NONE', availability: 'NONE',
  affectedSystems: 'export-bucket', dataDomains: 'user profiles', dataCategories: 'names\npostal addresses',
  estimatedDataSubjects: '1200', estimatedRecords: '1250',
};

const PLAIN_TRIAGE = {
  classification: 'INCIDENT', severity: 'P3', initialRisk: 'LOW',
  confidentiality: 'NONE', integrity: 'NONE', availability: 'LOW',
  affectedSystems: 'search', dataDomains: 'infrastructure',
};

async function addMeasure(page, { type, description, owner, dueAt }) {
  await show(page, 'Measures');
  const form = page.locator('form#add-measure');
  await form.locator('[name=type]').selectOption(type);
  await form.locator('[name=description]').fill(description);
  if (owner) await form.locator('[name=owner]').fill(owner);
  if (dueAt) await form.locator('[name=dueAt]').fill(dueAt);
  await form.locator('button[type=submit]').click();
  await page.locator('#measures td', { hasText: description }).waitFor();
}

async function logDecision(page, type, reasoning) {
  await show(page, 'Decisions');
  const form = page.locator('form#log-decision');
  await form.locator('[name=type]').selectOption(type);
  await form.locator('[name=reasoning]').fill(reasoning);
  await form.locator('button[type=submit]').click();
  await page.locator('#decisions li', { hasText: reasoning }).waitFor();
}

async function approve(page, audience, label) {
  await show(page, 'Communications');
  const form = page.locator('form#approve');
  await form.locator('[name=approveAudience]').selectOption(audience);
  await form.locator('button[type=submit]').click();
  await page.locator('#approvals li', { hasText: label }).locator('.badge.ok').waitFor();
}

async function communicate(page, audience, summary) {
  await show(page, 'Communications');
  const form = page.locator('form#record-communication');
  await form.locator('[name=audience]').selectOption(audience);
  await form.locator('[name=channel]').fill('portal');
  await form.locator('[name=summary]').fill(summary);
  await form.locator('button[type=submit]').click();
  await page.locator('#communications td', { hasText: summary }).waitFor();
}

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the staff console', () => {
  test('a data breach goes from the report to closed through the console only', async () => {
    const id = await reportThroughTheForm(uniqueTitle('Console walk'));
    const responder = await signIn('responder');
    const R = responder.page;
    await R.locator('#incidents a', { hasText: id }).click();
    await R.locator('#incident-heading', { hasText: id }).waitFor();
    await R.screenshot({ path: join(SCREENSHOTS, 'console-board.png') });

    await triage(R, BREACH_TRIAGE);
    await R.locator('p .badge', { hasText: 'BREACH' }).waitFor();
    await show(R, 'Overview');
    await R.locator('form#team [name=team]').fill('responder@meldekette.local');
    await R.locator('form#team button').click();
    await R.locator('#team-heading + p', { hasText: 'responder@meldekette.local' }).waitFor();

    await R.click('#transition');
    await phaseIs(R, 'Containment');
    assert.match(await R.textContent('#unmet'), /containment measure/);
    await addMeasure(R, { type: 'CONTAINMENT', description: 'Bucket made private' });
    await R.locator('button.check-effectiveness').click();
    await R.locator('button.check-effectiveness').waitFor({ state: 'detached' }); // recorded
    await R.click('#transition');
    await phaseIs(R, 'Forensics');

    await show(R, 'Evidence');
    // A log export uploaded into the vault: recorded with the SHA-256 the test computes itself, held so
    // that Cloud Storage refuses to delete it.
    const exported = join(mkdtempSync(join(tmpdir(), 'evidence-')), 'bucket-access-export.txt');
    writeFileSync(exported, `${new Date().toISOString()} GET /exports/customers.csv 200 anonymous\n`.repeat(5000));
    const expectedSha = createHash('sha256').update(readFileSync(exported)).digest('hex');
    await R.locator('form#upload-evidence input[type=file]').setInputFiles(exported);
    await R.locator('form#upload-evidence button[type=submit]').click();
    await R.locator('#upload-done', { hasText: expectedSha }).waitFor();
    const secured = R.locator('#evidence li.evidence', { hasText: 'bucket-access-export.txt' });
    await secured.locator('.badge.ok').waitFor();
    assert.equal(await secured.locator('code.sha256').first().textContent(), expectedSha);
    const vaultEvidence = (await api(`/incidents/${id}/evidence`)).body.evidence.find((e) => e.secured);
    assert.equal(vaultEvidence.sha256, expectedSha);
    const object = vaultEvidence.files[0].object;
    const removal = await fetch(`${STORAGE_URL}/storage/v1/b/meldekette-local-evidence/o/${encodeURIComponent(object)}`, { method: 'DELETE' });
    assert.equal(removal.status, 403, 'Cloud Storage refuses to delete a held object');
    await R.screenshot({ path: join(SCREENSHOTS, 'console-evidence-uploaded.png'), fullPage: true });

    // Logs secured from Cloud Logging with the first preset (VPC Flow Logs from a day before detection).
    await R.locator('form#secure-logs button[type=submit]').click();
    await R.locator('#captures li[data-state=COMPLETE]').waitFor({ timeout: 60000 });
    await R.locator('#evidence li.evidence', { hasText: 'log-entries.ndjson.gz' }).waitFor();

    const evidence = R.locator('form#add-evidence');
    await evidence.locator('[name=location]').fill('gs://forensics/bucket-access.json');
    await evidence.locator('[name=sha256]').fill('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
    await evidence.locator('button[type=submit]').click();
    await R.locator('#evidence li', { hasText: 'bucket-access.json' }).waitFor();
    await R.click('#transition');
    await phaseIs(R, 'Legal assessment');

    const legal = await signIn('legal');
    await openIncident(legal.page, id);
    await logDecision(legal.page, 'NOTIFY_AUTHORITY', 'Contact data of 1200 customers exposed.');
    await approve(legal.page, 'SUPERVISORY_AUTHORITY', 'Supervisory authority');
    await approve(legal.page, 'DATA_SUBJECTS', 'Data subjects');
    await approve(legal.page, 'REPORTER', 'Reporter');
    const dpo = await signIn('dpo');
    await openIncident(dpo.page, id);
    await logDecision(dpo.page, 'NOTIFY_DATA_SUBJECTS', 'Names with addresses: phishing risk is high.');
    await show(dpo.page, 'Overview');
    await dpo.page.click('#acknowledge'); // the escalation, taken by the DPO
    await dpo.page.locator('#acknowledge').waitFor({ state: 'detached' });

    await R.reload();
    await R.locator('#incident-heading', { hasText: id }).waitFor();
    await communicate(R, 'SUPERVISORY_AUTHORITY', 'Initial notification under Art. 33');
    await communicate(R, 'DATA_SUBJECTS', 'Letter to every customer concerned');
    await show(R, 'Report'); // the reporter hears back before the case can close
    await R.getByLabel('Message to the reporter').fill('We confirmed the exposure and closed it. Thank you.');
    await R.locator('button', { hasText: 'Send' }).click();
    await R.locator('li', { hasText: 'We confirmed the exposure' }).waitFor();
    await R.click('#transition');
    await phaseIs(R, 'Recovery & closure');

    await addMeasure(R, { type: 'CORRECTIVE', description: 'Rotate the export links', owner: 'platform', dueAt: '2030-01-31T17:00' });
    await addMeasure(R, { type: 'PREVENTIVE', description: 'No public buckets by policy', owner: 'security', dueAt: '2030-02-28T17:00' });
    await show(R, 'Overview');
    await R.locator('h3', { hasText: 'Regular operation restored' }).locator('..').locator('button[type=submit]').click();
    await R.locator('text=Every exit criterion is met.').waitFor();
    await R.click('#transition');
    await phaseIs(R, 'Closed');
    await R.screenshot({ path: join(SCREENSHOTS, 'console-incident.png'), fullPage: true });
    // Every section of the closed breach, each at its own address, the summary above it.
    for (const section of SECTIONS) {
      await openIncident(R, id, section === 'overview' ? '' : section);
      await R.locator('nav.sections a[aria-current=page]').waitFor();
      assert.match(await R.textContent('.summary'), /Closed/, `the summary stays on ${section}`);
      await R.screenshot({ path: join(SCREENSHOTS, `console-section-${section}.png`), fullPage: true });
    }
    assert.match(await R.textContent('#audit-streams'), /incidents\//, 'the audit trail names its chain');

    await R.goto(`${CONSOLE}#/incidents/${id}/drafts/authority-notification`);
    await R.locator('#draft-text').waitFor();
    assert.match(await R.textContent('#draft-text'), /1200|1,200|1\.200/);
    await R.screenshot({ path: join(SCREENSHOTS, 'console-draft.png'), fullPage: true });
    // The draft reads as the document it will be: headings, the Regulation's wording, times in words
    // in the controller's time zone, no Markdown marks; its PDF says the same.
    const draft = R.locator('#draft-text');
    await draft.locator('h2', { hasText: 'Art. 33(3)(a) GDPR' }).waitFor();
    const english = await draft.textContent();
    assert.doesNotMatch(english, /##|\d{4}-\d\d-\d\dT\d\d/, 'no Markdown source, no ISO times');
    assert.match(english, /\d{1,2} [A-Z][a-z]+ 20\d\d, \d\d:\d\d (CET|CEST)/);
    await R.screenshot({ path: join(SCREENSHOTS, 'console-draft-art33-en.png'), fullPage: true });
    const [draftPdf] = await Promise.all([R.waitForEvent('download'), R.getByRole('button', { name: 'Download PDF' }).click()]);
    assert.equal(draftPdf.suggestedFilename(), `${id}-authority-notification-en.pdf`);
    const draftText = execFileSync('pdftotext', ['-raw', await draftPdf.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(draftText, /Art\. 33\(3\)\(d\) GDPR/);
    assert.match(draftText, /\d{1,2} [A-Z][a-z]+ 20\d\d, \d\d:\d\d (CET|CEST)/);
    await R.locator('article [role=group]').getByRole('button', { name: 'German', exact: true }).click();
    await draft.locator('h2', { hasText: 'Art. 33 Abs. 3 lit. a DSGVO' }).waitFor();
    assert.match(await draft.textContent(), /\d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ 20\d\d, \d\d:\d\d (MEZ|MESZ)/);
    await R.screenshot({ path: join(SCREENSHOTS, 'console-draft-art33-de.png'), fullPage: true });
    // The final report, rendered, in English and in German.
    await R.goto(`${CONSOLE}#/incidents/${id}/final-report`);
    await R.locator('#draft-text h2', { hasText: 'Decision log' }).waitFor();
    await R.locator('#draft-text table').first().waitFor();
    assert.doesNotMatch(await R.textContent('#draft-text'), /##|\|---/);
    await R.screenshot({ path: join(SCREENSHOTS, 'console-final-report-en.png'), fullPage: true });
    const [reportPdf] = await Promise.all([R.waitForEvent('download'), R.getByRole('button', { name: 'Download PDF' }).click()]);
    const reportText = execFileSync('pdftotext', ['-raw', await reportPdf.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(reportText, /Decision log/);
    assert.match(reportText, /\d{1,2} [A-Z][a-z]+ 20\d\d, \d\d:\d\d (CET|CEST)/);
    await R.getByRole('button', { name: 'Deutsch', exact: true }).first().click();
    await R.locator('#draft-text h2', { hasText: 'Entscheidungsprotokoll' }).waitFor();
    await R.screenshot({ path: join(SCREENSHOTS, 'console-final-report-de.png'), fullPage: true });
    await R.getByRole('button', { name: 'English', exact: true }).first().click();
    await R.locator('#draft-text h2', { hasText: 'Decision log' }).waitFor();

    for (const opened of [responder, legal, dpo]) {
      assert.deepEqual(opened.problems, [], `no CSP violation, script error or foreign request: ${opened.problems}`);
      await opened.context.close();
    }
  });

  test('the risk is assessed by the method, the DPO overrides it with a reason, and clocks, register and report follow', async () => {
    const id = await reportThroughTheForm(uniqueTitle('Console risk'));
    const responder = await signIn('responder');
    const R = responder.page;
    await openIncident(R, id);
    await triage(R, { ...BREACH_TRIAGE, initialRisk: 'MEDIUM' });
    await R.locator('p .badge', { hasText: 'BREACH' }).waitFor();
    await show(R, 'Assessment');
    const form = R.locator('form#risk-form');
    // Each input is explained in the reader's language, from the method's own table.
    await form.locator('text=Simple data: biographical data, contact details').waitFor();
    await form.locator('[name=data-0-reason]').fill('Names and e-mail addresses of customers');
    await form.locator('[name=identification-reason]').fill('Full names');
    await form.locator('[name=confidentiality-level]').selectOption('KNOWN_RECIPIENTS');
    for (const c of ['confidentiality', 'integrity', 'availability', 'maliciousIntent']) {
      await form.locator(`[name=${c}-reason]`).fill(`Checked: ${c}`);
    }
    for (const f of ['TYPE_OF_BREACH', 'NATURE_SENSITIVITY_VOLUME', 'EASE_OF_IDENTIFICATION', 'SPECIAL_CHARACTERISTICS_OF_INDIVIDUALS', 'SPECIAL_CHARACTERISTICS_OF_CONTROLLER', 'NUMBER_OF_INDIVIDUALS']) {
      await form.locator(`[name=factor-${f}]`).fill(`Considered: ${f}`);
    }
    await form.locator('[name=factor-SEVERITY_OF_CONSEQUENCES]').fill('Unwanted contact by a competitor is possible.');
    // The live score, as the server computes it: 1 × 1 + 0.25.
    await R.locator('#risk-live', { hasText: '= 1.25 · low' }).waitFor();
    await R.locator('#risk-live', { hasText: 'document in the register' }).waitFor();
    await form.locator('button[type=submit]').click();
    await R.locator('#risk-assessments li', { hasText: 'suggestion, not decided' }).waitFor();
    assert.equal(await R.locator('#risk-decide').count(), 0, 'a responder does not decide');
    await R.screenshot({ path: join(SCREENSHOTS, 'console-risk-assessment.png'), fullPage: true });
    await R.getByRole('button', { name: 'Deutsch' }).click();
    await R.locator('form#risk-form', { hasText: 'Einfache Daten: biografische Angaben' }).waitFor();
    await R.screenshot({ path: join(SCREENSHOTS, 'console-risk-assessment-de.png'), fullPage: true });
    await R.getByRole('button', { name: 'English' }).click();

    const dpo = await signIn('dpo');
    const D = dpo.page;
    await openIncident(D, id, 'assessment');
    const decide = D.locator('#risk-decide');
    await decide.locator('[name=override-risk]').selectOption('HIGH');
    await decide.locator('[name=override-reason]').fill('The recipient is a competitor who has poached customers before.');
    await decide.getByRole('button', { name: 'Override' }).click();
    await D.locator('#risk-accepted', { hasText: 'overridden: The recipient is a competitor' }).waitFor();
    await D.locator('#risk-accepted strong', { hasText: 'high' }).waitFor();
    // The Art. 34 clock follows the accepted risk.
    await show(D, 'Overview');
    await D.locator('text=Art. 34: inform the data subjects').first().waitFor();
    // The register and the final report show the method, the score and who decided.
    await D.goto(`${CONSOLE}#/register`);
    const row = D.locator('#register tr', { hasText: id });
    await row.locator('td.risk', { hasText: 'ENISA-2013/1: SE 1.25 (low)' }).waitFor();
    await row.locator('td.risk', { hasText: 'overridden' }).waitFor();
    await D.goto(`${CONSOLE}#/incidents/${id}/final-report`);
    await D.locator('main', { hasText: 'Risk assessment' }).waitFor();
    await D.locator('#draft-text', { hasText: '1.25 (LOW)' }).waitFor();
    await responder.context.close();
    await dpo.context.close();
  });

  test('the metrics page shows each chart with its table, in English and German', async () => {
    const { context, page } = await signIn('second-line');
    await page.goto(`${CONSOLE}#/metrics`);
    await page.locator('#metrics-total strong').waitFor();
    const total = Number(await page.locator('#metrics-total strong').textContent());
    assert.ok(total > 0, 'the incidents of this run are counted');
    // Each chart is one labelled image, and its figures are in the table after it.
    for (const chart of ['chart-months', 'chart-clocks']) {
      assert.equal(await page.locator(`#${chart}`).getAttribute('role'), 'img');
      assert.ok((await page.locator(`#${chart}`).getAttribute('aria-label')).length > 0);
    }
    const monthly = await page.locator('#table-months tbody tr td:nth-child(2)').allTextContents();
    assert.equal(monthly.reduce((sum, n) => sum + Number(n), 0), total, 'the table adds up to the total');
    assert.equal(await page.locator('#chart-months rect').count() > 0, true);
    await page.locator('#table-durations th', { hasText: 'to triage' }).waitFor();
    await page.locator('[name=dimension]').selectOption('bySource');
    await page.locator('#table-months th', { hasText: 'Report' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'console-metrics.png'), fullPage: true });
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.locator('#policy-summary').click()]);
    assert.equal(pdf.suggestedFilename(), 'incident-response-policy-en.pdf');
    // An audit pack for the period shown, kept in the vault and downloaded through a signed link.
    await page.locator('form#audit-pack button[type=submit]').click();
    await page.locator('#audit-packs li').first().waitFor();
    const [zip] = await Promise.all([page.waitForEvent('download'), page.locator('#audit-packs li button').first().click()]);
    assert.match(zip.suggestedFilename(), /^APK-[0-9A-Z]{10}\.zip$/);
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.locator('#metrics-heading', { hasText: 'Kennzahlen' }).waitFor();
    await page.locator('#table-durations th', { hasText: 'bis zur Triage' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'console-metrics-de.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await context.close();
  });

  test("a draft names what it still lacks in the reader's words, each linked to where it is filled in", async () => {
    const id = await reportThroughTheForm(uniqueTitle('Console draft gaps'));
    const { context, page } = await signIn('legal');
    await openIncident(page, id);
    await page.goto(`${CONSOLE}#/incidents/${id}/drafts/authority-notification`);
    const nature = page.locator('#missing li[data-item=nature] a');
    await nature.waitFor();
    assert.equal(await nature.textContent(), 'Nature of the breach');
    assert.match(await nature.getAttribute('href'), new RegExp(`#/incidents/${id}/assessment$`));
    assert.equal(await page.locator('#missing').textContent().then((t) => t.includes('dataSubjectCategories')), false, 'no field names');
    await page.getByRole('button', { name: 'Deutsch', exact: true }).first().click();
    await page.locator('#missing li[data-item=nature] a', { hasText: 'Art der Verletzung' }).waitFor();
    await page.getByRole('button', { name: 'English', exact: true }).first().click();
    await nature.click();
    await page.locator('#assessment-heading').waitFor();
    await context.close();
  });

  test('skipping phases takes a responder to ask and the second line to approve', async () => {
    const id = await reportThroughTheForm(uniqueTitle('Console skip'));
    const responder = await signIn('responder');
    await openIncident(responder.page, id);
    await triage(responder.page, PLAIN_TRIAGE);
    await responder.page.locator('p .badge', { hasText: 'INCIDENT' }).waitFor();
    await show(responder.page, 'Overview');
    const skip = responder.page.locator('h3', { hasText: 'Skip phases' }).locator('..');
    await skip.getByLabel('Target phase').selectOption('RECOVERY_CLOSURE');
    await skip.getByLabel('Justification').fill('Handled by the vendor; nothing to contain here.');
    await skip.locator('button[type=submit]').click();
    await responder.page.locator('text=your own request').waitFor();
    assert.equal(await responder.page.locator('.approve-skip').count(), 0, 'no approve button for the requester');

    const second = await signIn('second-line');
    await openIncident(second.page, id);
    await second.page.locator('.approve-skip').click();
    await phaseIs(second.page, 'Recovery & closure');
    await responder.context.close();
    await second.context.close();
  });

  test("a breach's reclassification is filed by a responder and signed off by the DPO", async () => {
    const id = await reportThroughTheForm(uniqueTitle('Console reclassify'));
    const responder = await signIn('responder');
    await openIncident(responder.page, id);
    await triage(responder.page, BREACH_TRIAGE);
    await responder.page.locator('p .badge', { hasText: 'BREACH' }).waitFor();
    await triage(responder.page, { classification: 'INCIDENT' });
    await responder.page.locator('text=This changes legal facts of a breach').waitFor();
    const request = responder.page.locator('form', { hasText: 'This changes legal facts' });
    await request.getByLabel('Justification').fill('Only synthetic test accounts were in the export.');
    await request.locator('button[type=submit]').click();
    await responder.page.locator('text=Requested change of legal facts').waitFor();
    assert.equal(await responder.page.locator('.approve-triage-change').count(), 0);

    const dpo = await signIn('dpo');
    await openIncident(dpo.page, id, 'triage');
    await dpo.page.locator('.approve-triage-change').click();
    await dpo.page.locator('p .badge', { hasText: /^INCIDENT$/ }).waitFor();
    await responder.context.close();
    await dpo.context.close();
  });

  test('two browsers on the same incident: the slower one is told and keeps its input', async () => {
    const id = await reportThroughTheForm(uniqueTitle('Console conflict'));
    const first = await signIn('responder');
    const second = await signIn('responder');
    await openIncident(first.page, id);
    await openIncident(second.page, id);

    await triage(first.page, { ...PLAIN_TRIAGE, severity: 'P2' });
    await first.page.locator('p .badge', { hasText: 'P2' }).waitFor();
    await triage(second.page, { ...PLAIN_TRIAGE, severity: 'P4' });
    await second.page.locator('.banner', { hasText: 'Someone else changed this incident' }).waitFor();
    await second.page.locator('p .badge', { hasText: 'P2' }).waitFor(); // the current state is shown
    assert.equal(await second.page.locator('form#triage [name=severity]').inputValue(), 'P4', 'the input is kept');
    await second.page.locator('form#triage button[type=submit]').click();
    await second.page.locator('p .badge', { hasText: 'P4' }).waitFor();
    await first.context.close();
    await second.context.close();
  });

  test('many reports are closed as not an incident by a responder and approved by the second line', async () => {
    const ids = [];
    for (let n = 0; n < 2; n++) {
      const response = await fetch('http://localhost:8081/', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: 'OTHER', title: uniqueTitle('Form test'), description: 'Testing the form, please ignore.' }),
      });
      ids.push((await response.json()).incidentId);
    }
    const responder = await signIn('responder');
    await responder.page.goto(`${CONSOLE}#/screening`);
    for (const id of ids) await responder.page.getByLabel(`Select ${id}`).check();
    const form = responder.page.locator('form#request-dismissal');
    await form.locator('[name=dismiss-reason]').selectOption('TEST');
    await form.locator('[name=dismiss-justification]').fill('The web team testing the form.');
    await form.locator('button[type=submit]').click();
    await responder.page.locator('#pending-dismissals', { hasText: ids[1] }).waitFor();
    assert.equal(await responder.page.locator('#approve-dismissals').count(), 0, 'a responder approves none');

    const second = await signIn('second-line');
    await second.page.goto(`${CONSOLE}#/screening`);
    for (const id of ids) await second.page.getByLabel(`Select ${id}`).check();
    await second.page.screenshot({ path: join(SCREENSHOTS, 'console-screening.png'), fullPage: true });
    await second.page.click('#approve-dismissals');
    await second.page.locator('#pending-dismissals', { hasText: ids[0] }).waitFor({ state: 'detached' });
    for (const id of ids) {
      const { body } = await api(`/incidents/${id}`);
      assert.equal(body.closure, 'NOT_AN_INCIDENT');
      assert.ok(body.deadlines.every((d) => d.status === 'STOPPED'), 'every clock stopped');
    }
    await responder.context.close();
    await second.context.close();
  });

  test('a report by email shows its sender check, the thread both ways, attachments and the raw message', async () => {
    const title = uniqueTitle('Mail report');
    const raw = [
      'From: Rita Reporter <rita-console@example.org>', 'To: security@meldekette.local', `Subject: ${title}`,
      `Message-ID: <${Date.now()}-console@example.org>`,
      'Authentication-Results: mx.meldekette.local; spf=pass; dkim=pass; dmarc=pass header.from=example.org',
      'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '',
      '--b', 'Content-Type: text/plain; charset=utf-8', '', 'The attached mail asked for passwords.',
      '--b', 'Content-Type: message/rfc822; name="phish.eml"', 'Content-Disposition: attachment; filename="phish.eml"', '',
      'From: payroll@evil.example', 'Subject: Verify your password', '', 'Click here.', '--b--', '',
    ].join('\r\n');
    const file = join(mkdtempSync(join(tmpdir(), 'mail-')), 'report.eml');
    writeFileSync(file, raw);
    execFileSync('curl', ['-s', '--url', 'smtp://localhost:2525', '--mail-from', 'rita-console@example.org',
      '--mail-rcpt', 'security@meldekette.local', '-T', file]);
    let id;
    for (let i = 0; i < 100 && !id; i++) {
      const { body } = await api('/incidents?pageSize=50');
      id = (body.incidents.find((incident) => incident.title === title) || {}).id;
      if (!id) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(id, 'the mail became an incident');
    const dpo = await signIn('dpo');
    await openIncident(dpo.page, id, 'report');
    await dpo.page.locator('#mail', { hasText: 'Reported by email' }).waitFor();
    for (let i = 0; i < 50 && !(await dpo.page.locator('#mail li', { hasText: 'Acknowledgement' }).count()); i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await dpo.page.reload();
      await dpo.page.locator('#mail').waitFor();
    }
    const thread = await dpo.page.textContent('#mail');
    assert.match(thread, /Sender verified \(DMARC passed\)/);
    assert.match(thread, /Acknowledgement \(to rita-console@example\.org\)/, 'both directions');
    assert.match(thread, /phish\.eml · message\/rfc822 · \d+ B · [0-9a-f]{64}/, 'the attachment with its hash');
    const [download] = await Promise.all([
      dpo.page.waitForEvent('download'),
      dpo.page.locator('#mail li', { hasText: 'Report' }).first().locator('button', { hasText: 'Download the original' }).click(),
    ]);
    const saved = readFileSync(await download.path(), 'utf8');
    assert.match(saved, /The attached mail asked for passwords\./);
    await dpo.page.screenshot({ path: join(SCREENSHOTS, 'console-mail.png'), fullPage: true });
    const { body: timeline } = await api(`/incidents/${id}/timeline`, { role: 'dpo' });
    assert.ok(timeline.entries.some((e) => e.type === 'MAIL_READ'), 'the download is on the record');
    await dpo.context.close();
  });

  test('each role sees only what it may do', async () => {
    const id = await reportThroughTheForm(uniqueTitle('Console roles'));
    const responder = await signIn('responder');
    // On the incident's team, the responder sees its communications (need-to-know), but approves none.
    const { etag } = await api(`/incidents/${id}`);
    await api(`/incidents/${id}/team`, { method: 'PUT', body: { members: ['responder@meldekette.local'] }, etag });
    await openIncident(responder.page, id, 'communications');
    await responder.page.locator('#approvals').waitFor();
    assert.equal(await responder.page.locator('form#approve').count(), 0, 'a responder approves no communication');
    await show(responder.page, 'Decisions');
    await responder.page.locator('#decisions-heading').waitFor();
    assert.equal(await responder.page.locator('form#log-decision').count(), 0, 'a responder logs no decision');
    assert.equal(await responder.page.locator('a[href="#/holds"]').count(), 0);
    const comms = await signIn('communications');
    await openIncident(comms.page, id, 'triage');
    await comms.page.locator('#triage-heading').waitFor();
    assert.equal(await comms.page.locator('#transition').count(), 0, 'communications moves no phase');
    assert.equal(await comms.page.locator('form#triage').count(), 0);
    await responder.context.close();
    await comms.context.close();
  });

  test('the incident page works by keyboard alone', async () => {
    const id = await reportThroughTheForm(uniqueTitle('Console keyboard'));
    const { context, page } = await signIn('responder');
    await openIncident(page, id, 'triage');
    const tabTo = async (selector, key = 'Tab') => {
      for (let i = 0; i < 80 && !(await page.evaluate((s) => document.activeElement.matches(s), selector)); i++) {
        await page.keyboard.press(key);
      }
      assert.ok(await page.evaluate((s) => document.activeElement.matches(s), selector), `Tab reaches ${selector}`);
    };
    await tabTo('form#triage [name=classification]');
    await page.keyboard.press('ArrowDown'); // INCIDENT
    await tabTo('form#triage [name=severity]');
    await page.keyboard.press('ArrowDown'); // P1
    await tabTo('form#triage button[type=submit]');
    await page.keyboard.press('Enter');
    await page.locator('p .badge', { hasText: 'P1' }).waitFor();
    await tabTo('#transition', 'Shift+Tab'); // the summary bar, above the section
    await page.keyboard.press('Enter');
    await page.locator('.banner', { hasText: 'exit criteria' }).waitFor(); // refused: the triage is not complete
    await context.close();
  });

  test('every page has no accessibility violation axe-core finds', async () => {
    const id = await reportThroughTheForm(uniqueTitle('Console axe'));
    const found = {};
    const signInPage = await openPage(CONSOLE, 'en-GB', { bypassCSP: true });
    await signInPage.page.locator('#role-picker button').first().waitFor();
    found['sign-in'] = await axe(signInPage.page);
    await signInPage.context.close();
    const pages = {
      responder: ['#/', '#/screening', '#/metrics', ...SECTIONS.map((s) => `#/incidents/${id}/${s}`), `#/incidents/${id}/drafts/authority-notification`, `#/incidents/${id}/final-report`],
      legal: ['#/holds', '#/register'],
      admin: ['#/members'],
    };
    for (const [role, routes] of Object.entries(pages)) {
      const { context, page } = await signIn(role, { bypassCSP: true }); // to inject axe-core
      for (const route of routes) {
        await page.goto(CONSOLE + route);
        await page.locator('main h1').waitFor();
        await page.locator('[role=status]', { hasText: 'Loading' }).waitFor({ state: 'detached' });
        found[`${role} ${route}`] = await axe(page);
      }
      await context.close();
    }
    for (const [where, violations] of Object.entries(found)) {
      assert.deepEqual(violations, [], `axe-core on ${where}`);
    }
  });

  test('the console is served with its own strict policy and the deployable build has no role picker', async () => {
    const response = await fetch(CONSOLE);
    const csp = response.headers.get('content-security-policy');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self' https:\/\/accounts\.google\.com\/gsi\/client(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    const html = await response.text();
    assert.doesNotMatch(html, /<script(?![^>]*src="\/console\/app\.js")/, 'no inline script');

    const out = mkdtempSync(join(tmpdir(), 'console-'));
    execFileSync('node', [join(ROOT, 'console/build.mjs'), `--out=${out}`], {
      env: { ...process.env, GOOGLE_CLIENT_ID: '1234567890-console.apps.googleusercontent.com' },
    });
    const deployable = readFileSync(join(out, 'app.js'), 'utf8');
    assert.ok(deployable.includes('1234567890-console.apps.googleusercontent.com'));
    assert.ok(deployable.includes('accounts.google.com/gsi/client'));
    assert.ok(!deployable.includes('local-stack/tokens.json'), 'no role picker in a deployable build');
    assert.ok(readFileSync(join(ROOT, 'public/console/app.js'), 'utf8').includes('local-stack/tokens.json'));
  });
});
