// A data breach walked from the report to its issued final report through the clients generated from
// api/*.openapi.yaml, against the local stack (./run-local.sh): every call is an operation of the
// descriptions by its operationId, every body and answer typed by their schemas. If a description
// drifts from what the functions do, this stops compiling or fails here.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import * as intake from '../generated/report-intake/index.js';
import * as staff from '../generated/incident-lifecycle/index.js';
import { client as intakeClient } from '../generated/report-intake/client.gen.js';
import { client as staffClient } from '../generated/incident-lifecycle/client.gen.js';

intakeClient.setConfig({ baseUrl: process.env.INTAKE_URL ?? 'http://localhost:8081' });
staffClient.setConfig({ baseUrl: process.env.STAFF_URL ?? 'http://localhost:8083' });

type Role = 'responder' | 'legal' | 'dpo' | 'second-line';
const TOKENS = process.env.TOKENS_DIR ?? '../../target/local-stack/tokens';

/** The Authorization header of a local-stack member. */
function as(role: Role): { Authorization: string } {
  return { Authorization: `Bearer ${readFileSync(`${TOKENS}/${role}.token`, 'utf8').trim()}` };
}

/** The incident's ETag, taken from every answer, sent with every write as If-Match. */
let etag = '';
function kept<T extends { response: Response }>(result: T): T {
  etag = result.response.headers.get('ETag') ?? etag;
  return result;
}
function writeAs(role: Role) {
  return { ...as(role), 'If-Match': etag };
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`the walk stopped: ${what}`);
}

const now = () => new Date().toISOString();
const throwOnError = true as const;

const receipt = await intake.submitReport({
  throwOnError,
  headers: { 'Idempotency-Key': randomUUID() },
  body: {
    kind: 'SUSPECTED_DATA_BREACH',
    title: 'Typed client: customer list on a public bucket',
    description: 'The export bucket is readable without sign-in.',
    language: 'en',
  },
});
const id = receipt.data.incidentId;
check(/^INC-/.test(id), `report-intake gave no incident ID: ${JSON.stringify(receipt.data)}`);
console.log(`submitReport -> ${id}`);
const path = { id };

kept(await staff.getIncident({ throwOnError, path, headers: as('responder') }));
kept(await staff.recordTriage({
  throwOnError, path, headers: writeAs('responder'),
  body: {
    classification: 'BREACH', severity: 'P2',
    cia: { confidentiality: 'HIGH', integrity: 'NONE', availability: 'NONE' },
    affectedSystems: ['export-bucket'], dataDomains: ['user profiles'], dataCategories: ['name', 'email address'],
    estimatedDataSubjects: 1200, estimatedRecords: 1250, initialRisk: 'HIGH',
  },
}));
kept(await staff.transition({ throwOnError, path, headers: writeAs('responder'), body: { to: 'CONTAINMENT' } }));

const measure = kept(await staff.addMeasure({
  throwOnError, path, headers: writeAs('responder'),
  body: { type: 'CONTAINMENT', containmentKind: 'ACCESS_REVOCATION', description: 'Bucket made private', owner: 'ops-oncall' },
}));
// The exit criteria hold the phase until the containment is checked effective: a typed refusal.
const early = await staff.transition({ path, headers: writeAs('responder'), body: { to: 'FORENSICS' } });
check(early.response.status === 409 && early.error?.error.code === 'EXIT_CRITERIA_UNMET',
  `leaving containment unchecked answered ${early.response.status} ${JSON.stringify(early.error)}`);
kept(await staff.changeMeasure({
  throwOnError, path: { id, measureId: measure.data.id }, headers: writeAs('responder'),
  body: { status: 'DONE', effectiveness: { result: 'EFFECTIVE' } },
}));
kept(await staff.transition({ throwOnError, path, headers: writeAs('responder'), body: { to: 'FORENSICS' } }));
kept(await staff.addEvidence({
  throwOnError, path, headers: writeAs('responder'),
  body: {
    source: 'CLOUD_LOGGING', location: 'gs://forensics-exports/bucket-access.json',
    sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  },
}));
kept(await staff.transition({ throwOnError, path, headers: writeAs('responder'), body: { to: 'LEGAL_ASSESSMENT' } }));
kept(await staff.acknowledgeEscalation({ throwOnError, path, headers: writeAs('dpo') }));

