// One incident: where it stands, what blocks the next phase, every clock, and the work of each phase,
// offering only what the signed-in member's roles may do. Every write sends the ETag the page last
// read; when someone else was faster, the page reloads and keeps what was typed.
import { useState } from 'preact/hooks';
import { ApiError, get, write } from './api.js';
import { useT } from './i18n.js';
import { Countdown, Field, Loading, Time, instant, lines, useLoad, useSubmit } from './components.jsx';

const PHASES = ['DETECTION_TRIAGE', 'CONTAINMENT', 'FORENSICS', 'LEGAL_ASSESSMENT', 'RECOVERY_CLOSURE', 'CLOSED'];
const AUDIENCES = ['SUPERVISORY_AUTHORITY', 'DATA_SUBJECTS', 'PROCESSOR', 'CUSTOMERS', 'PRESS', 'COMPETENT_AUTHORITY', 'CONTROLLER'];
const LEVELS = ['NONE', 'LOW', 'MEDIUM', 'HIGH'];

// The parts of the page, read along with the incident in one request (GET /incidents/{id}?include=…);
// each comes with the status its own GET would give. Communications and the report may be refused
// (need-to-know) or absent: null then; any other refusal fails the page.
const PARTS = {
  timeline: 'timeline', measures: 'measures', evidence: 'evidence', decisions: 'decisions',
  skips: 'skip-requests', communications: 'communications', report: 'report',
  messages: 'reporter-messages', audit: 'audit-verification', issued: 'final-reports',
  triageChanges: 'triage-changes',
};
const OPTIONAL = new Set(['communications', 'report']);

