// Is this an incident at all, for one incident: a report held in a surge is screened in or out; in
// triage, "not an incident" is requested by a responder and approved by the second line (never the
// requester). The screening page does the same for many at once.
import { useState } from 'preact/hooks';
import { send } from '../api.js';
import { useT } from '../i18n.js';
import { Field, useSubmit } from '../components.jsx';

const REASONS = ['SPAM', 'TEST', 'MISUNDERSTANDING', 'DUPLICATE'];

export function Screening({ ctx }) {
  const t = useT();
  const i = ctx.incident;
  const [reason, setReason] = useState('SPAM');
  const [why, setWhy] = useState('');
  const { submit, busy, view } = useSubmit(ctx.reload);
  const pending = ctx.dismissals.dismissalRequests.find((r) => r.status === 'PENDING');
  const dismissible = i.phase === 'DETECTION_TRIAGE' && !i.held && !(i.triage && i.triage.breachClassifiedAt)
    && !(i.triage && i.triage.classification === 'BREACH');
  if (!i.held && !pending && !(dismissible && ctx.can('RESPONDER'))) return null;
  const fields = (
    <div class="grid">
      <Field label={t('reason')} kind="select" value={reason} onInput={setReason} options={REASONS.map((r) => [r, t('dismissalReasons', r)])} name="reason" />
      <Field label={t('justification')} value={why} onInput={setWhy} required name="justification" />
    </div>
  );
  return (
    <section aria-labelledby="screening-heading">
      <h2 id="screening-heading">{t('screening')}</h2>
      {view}
      {i.held && ctx.can('RESPONDER') && (
        <div class="panel">
          <p>{t('heldReports')}</p>
          <button id="screen-in" disabled={busy} onClick={() => submit(() => send('screenReport', { id: ctx.id }, { decision: 'IN' }, ctx.etag), ctx.reload)}>{t('screenIn')}</button>
          <form onSubmit={(e) => { e.preventDefault(); submit(() => send('screenReport', { id: ctx.id }, { decision: 'OUT', reason, justification: why }, ctx.etag), ctx.reload); }}>
            {fields}
            <button type="submit" class="secondary" disabled={busy}>{t('screenOut')}</button>
          </form>
        </div>
      )}
      {pending && (
        <div class="panel">
          <p>{t('notAnIncident')}: {t('dismissalReasons', pending.reason)} – {pending.justification} ({pending.requestedBy})</p>
          {ctx.can('SECOND_LINE') && pending.requestedBy !== ctx.me.email && (
            <button class="approve-dismissal" disabled={busy} onClick={() => submit(() => send('approveDismissal', { id: ctx.id, requestId: pending.id }, undefined, ctx.etag), ctx.reload)}>{t('approve')}</button>
          )}
          {pending.requestedBy === ctx.me.email && <span class="muted"> {t('ownRequest')}</span>}
        </div>
      )}
      {!pending && dismissible && ctx.can('RESPONDER') && (
        <form id="request-dismissal" class="panel" onSubmit={(e) => { e.preventDefault(); submit(() => send('requestDismissal', { id: ctx.id }, { reason, justification: why }, ctx.etag), ctx.reload); }}>
          <h3>{t('notAnIncident')}</h3>
          {fields}
          <button type="submit" disabled={busy}>{t('requestDismissal')}</button>
        </form>
      )}
    </section>
  );
}