// The assessment is replaced as a whole (PUT): the closing one keeps these and adds root cause and lessons.
const assessment = {
  nature: 'A customer export was readable without sign-in.',
  dataSubjectCategories: 'Customers of the online shop',
  likelyConsequences: 'Phishing letters addressed by name.',
  adviceToDataSubjects: 'Be wary of letters asking for payment details.',
};
kept(await staff.recordAssessment({ throwOnError, path, headers: writeAs('legal'), body: assessment }));
const draft = await staff.getAuthorityNotificationDraft({ throwOnError, path, query: { lang: 'en' }, headers: as('legal') });
check(draft.data.missing.length === 0, `the Art. 33 draft still lacks ${draft.data.missing}`);
check(draft.data.html.includes('Art. 33(3)(a) GDPR'), 'the Art. 33 draft names Art. 33(3)(a)');

kept(await staff.logDecision({
  throwOnError, path, headers: writeAs('legal'),
  body: { type: 'NOTIFY_AUTHORITY', reasoning: 'Contact data of 1200 customers exposed.' },
}));
kept(await staff.logDecision({
  throwOnError, path, headers: writeAs('dpo'),
  body: { type: 'NOTIFY_DATA_SUBJECTS', reasoning: 'Names with addresses: phishing risk is high.' },
}));
for (const audience of ['SUPERVISORY_AUTHORITY', 'DATA_SUBJECTS', 'REPORTER'] as const) {
  kept(await staff.approveCommunication({ throwOnError, path, headers: writeAs('legal'), body: { audience } }));
}
kept(await staff.recordCommunication({
  throwOnError, path, headers: writeAs('responder'),
  body: { audience: 'SUPERVISORY_AUTHORITY', notification: 'INITIAL', channel: 'authority portal', summary: 'Initial notification under Art. 33', sentAt: now() },
}));
kept(await staff.recordCommunication({
  throwOnError, path, headers: writeAs('responder'),
  body: { audience: 'DATA_SUBJECTS', channel: 'email', summary: 'Notice under Art. 34', sentAt: now() },
}));
kept(await staff.sendReporterMessage({
  throwOnError, path, headers: writeAs('responder'),
  body: { text: 'Thank you: we confirmed the exposure and closed it.' },
}));
kept(await staff.transition({ throwOnError, path, headers: writeAs('responder'), body: { to: 'RECOVERY_CLOSURE' } }));

kept(await staff.addMeasure({
  throwOnError, path, headers: writeAs('responder'),
  body: { type: 'CORRECTIVE', description: 'Rotate the export links', owner: 'platform-team', dueAt: '2030-01-31T17:00:00+01:00' },
}));
kept(await staff.addMeasure({
  throwOnError, path, headers: writeAs('responder'),
  body: { type: 'PREVENTIVE', description: 'Org policy: no public buckets', owner: 'security-architecture', dueAt: '2030-02-28T17:00:00+01:00' },
}));
kept(await staff.recordOperationRestored({ throwOnError, path, headers: writeAs('responder'), body: { restoredAt: now() } }));
const closed = kept(await staff.transition({ throwOnError, path, headers: writeAs('responder'), body: { to: 'CLOSED' } }));
check(closed.data.phase === 'CLOSED', `the incident is ${closed.data.phase}, not closed`);

kept(await staff.recordAssessment({
  throwOnError, path, headers: writeAs('legal'),
  body: {
    ...assessment,
    rootCause: 'A bucket policy granted allUsers read access during a migration.',
    lessonsLearned: 'Public access prevention is enforced by organisation policy.',
  },
}));
kept(await staff.issueFinalReport({ throwOnError, path, headers: writeAs('second-line') }));
const issued = await staff.listIssuedFinalReports({ throwOnError, path, headers: as('dpo') });
check(issued.data.finalReports.length === 1, 'one final report version is issued');
const report = await staff.getFinalReport({ throwOnError, path, query: { format: 'text', lang: 'de' }, headers: as('dpo'), parseAs: 'text' });
// Asked as text, the answer is the document, not the JSON its type describes.
const text: unknown = report.data;
check(typeof text === 'string' && text.includes('Entscheidungsprotokoll'), 'the final report reads as text in German');

console.log(`${id}: reported, walked through all five phases, closed and its final report issued, by the generated client`);