async function loadIncident(id) {
  const incident = await get(`/incidents/${id}?include=${Object.values(PARTS).join(',')}`);
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

export function IncidentPage({ id, me }) {
  const t = useT();
  const { data, error, reload } = useLoad(() => loadIncident(id), [id]);
  if (data === undefined) return <Loading error={error} retry={reload} />;
  const can = (...roles) => roles.some((r) => me.roles.includes(r));
  const ctx = { id, ...data, etag: data.incident.etag, reload, can, me };
  const i = data.incident;
  return (
    <article aria-labelledby="incident-heading">
      <h1 id="incident-heading" tabIndex="-1">{i.id}: {i.title}</h1>
      <p>
        <span class="badge">{t('phases', i.phase)}</span>
        {i.triage && i.triage.severity && <span class="badge">{i.triage.severity}</span>}
        {i.triage && i.triage.classification && <span class="badge">{i.triage.classification}</span>}
        <span class="badge">{i.source}</span>
        <span class={`badge ${data.audit.intact ? 'ok' : 'bad'}`} id="audit-badge">{t(data.audit.intact ? 'auditIntact' : 'auditBroken')}</span>
      </p>
      <ol class="stepper" aria-label={t('phase')}>
        {PHASES.map((p) => {
          const state = p === i.phase ? 'current' : PHASES.indexOf(p) < PHASES.indexOf(i.phase) ? 'done' : '';
          return <li key={p} class={state} aria-current={p === i.phase ? 'step' : undefined}>{t('phases', p)}</li>;
        })}
      </ol>
      <NextStep ctx={ctx} />
      <Clocks ctx={ctx} />
      <Triage ctx={ctx} />
      <Assessment ctx={ctx} />
      <Team ctx={ctx} />
      <ReportAndMessages ctx={ctx} />
      <Measures ctx={ctx} />
      <Evidence ctx={ctx} />
      <Decisions ctx={ctx} />
      <Communications ctx={ctx} />
      <section aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">{t('drafts')} · {t('finalReport')}</h2>
        <ul>
          <li><a href={`#/incidents/${id}/drafts/authority-notification`}>{t('draftAuthority')}</a></li>
          <li><a href={`#/incidents/${id}/drafts/data-subject-notice`}>{t('draftSubjects')}</a></li>
          {i.deadlines
            .filter((d) => d.regime !== 'INTERNAL' && !d.subject && !(d.regime === 'GDPR' && ['ART33', 'ART34'].includes(d.stage)))
            .map((d) => (
              <li key={`${d.regime}/${d.stage}`}><a href={`#/incidents/${id}/drafts/stages/${d.regime}/${d.stage}`}>{d.label}</a></li>
            ))}
          <li><a href={`#/incidents/${id}/final-report`}>{t('finalReport')}</a></li>
        </ul>
      </section>
      <Timeline ctx={ctx} />
    </article>
  );
}

function NextStep({ ctx }) {
  const t = useT();
  const i = ctx.incident;
  const { submit, busy, view } = useSubmit(ctx.reload);
  const [noEvidence, setNoEvidence] = useState('');
  const [skipTo, setSkipTo] = useState('');
  const [skipWhy, setSkipWhy] = useState('');
  const [reopenTo, setReopenTo] = useState('DETECTION_TRIAGE');
  const [reopenWhy, setReopenWhy] = useState('');
  const [restoredAt, setRestoredAt] = useState('');
  const post = (path, body) => () => write('POST', `/incidents/${ctx.id}${path}`, body, ctx.etag);
  const later = PHASES.slice(PHASES.indexOf(i.phase) + 2);
  const earlier = PHASES.slice(0, PHASES.indexOf(i.phase));
  const pending = ctx.skips.skipRequests.filter((s) => s.status === 'PENDING');
  return (
    <section aria-labelledby="next-heading">
      <h2 id="next-heading">{t('nextStep')}</h2>
      {view}
      {i.phase !== 'CLOSED' && (
        <>
          {i.unmetExitCriteria.length ? (
            <>
              <p>{t('unmet')}</p>
              <ul class="checklist" id="unmet">
                {i.unmetExitCriteria.map((u) => <li key={u.code + u.message}>{u.message}</li>)}
              </ul>
            </>
          ) : (
            <p class="checklist"><span>{t('allMet')}</span></p>
          )}
          {ctx.can('RESPONDER') && (
            <div class="actions">
              {i.phase === 'FORENSICS' && (
                <Field label={t('noEvidenceJustification')} value={noEvidence} onInput={setNoEvidence} />
              )}
              <button
                id="transition"
                disabled={busy}
                onClick={() => submit(post('/transitions', { to: i.nextPhase, noEvidenceJustification: noEvidence || undefined }), ctx.reload)}
              >
                {t('moveTo')} {t('phases', i.nextPhase)}
              </button>
            </div>
          )}
          {ctx.can('RESPONDER') && later.length > 0 && (
            <form class="panel" onSubmit={(e) => { e.preventDefault(); submit(post('/skip-requests', { to: skipTo || later[0], justification: skipWhy }), ctx.reload); }}>
              <h3>{t('skipRequest')}</h3>
              <div class="grid">
                <Field label={t('skipTo')} kind="select" value={skipTo || later[0]} onInput={setSkipTo} options={later.map((p) => [p, t('phases', p)])} />
                <Field label={t('justification')} value={skipWhy} onInput={setSkipWhy} required />
              </div>
              <button type="submit" disabled={busy}>{t('request')}</button>
            </form>
          )}
        </>
      )}
      {pending.length > 0 && (
        <div class="panel">
          <h3>{t('skipRequests')}</h3>
          <ul>
            {pending.map((s) => (
              <li key={s.id}>
                {t('phases', s.from)} → {t('phases', s.to)}: {s.justification} ({s.requestedBy}){' '}
                {ctx.can('SECOND_LINE') && s.requestedBy !== ctx.me.email && (
                  <button class="approve-skip" disabled={busy} onClick={() => submit(post(`/skip-requests/${s.id}/approve`, undefined), ctx.reload)}>{t('approve')}</button>
                )}
                {s.requestedBy === ctx.me.email && <span class="muted"> {t('ownRequest')}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {ctx.can('RESPONDER') && i.phase === 'RECOVERY_CLOSURE' && (
        <form class="panel" onSubmit={(e) => { e.preventDefault(); submit(post('/operation-restored', { restoredAt: instant(restoredAt) || new Date().toISOString() }), ctx.reload); }}>
          <h3>{t('operationRestored')}</h3>
          {i.milestones && i.milestones.operationRestoredAt && <p><Time at={i.milestones.operationRestoredAt} /></p>}
          <Field label={t('restoredAt')} type="datetime-local" value={restoredAt} onInput={setRestoredAt} hint={t('nowIfEmpty')} />
          <button type="submit" disabled={busy}>{t('record')}</button>
        </form>
      )}
      {ctx.can('SECOND_LINE') && earlier.length > 0 && (
        <form class="panel" onSubmit={(e) => { e.preventDefault(); submit(post('/reopen', { to: reopenTo, justification: reopenWhy }), ctx.reload); }}>
          <h3>{t('reopen')}</h3>
          <div class="grid">
            <Field label={t('reopenTo')} kind="select" value={reopenTo} onInput={setReopenTo} options={earlier.map((p) => [p, t('phases', p)])} />
            <Field label={t('justification')} value={reopenWhy} onInput={setReopenWhy} required />
          </div>
          <button type="submit" disabled={busy}>{t('reopen')}</button>
        </form>
      )}
      {ctx.can('SECOND_LINE', 'DPO', 'LEGAL') && i.triage && i.triage.classification && !(i.milestones && i.milestones.escalationAcknowledgedAt) && (
        <button class="secondary" disabled={busy} onClick={() => submit(post('/acknowledgements', undefined), ctx.reload)}>{t('acknowledge')}</button>
      )}
    </section>
  );
}

function Clocks({ ctx }) {
  const t = useT();
  return (
    <section aria-labelledby="clocks-heading">
      <h2 id="clocks-heading">{t('clocks')}</h2>
      <table id="clocks">
        <thead>
          <tr><th scope="col">{t('clock')}</th><th scope="col">{t('started')}</th><th scope="col">{t('dueAt')}</th><th scope="col">{t('status')}</th></tr>
        </thead>
        <tbody>
          {ctx.incident.deadlines.map((d) => (
            <tr key={`${d.regime}/${d.stage}/${d.subject || ''}`}>
              <td>{d.label}</td>
              <td><Time at={d.startedAt} /></td>
              <td><Time at={d.dueAt} /></td>
              <td><Countdown deadline={d} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function triageForm(triage) {
  const tr = triage || {};
  const cia = tr.cia || {};
  const text = (list) => (list || []).join('\n');
  return {
    classification: tr.classification || '',
    severity: tr.severity || '',
    confidentiality: cia.confidentiality || '',
    integrity: cia.integrity || '',
    availability: cia.availability || '',
    scope: tr.scope || '',
    affectedSystems: text(tr.affectedSystems),
    dataDomains: text(tr.dataDomains),
    dataCategories: text(tr.dataCategories),
    estimatedDataSubjects: tr.estimatedDataSubjects == null ? '' : String(tr.estimatedDataSubjects),
    estimatedRecords: tr.estimatedRecords == null ? '' : String(tr.estimatedRecords),
    initialRisk: tr.initialRisk || '',
    awarenessAt: '',
    awarenessJustification: tr.awarenessJustification || '',
  };
}

function triageBody(f) {
  const cia = f.confidentiality || f.integrity || f.availability
    ? { confidentiality: f.confidentiality || 'NONE', integrity: f.integrity || 'NONE', availability: f.availability || 'NONE' }
    : undefined;
  const list = (v) => (lines(v).length ? lines(v) : undefined);
  const number = (v) => (v === '' ? undefined : Number(v));
  return {
    classification: f.classification || undefined,
    severity: f.severity || undefined,
    cia,
    scope: f.scope || undefined,
    affectedSystems: list(f.affectedSystems),
    dataDomains: list(f.dataDomains),
    dataCategories: list(f.dataCategories),
    estimatedDataSubjects: number(f.estimatedDataSubjects),
    estimatedRecords: number(f.estimatedRecords),
    initialRisk: f.initialRisk || undefined,
    awarenessAt: instant(f.awarenessAt),
    awarenessJustification: f.awarenessJustification || undefined,
  };
}

function Triage({ ctx }) {
  const t = useT();
  const [form, setForm] = useState(() => triageForm(ctx.incident.triage));
  const [changeWhy, setChangeWhy] = useState('');
  const { submit, busy, outcome, view } = useSubmit(ctx.reload);
  const set = (key) => (value) => setForm({ ...form, [key]: value });
  const opts = (codes) => [['', '–'], ...codes.map((c) => [c, c])];
  const needsSignOff = outcome && outcome.error && outcome.error.code === 'LEGAL_SIGN_OFF_REQUIRED';
  const pending = ctx.triageChanges.triageChanges.some((c) => c.status === 'PENDING');
  if (!ctx.can('RESPONDER') && !pending) {
    return null;
  }
  return (
    <section aria-labelledby="triage-heading">
      <h2 id="triage-heading">{t('triage')}</h2>
      {ctx.can('RESPONDER') && <form id="triage" onSubmit={(e) => { e.preventDefault(); submit(() => write('PUT', `/incidents/${ctx.id}/triage`, triageBody(form), ctx.etag), ctx.reload); }}>
        <div class="grid">
          <Field label={t('classification')} kind="select" value={form.classification} onInput={set('classification')} options={opts(['INCIDENT', 'BREACH'])} name="classification" />
          <Field label={t('severity')} kind="select" value={form.severity} onInput={set('severity')} options={opts(['P1', 'P2', 'P3', 'P4'])} name="severity" />
          <Field label={t('initialRisk')} kind="select" value={form.initialRisk} onInput={set('initialRisk')} options={opts(['LOW', 'MEDIUM', 'HIGH'])} name="initialRisk" />
        </div>
        <fieldset>
          <legend>{t('cia')}</legend>
          <div class="grid">
            <Field label={t('confidentiality')} kind="select" value={form.confidentiality} onInput={set('confidentiality')} options={opts(LEVELS)} name="confidentiality" />
            <Field label={t('integrity')} kind="select" value={form.integrity} onInput={set('integrity')} options={opts(LEVELS)} name="integrity" />
            <Field label={t('availability')} kind="select" value={form.availability} onInput={set('availability')} options={opts(LEVELS)} name="availability" />
          </div>
        </fieldset>
        <div class="grid">
          <Field label={t('affectedSystems')} kind="textarea" value={form.affectedSystems} onInput={set('affectedSystems')} name="affectedSystems" />
          <Field label={t('dataDomains')} kind="textarea" value={form.dataDomains} onInput={set('dataDomains')} name="dataDomains" />
          <Field label={t('dataCategories')} kind="textarea" value={form.dataCategories} onInput={set('dataCategories')} name="dataCategories" />
        </div>
        <div class="grid">
          <Field label={t('scope')} value={form.scope} onInput={set('scope')} name="scope" />
          <Field label={t('estimatedDataSubjects')} type="number" min="0" value={form.estimatedDataSubjects} onInput={set('estimatedDataSubjects')} name="estimatedDataSubjects" />
          <Field label={t('estimatedRecords')} type="number" min="0" value={form.estimatedRecords} onInput={set('estimatedRecords')} name="estimatedRecords" />
          <Field label={t('awarenessAt')} type="datetime-local" value={form.awarenessAt} onInput={set('awarenessAt')} name="awarenessAt" />
          <Field label={t('awarenessJustification')} value={form.awarenessJustification} onInput={set('awarenessJustification')} name="awarenessJustification" />
        </div>
        <button type="submit" disabled={busy}>{t('save')}</button>
      </form>}
      {view}
      {ctx.triageChanges.triageChanges.filter((c) => c.status === 'PENDING').map((c) => (
        <div class="panel" key={c.id}>
          <p>{t('pendingTriageChange')} {c.id} ({c.requestedBy}): {c.justification}</p>
          {ctx.can('LEGAL', 'DPO') && c.requestedBy !== ctx.me.email && (
            <button class="approve-triage-change" disabled={busy} onClick={() => submit(() => write('POST', `/incidents/${ctx.id}/triage-changes/${c.id}/approve`, undefined, ctx.etag), ctx.reload)}>{t('approve')}</button>
          )}
        </div>
      ))}
      {needsSignOff && (
        <form class="panel" onSubmit={(e) => { e.preventDefault(); submit(() => write('POST', `/incidents/${ctx.id}/triage-changes`, { triage: triageBody(form), justification: changeWhy }, ctx.etag), ctx.reload); }}>
          <p>{t('legalFactNeedsSignOff')}</p>
          <Field label={t('justification')} value={changeWhy} onInput={setChangeWhy} required />
          <button type="submit" disabled={busy}>{t('fileTriageChange')}</button>
        </form>
      )}
    </section>
  );
}

function Assessment({ ctx }) {
  const t = useT();
  const a = ctx.incident.assessment || {};
  const keys = ['nature', 'dataSubjectCategories', 'likelyConsequences', 'adviceToDataSubjects', 'rootCause', 'lessonsLearned'];
  const [form, setForm] = useState(() => Object.fromEntries(keys.map((k) => [k, a[k] || ''])));
  const { submit, busy, view } = useSubmit(ctx.reload);
  if (!ctx.can('RESPONDER', 'LEGAL', 'DPO')) return null;
  const body = () => Object.fromEntries([...Object.entries(a), ...Object.entries(form)].filter(([, v]) => v !== '' && v != null));
  return (
    <section aria-labelledby="assessment-heading">
      <h2 id="assessment-heading">{t('assessment')}</h2>
      <form onSubmit={(e) => { e.preventDefault(); submit(() => write('PUT', `/incidents/${ctx.id}/assessment`, body(), ctx.etag), ctx.reload); }}>
        <div class="two">
          {keys.map((k) => <Field key={k} label={t(k)} kind="textarea" value={form[k]} onInput={(v) => setForm({ ...form, [k]: v })} name={k} />)}
        </div>
        <button type="submit" disabled={busy}>{t('save')}</button>
      </form>
      {view}
    </section>
  );
}

function Team({ ctx }) {
  const t = useT();
  const [members, setMembers] = useState(() => (ctx.incident.team || []).join('\n'));
  const { submit, busy, view } = useSubmit(ctx.reload);
  return (
    <section aria-labelledby="team-heading">
      <h2 id="team-heading">{t('team')}</h2>
      <p>{(ctx.incident.team || []).join(', ') || '–'}</p>
      {ctx.can('RESPONDER', 'SECOND_LINE') && (
        <form id="team" onSubmit={(e) => { e.preventDefault(); submit(() => write('PUT', `/incidents/${ctx.id}/team`, { members: lines(members) }, ctx.etag), ctx.reload); }}>
          <Field label={t('teamMembers')} kind="textarea" value={members} onInput={setMembers} hint={t('teamHint')} name="team" />
          <button type="submit" disabled={busy}>{t('save')}</button>
        </form>
      )}
      {view}
    </section>
  );
}

function ReportAndMessages({ ctx }) {
  const t = useT();
  const [text, setText] = useState('');
  const { submit, busy, view } = useSubmit(ctx.reload);
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t('report')}</h2>
      {ctx.report ? (
        <div class="panel">
          <h3>{t('reportText')}</h3>
          <p><strong>{ctx.report.title}</strong></p>
          <p style="white-space: pre-wrap">{ctx.report.description}</p>
        </div>
      ) : (
        <p class="muted">{t('notReported')}</p>
      )}
      {ctx.report && (
        <>
          <h3>{t('reporterMessages')}</h3>
          <ul>
            {ctx.messages.messages.map((m) => (
              <li key={m.id}><strong>{m.direction === 'TO_REPORTER' ? t('fromTeam') : t('fromReporter')}</strong> (<Time at={m.at} />): {m.text}</li>
            ))}
          </ul>
          {ctx.can('RESPONDER', 'SECOND_LINE', 'LEGAL', 'DPO') && (
            <form onSubmit={(e) => { e.preventDefault(); submit(() => write('POST', `/incidents/${ctx.id}/reporter-messages`, { text }, ctx.etag), () => { setText(''); return ctx.reload(); }); }}>
              <Field label={t('toReporter')} kind="textarea" value={text} onInput={setText} required />
              <button type="submit" disabled={busy}>{t('send')}</button>
            </form>
          )}
          {view}
        </>
      )}
    </section>
  );
}

function Measures({ ctx }) {
  const t = useT();
  const [form, setForm] = useState({ type: 'CONTAINMENT', description: '', owner: '', dueAt: '' });
  const [result, setResult] = useState('EFFECTIVE');
  const { submit, busy, view } = useSubmit(ctx.reload);
  const patch = (m, body) => () => write('PATCH', `/incidents/${ctx.id}/measures/${m.id}`, body, ctx.etag);
  return (
    <section aria-labelledby="measures-heading">
      <h2 id="measures-heading">{t('measures')}</h2>
      {view}
      <table id="measures">
        <thead><tr><th scope="col">{t('type')}</th><th scope="col">{t('description')}</th><th scope="col">{t('owner')}</th><th scope="col">{t('dueAt')}</th><th scope="col">{t('status')}</th><th scope="col">{t('effectiveness')}</th></tr></thead>
        <tbody>
          {ctx.measures.measures.map((m) => (
            <tr key={m.id}>
              <td>{m.type}</td>
              <td>{m.description}</td>
              <td>{m.owner || '–'}</td>
              <td><Time at={m.dueAt} /></td>
              <td>
                {m.status}
                {ctx.can('RESPONDER') && m.status !== 'DONE' && m.status !== 'CANCELLED' && (
                  <> <button class="secondary" disabled={busy} onClick={() => submit(patch(m, { status: 'DONE' }), ctx.reload)}>{t('markDone')}<span class="muted">{` ${m.id}`}</span></button></>
                )}
              </td>
              <td>
                {m.effectiveness ? `${m.effectiveness.result}` : '–'}
                {ctx.can('RESPONDER') && !m.effectiveness && (
                  <> <button class="secondary check-effectiveness" disabled={busy} onClick={() => submit(patch(m, { effectiveness: { result } }), ctx.reload)}>{t('checkEffectiveness')}: {result}<span class="muted">{` ${m.id}`}</span></button></>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {ctx.can('RESPONDER') && (
        <>
          <Field label={t('effectiveness')} kind="select" value={result} onInput={setResult} options={['EFFECTIVE', 'PARTIALLY_EFFECTIVE', 'NOT_EFFECTIVE'].map((c) => [c, c])} />
          <form id="add-measure" class="panel" onSubmit={(e) => {
            e.preventDefault();
            submit(() => write('POST', `/incidents/${ctx.id}/measures`, { type: form.type, description: form.description, owner: form.owner || undefined, dueAt: instant(form.dueAt) }, ctx.etag),
              () => { setForm({ ...form, description: '', owner: '', dueAt: '' }); return ctx.reload(); });
          }}>
            <h3>{t('addMeasure')}</h3>
            <div class="grid">
              <Field label={t('type')} kind="select" value={form.type} onInput={(v) => setForm({ ...form, type: v })} options={['CONTAINMENT', 'CORRECTIVE', 'PREVENTIVE'].map((c) => [c, c])} name="type" />
              <Field label={t('description')} value={form.description} onInput={(v) => setForm({ ...form, description: v })} required name="description" />
              <Field label={t('owner')} value={form.owner} onInput={(v) => setForm({ ...form, owner: v })} name="owner" />
              <Field label={t('dueAt')} type="datetime-local" value={form.dueAt} onInput={(v) => setForm({ ...form, dueAt: v })} name="dueAt" />
            </div>
            <button type="submit" disabled={busy}>{t('addMeasure')}</button>
          </form>
        </>
      )}
    </section>
  );
}

function Evidence({ ctx }) {
  const t = useT();
  const [form, setForm] = useState({ source: 'CLOUD_LOGGING', location: '', sha256: '', description: '' });
  const [custody, setCustody] = useState({ action: 'ANALYSED', note: '' });
  const { submit, busy, view } = useSubmit(ctx.reload);
  const set = (key) => (value) => setForm({ ...form, [key]: value });
  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('evidence')}</h2>
      {view}
      <ul id="evidence">
        {ctx.evidence.evidence.map((e) => (
          <li key={e.id}>
            <strong>{e.id}</strong> {e.source} · {e.location} · <code>{e.sha256}</code>
            <ol aria-label={t('custody')}>
              {(e.custody || []).map((c) => <li key={c.sequence}>{c.action} · {c.by} · <Time at={c.at} />{c.note ? ` · ${c.note}` : ''}</li>)}
            </ol>
            {ctx.can('RESPONDER') && (
              <button class="secondary" disabled={busy} onClick={() => submit(() => write('POST', `/incidents/${ctx.id}/evidence/${e.id}/custody`, { action: custody.action, note: custody.note || undefined }, ctx.etag), ctx.reload)}>
                {t('appendCustody')}: {custody.action}<span class="muted">{` ${e.id}`}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {ctx.can('RESPONDER') && (
        <>
          <div class="grid">
            <Field label={`${t('custody')}: ${t('action')}`} kind="select" value={custody.action} onInput={(v) => setCustody({ ...custody, action: v })} options={['TRANSFERRED', 'ACCESSED', 'COPIED', 'ANALYSED', 'STORED', 'RETURNED'].map((c) => [c, c])} />
            <Field label={`${t('custody')}: ${t('note')}`} value={custody.note} onInput={(v) => setCustody({ ...custody, note: v })} />
          </div>
          <form id="add-evidence" class="panel" onSubmit={(e) => { e.preventDefault(); submit(() => write('POST', `/incidents/${ctx.id}/evidence`, { source: form.source, location: form.location, sha256: form.sha256, description: form.description || undefined }, ctx.etag), ctx.reload); }}>
            <h3>{t('addEvidence')}</h3>
            <div class="grid">
              <Field label={t('source')} kind="select" value={form.source} onInput={set('source')} options={['CLOUD_LOGGING', 'VPC_FLOW_LOGS', 'AUDIT_EVENTS', 'CONFIG_SNAPSHOT', 'FILE', 'OTHER'].map((c) => [c, c])} name="source" />
              <Field label={t('location')} value={form.location} onInput={set('location')} required name="location" />
              <Field label={t('sha256')} value={form.sha256} onInput={set('sha256')} required pattern="[0-9a-f]{64}" name="sha256" />
              <Field label={t('description')} value={form.description} onInput={set('description')} name="description" />
            </div>
            <button type="submit" disabled={busy}>{t('addEvidence')}</button>
          </form>
        </>
      )}
    </section>
  );
}

function Decisions({ ctx }) {
  const t = useT();
  const [form, setForm] = useState({ type: 'NOTIFY_AUTHORITY', reasoning: '', exception: '', delayReasons: '' });
  const { submit, busy, view } = useSubmit(ctx.reload);
  const set = (key) => (value) => setForm({ ...form, [key]: value });
  const types = ['NOTIFY_AUTHORITY', 'NO_AUTHORITY_NOTIFICATION', 'SUPPLEMENTARY_NOTIFICATION', 'NOTIFY_DATA_SUBJECTS', 'NO_DATA_SUBJECT_NOTIFICATION', 'NO_PERSONAL_DATA_AFFECTED'];
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('decisions')}</h2>
      {view}
      <ul id="decisions">
        {ctx.decisions.decisions.map((d) => (
          <li key={d.id}>
            <strong>{t('decisionTypes', d.type)}</strong> ({d.id}, {d.responsible} {t('signedAs')} {d.signedAs}, <Time at={d.decidedAt} />)
            {d.corrects && <> · {t('corrects')} {d.corrects}</>}
            {d.exception && <> · {t('exception')}: {d.exception}</>}: {d.reasoning}
          </li>
        ))}
      </ul>
      {ctx.can('LEGAL', 'DPO') && (
        <form id="log-decision" class="panel" onSubmit={(e) => {
          e.preventDefault();
          submit(() => write('POST', `/incidents/${ctx.id}/decisions`, { type: form.type, reasoning: form.reasoning, exception: form.exception || undefined, delayReasons: form.delayReasons || undefined }, ctx.etag),
            () => { setForm({ ...form, reasoning: '' }); return ctx.reload(); });
        }}>
          <h3>{t('logDecision')}</h3>
          <div class="grid">
            <Field label={t('type')} kind="select" value={form.type} onInput={set('type')} options={types.map((c) => [c, t('decisionTypes', c)])} name="type" />
            <Field label={t('reasoning')} kind="textarea" value={form.reasoning} onInput={set('reasoning')} required name="reasoning" />
            <Field label={t('exception')} kind="select" value={form.exception} onInput={set('exception')} options={[['', '–'], ...['ENCRYPTED', 'SUBSEQUENT_MEASURES', 'DISPROPORTIONATE_EFFORT'].map((c) => [c, c])]} name="exception" />
            <Field label={t('delayReasons')} value={form.delayReasons} onInput={set('delayReasons')} name="delayReasons" />
          </div>
          <button type="submit" disabled={busy}>{t('logDecision')}</button>
        </form>
      )}
    </section>
  );
}

function Communications({ ctx }) {
  const t = useT();
  const [approveFor, setApproveFor] = useState('SUPERVISORY_AUTHORITY');
  const [form, setForm] = useState({ audience: 'SUPERVISORY_AUTHORITY', channel: '', summary: '', sentAt: '', notification: 'INITIAL' });
  const { submit, busy, view } = useSubmit(ctx.reload);
  const set = (key) => (value) => setForm({ ...form, [key]: value });
  if (!ctx.communications) {
    return (
      <section aria-labelledby="communications-heading">
        <h2 id="communications-heading">{t('communications')}</h2>
        <p class="muted">{t('needToKnow')}</p>
      </section>
    );
  }
  const approved = new Map(ctx.communications.approvals.map((a) => [a.audience, a]));
  return (
    <section aria-labelledby="communications-heading">
      <h2 id="communications-heading">{t('communications')}</h2>
      {view}
      <h3>{t('approvals')}</h3>
      <ul id="approvals">
        {AUDIENCES.map((a) => (
          <li key={a}>
            {t('audiences', a)}: {approved.has(a) ? <span class="badge ok">{t('approvedBy')} {approved.get(a).approvedBy}</span> : <span class="muted">{t('notApproved')}</span>}
          </li>
        ))}
      </ul>
      {ctx.can('LEGAL') && (
        <form id="approve" class="panel" onSubmit={(e) => { e.preventDefault(); submit(() => write('POST', `/incidents/${ctx.id}/approvals`, { audience: approveFor }, ctx.etag), ctx.reload); }}>
          <Field label={t('audience')} kind="select" value={approveFor} onInput={setApproveFor} options={AUDIENCES.map((a) => [a, t('audiences', a)])} name="approveAudience" />
          <button type="submit" disabled={busy}>{t('approveAudience')}</button>
        </form>
      )}
      <table id="communications">
        <thead><tr><th scope="col">{t('audience')}</th><th scope="col">{t('channel')}</th><th scope="col">{t('summary')}</th><th scope="col">{t('sentAt')}</th></tr></thead>
        <tbody>
          {ctx.communications.communications.map((c) => (
            <tr key={c.id}><td>{t('audiences', c.audience)}{c.notification ? ` (${c.notification})` : ''}</td><td>{c.channel}</td><td>{c.summary}</td><td><Time at={c.sentAt} /></td></tr>
          ))}
        </tbody>
      </table>
      {ctx.can('RESPONDER', 'LEGAL', 'DPO', 'COMMUNICATIONS') && (
        <form id="record-communication" class="panel" onSubmit={(e) => {
          e.preventDefault();
          submit(() => write('POST', `/incidents/${ctx.id}/communications`, {
            audience: form.audience, channel: form.channel, summary: form.summary, sentAt: instant(form.sentAt) || new Date().toISOString(),
            notification: form.audience === 'SUPERVISORY_AUTHORITY' ? form.notification : undefined,
          }, ctx.etag), () => { setForm({ ...form, channel: '', summary: '', sentAt: '' }); return ctx.reload(); });
        }}>
          <h3>{t('recordCommunication')}</h3>
          {!approved.has(form.audience) && <p class="banner info">{t('audiences', form.audience)}: {t('notApproved')}</p>}
          <div class="grid">
            <Field label={t('audience')} kind="select" value={form.audience} onInput={set('audience')} options={AUDIENCES.map((a) => [a, t('audiences', a)])} name="audience" />
            {form.audience === 'SUPERVISORY_AUTHORITY' && (
              <Field label={t('notification')} kind="select" value={form.notification} onInput={set('notification')} options={[['INITIAL', 'INITIAL'], ['SUPPLEMENTARY', 'SUPPLEMENTARY']]} name="notification" />
            )}
            <Field label={t('channel')} value={form.channel} onInput={set('channel')} required name="channel" />
            <Field label={t('summary')} value={form.summary} onInput={set('summary')} required name="summary" />
            <Field label={t('sentAt')} type="datetime-local" value={form.sentAt} onInput={set('sentAt')} hint={t('nowIfEmpty')} name="sentAt" />
          </div>
          <button type="submit" disabled={busy}>{t('recordCommunication')}</button>
        </form>
      )}
    </section>
  );
}

function Timeline({ ctx }) {
  const t = useT();
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline')}</h2>
      <ol class="timeline">
        {ctx.timeline.entries.map((e) => (
          <li key={e.id}><Time at={e.at} /> · {e.actor.id} · {e.summary}</li>
        ))}
      </ol>
    </section>
  );
}
