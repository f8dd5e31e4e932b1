// Evidence secured with its SHA-256 and its chain of custody (append-only).
import { useState } from 'preact/hooks';
import { write } from '../api.js';
import { useT } from '../i18n.js';
import { Field, Time, useSubmit } from '../components.jsx';

export function EvidenceSection({ ctx }) {
  const t = useT();
  const [form, setForm] = useState({ source: 'CLOUD_LOGGING', location: '', sha256: '', description: '' });
  const [custody, setCustody] = useState({ action: 'ANALYSED', note: '' });
  const { submit, busy, view } = useSubmit(ctx.reload);
  const set = (key) => (value) => setForm({ ...form, [key]: value });
  const noEvidence = ctx.can('RESPONDER') && ctx.incident.phase === 'FORENSICS' && ctx.evidence.evidence.length === 0;
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
      {noEvidence && <NoEvidence ctx={ctx} />}
    </section>
  );
}

/** Leaving forensics without evidence takes a justified statement that none exists. */
function NoEvidence({ ctx }) {
  const t = useT();
  const [why, setWhy] = useState('');
  const { submit, busy, view } = useSubmit(ctx.reload);
  const move = () => write('POST', `/incidents/${ctx.id}/transitions`, { to: ctx.incident.nextPhase, noEvidenceJustification: why }, ctx.etag);
  return (
    <form class="panel" id="no-evidence" onSubmit={(ev) => { ev.preventDefault(); submit(move, ctx.reload); }}>
      <h3>{t('noEvidenceTitle')}</h3>
      <Field label={t('noEvidenceJustification')} value={why} onInput={setWhy} required name="noEvidenceJustification" />
      <button type="submit" disabled={busy}>{t('noEvidenceMove')}</button>
      {view}
    </form>
  );
}
