// One incident: a summary bar that stays in view (where it stands, the next step, the most urgent
// clock, the audit badge) and the work in sections, each at its own address
// (#/incidents/ID/measures …). Everything is read in one request; a section only chooses what to show.
// Every write sends the ETag the page last read; when someone else was faster, the page reloads and
// the section keeps what was typed.
import { read, ApiError } from '../api.js';
import { useT } from '../i18n.js';
import { Loading, useLoad } from '../components.jsx';
import { SummaryBar } from './summary.jsx';
import { sectionHref } from './links.js';
import { Overview } from './overview.jsx';
import { TriageSection } from './triage.jsx';
import { AssessmentSection } from './assessment.jsx';
import { ReportSection } from './report.jsx';
import { MeasuresSection } from './measures.jsx';
import { EvidenceSection } from './evidence.jsx';
import { DecisionsSection } from './decisions.jsx';
import { CommunicationsSection } from './communications.jsx';
import { TimelineSection } from './timeline.jsx';

/** The sections in the order the work usually goes; the first is the incident's own address. */
export const SECTIONS = {
  overview: Overview,
  triage: TriageSection,
  assessment: AssessmentSection,
  report: ReportSection,
  measures: MeasuresSection,
  evidence: EvidenceSection,
  decisions: DecisionsSection,
  communications: CommunicationsSection,
  timeline: TimelineSection,
};

// The parts of the page, read along with the incident in one request (GET /incidents/{id}?include=…);
// each comes with the status its own GET would give. Communications and the report may be refused
// (need-to-know) or absent: null then; any other refusal fails the page.
const PARTS = {
  timeline: 'timeline', measures: 'measures', evidence: 'evidence', decisions: 'decisions',
  skips: 'skip-requests', communications: 'communications', report: 'report',
  messages: 'reporter-messages', audit: 'audit-verification', issued: 'final-reports',
  triageChanges: 'triage-changes', dismissals: 'dismissal-requests', mail: 'mail', risks: 'risk-assessments',
};
const OPTIONAL = new Set(['communications', 'report', 'mail']);

async function loadIncident(id) {
  const incident = await read('getIncident', { id }, { include: Object.values(PARTS).join(',') });
  const page = { incident };
  for (const [key, name] of Object.entries(PARTS)) {
    const { status, body } = incident.included[name];
    if (status === 200) page[key] = body;
    else if (OPTIONAL.has(name)) page[key] = null;
    else throw new ApiError(status, body && body.error);
  }
  delete incident.included;
  return page;
}

export function IncidentPage({ id, section = 'overview', me }) {
  const t = useT();
  const { data, error, reload } = useLoad(() => loadIncident(id), [id]);
  if (data === undefined) return <Loading error={error} retry={reload} />;
  const can = (...roles) => roles.some((r) => me.roles.includes(r));
  const ctx = { id, ...data, etag: data.incident.etag, reload, can, me };
  const Section = SECTIONS[section] || Overview;
  return (
    <article aria-labelledby="incident-heading">
      <SummaryBar ctx={ctx} />
      <nav class="sections no-print" aria-label={t('sectionsNav')}>
        <ul>
          {Object.keys(SECTIONS).map((name) => (
            <li key={name}>
              <a href={sectionHref(id, name)} aria-current={name === section ? 'page' : undefined}>{t('sections', name)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Section ctx={ctx} />
    </article>
  );
}
