// Triage: classification, severity, impact, scope, data and risk. A change of a breach's legal facts
// (classification, awareness, high risk) is filed as a request that LEGAL or the DPO signs off.
import { useState } from 'preact/hooks';
import { send } from '../api.js';
import { useT } from '../i18n.js';
import { Field, lines, instant, useSubmit } from '../components.jsx';
import { RiskSummary } from './risk.jsx';

const LEVELS = ['NONE', 'LOW', 'MEDIUM', 'HIGH'];

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

export function TriageSection({ ctx }) {
  const t = useT();
  const [form, setForm] = useState(() => triageForm(ctx.incident.triage));
  const [changeWhy, setChangeWhy] = useState('');
  const { submit, busy, outcome, view } = useSubmit(ctx.reload);
  const set = (key) => (value) => setForm({ ...form, [key]: value });
  const opts = (codes) => [['', '–'], ...codes.map((c) => [c, c])];
  const needsSignOff = outcome && outcome.error && outcome.error.code === 'LEGAL_SIGN_OFF_REQUIRED';
  return (
    <section aria-labelledby="triage-heading">
      <h2 id="triage-heading">{t('triage')}</h2>
      {!ctx.can('RESPONDER') && <TriageFacts triage={ctx.incident.triage} />}
      {ctx.can('RESPONDER') && <form id="triage" onSubmit={(e) => { e.preventDefault(); submit(() => send('recordTriage', { id: ctx.id }, triageBody(form), ctx.etag), ctx.reload); }}>
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
      <RiskSummary ctx={ctx} />
      {ctx.triageChanges.triageChanges.filter((c) => c.status === 'PENDING').map((c) => (
        <div class="panel" key={c.id}>
          <p>{t('pendingTriageChange')} {c.id} ({c.requestedBy}): {c.justification}</p>
          {ctx.can('LEGAL', 'DPO') && c.requestedBy !== ctx.me.email && (
            <button class="approve-triage-change" disabled={busy} onClick={() => submit(() => send('approveTriageChange', { id: ctx.id, requestId: c.id }, undefined, ctx.etag), ctx.reload)}>{t('approve')}</button>
          )}
        </div>
      ))}
      {needsSignOff && (
        <form class="panel" onSubmit={(e) => { e.preventDefault(); submit(() => send('requestTriageChange', { id: ctx.id }, { triage: triageBody(form), justification: changeWhy }, ctx.etag), ctx.reload); }}>
          <p>{t('legalFactNeedsSignOff')}</p>
          <Field label={t('justification')} value={changeWhy} onInput={setChangeWhy} required />
          <button type="submit" disabled={busy}>{t('fileTriageChange')}</button>
        </form>
      )}
    </section>
  );
}

/** The triage as recorded, for those who read it without recording it. */
function TriageFacts({ triage }) {
  const t = useT();
  if (!triage) return <p class="muted">–</p>;
  const rows = [
    ['classification', triage.classification], ['severity', triage.severity], ['initialRisk', triage.initialRisk],
    ['affectedSystems', (triage.affectedSystems || []).join(', ')], ['dataDomains', (triage.dataDomains || []).join(', ')],
    ['dataCategories', (triage.dataCategories || []).join(', ')], ['estimatedDataSubjects', triage.estimatedDataSubjects],
  ];
  return (
    <dl class="facts">
      {rows.map(([key, value]) => <div key={key}><dt>{t(key)}</dt><dd>{value == null || value === '' ? '–' : String(value)}</dd></div>)}
    </dl>
  );
}
