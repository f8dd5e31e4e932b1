// The communication gate: LEGAL's approvals per audience, the communications recorded, and the
// drafts and final report to send.
import { useState } from 'preact/hooks';
import { send } from '../api.js';
import { useT } from '../i18n.js';
import { Field, Time, instant, useSubmit } from '../components.jsx';

const AUDIENCES = ['SUPERVISORY_AUTHORITY', 'DATA_SUBJECTS', 'REPORTER', 'PROCESSOR', 'CUSTOMERS', 'PRESS', 'COMPETENT_AUTHORITY', 'CONTROLLER'];

export function CommunicationsSection({ ctx }) {
  return (
    <>
      <Gate ctx={ctx} />
      <Documents ctx={ctx} />
    </>
  );
}

/** The drafts of every running notification clock, and the final report. */
function Documents({ ctx }) {
  const t = useT();
  const { id, incident: i } = ctx;
  return (
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
  );
}

function Gate({ ctx }) {
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
        <form id="approve" class="panel" onSubmit={(e) => { e.preventDefault(); submit(() => send('approveCommunication', { id: ctx.id }, { audience: approveFor }, ctx.etag), ctx.reload); }}>
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
          submit(() => send('recordCommunication', { id: ctx.id }, {
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
