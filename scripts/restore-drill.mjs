// The restore drill's eyes: what the staff API shows of every incident, before a backup and after restoring
// it. `snapshot FILE` records it; `compare FILE` reads it again and fails on any difference, printing counts
// and the audit chains it verified. Clocks are compared by what does not depend on the hour (start, due,
// met, settled, status once decided), the board by its first page.
import { readFileSync, writeFileSync } from 'node:fs';

const API = process.env.LIFECYCLE_URL || 'http://localhost:8083';
const token = (role) => readFileSync(`target/local-stack/tokens/${role}.token`, 'utf8').trim();

async function get(path, role = 'dpo') {
  const response = await fetch(API + path, { headers: { Authorization: `Bearer ${token(role)}` } });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

const RECORDS = ['measures', 'evidence', 'decisions', 'communications', 'skip-requests', 'dismissal-requests',
  'retention-extensions', 'reporter-messages', 'final-reports', 'alerts', 'triage-changes'];

function clock(d) {
  const decided = !['OPEN', 'OVERDUE'].includes(d.status);
  return { key: `${d.regime}/${d.stage}/${d.subject || ''}`, startedAt: d.startedAt, dueAt: d.dueAt,
    metAt: d.metAt || null, settledAt: d.settledAt || null, status: decided ? d.status : 'RUNNING' };
}

async function snapshot() {
  const incidents = [];
  let token = '';
  do {
    const page = await get(`/incidents?pageSize=200${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`);
    incidents.push(...page.incidents.map((i) => i.id));
    token = page.nextPageToken;
  } while (token);
  const state = { board: (await get('/incidents?pageSize=50')).incidents.map((i) => `${i.id}@${i.version}`), incidents: {} };
  for (const id of incidents.sort()) {
    const detail = await get(`/incidents/${id}?include=${RECORDS.join(',')},timeline,audit-verification`);
    const counts = {};
    for (const part of RECORDS) {
      const { status, body } = detail.included[part];
      counts[part] = status === 200 ? Object.values(body).find(Array.isArray)?.length ?? (body ? 1 : 0) : status;
    }
    const audit = await get(`/incidents/${id}/audit`);
    const verification = detail.included['audit-verification'].body;
    state.incidents[id] = {
      phase: detail.phase, version: detail.version, closure: detail.closure || null,
      clocks: detail.deadlines.map(clock), counts,
      timeline: detail.included.timeline.body.entries.length,
      auditEvents: audit.events.length, auditHead: audit.events.at(-1)?.hash || null,
      chains: verification.streams.map((s) => `${s.stream}:${s.events}:${s.intact}`), intact: verification.intact,
    };
  }
  state.holds = (await get('/legal-holds?subject=account%3A4711', 'legal')).legalHolds.map((h) => `${h.id}:${h.active}`);
  return state;
}

const [, , mode, file] = process.argv;
const now = await snapshot();
if (mode === 'snapshot') {
  writeFileSync(file, JSON.stringify(now, null, 1));
  const ids = Object.keys(now.incidents);
  console.log(`recorded ${ids.length} incidents; every audit chain intact: ${ids.every((id) => now.incidents[id].intact)}`);
} else {
  const before = JSON.parse(readFileSync(file, 'utf8'));
  const problems = [];
  const same = (what, a, b) => { if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`${what}: before ${JSON.stringify(a)}, after ${JSON.stringify(b)}`); };
  same('incidents', Object.keys(before.incidents), Object.keys(now.incidents));
  same('board', before.board, now.board);
  same('legal holds', before.holds, now.holds);
  let records = 0; let events = 0; let clocks = 0; const chains = new Set();
  for (const [id, was] of Object.entries(before.incidents)) {
    const is = now.incidents[id];
    if (!is) continue;
    same(`${id}`, was, is);
    if (!is.intact) problems.push(`${id}: audit chain broken after the restore`);
    records += Object.values(is.counts).reduce((a, n) => a + (n > 0 && n < 400 ? n : 0), 0);
    events += is.auditEvents; clocks += is.clocks.length;
    is.chains.forEach((c) => chains.add(c.split(':')[0]));
  }
  console.log(`restored: ${Object.keys(now.incidents).length} incidents, ${records} records beside them, ${clocks} clocks, `
    + `${events} audit events on ${chains.size} chains, all verified intact with the same heads; `
    + `${now.holds.length} legal hold(s); the board's first page identical (${now.board.length} rows)`);
  if (problems.length) {
    console.error(`the restore differs:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
}
