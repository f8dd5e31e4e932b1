// The overview of an incident: every clock, the team, and the moves beside the next phase — skips
// (four eyes), regular operation restored, reopen, acknowledging the escalation.
import { useState } from 'preact/hooks';
import { send } from '../api.js';
import { useT } from '../i18n.js';
import { Countdown, Field, Time, instant, lines, useSubmit } from '../components.jsx';
import { PHASES } from './summary.jsx';
import { Screening } from './screening.jsx';

export function Overview({ ctx }) {
  return (
    <>
      <Screening ctx={ctx} />
      <Moves ctx={ctx} />
      <Clocks ctx={ctx} />
      <Team ctx={ctx} />
      <Customers ctx={ctx} />
    </>
  );
}

function Moves({ ctx }) {
  const t = useT();
  const i = ctx.incident;
  const { submit, busy, view } = useSubmit(ctx.reload);
  const [skipTo, setSkipTo] = useState('');
  const [skipWhy, setSkipWhy] = useState('');
  const [reopenTo, setReopenTo] = useState('DETECTION_TRIAGE');
  const [reopenWhy, setReopenWhy] = useState('');
  const [restoredAt, setRestoredAt] = useState('');
  const later = PHASES.slice(PHASES.indexOf(i.phase) + 2);
  const earlier = PHASES.slice(0, PHASES.indexOf(i.phase));
  const pending = ctx.skips.skipRequests.filter((s) => s.status === 'PENDING');
  const acknowledge = ctx.can('SECOND_LINE', 'DPO', 'LEGAL') && i.phase !== 'CLOSED' && i.triage && i.triage.classification && !(i.milestones && i.milestones.escalationAcknowledgedAt);
  return (
    <section aria-labelledby="next-heading">
      <h2 id="next-heading">{t('sections', 'overview')}</h2>
      {view}
      {ctx.can('RESPONDER') && i.phase !== 'CLOSED' && later.length > 0 && (
        <form class="panel" onSubmit={(e) => { e.preventDefault(); submit(() => send('requestSkip', { id: ctx.id }, { to: skipTo || later[0], justification: skipWhy }, ctx.etag), ctx.reload); }}>
          <h3>{t('skipRequest')}</h3>
          <div class="grid">
            <Field label={t('skipTo')} kind="select" value={skipTo || later[0]} onInput={setSkipTo} options={later.map((p) => [p, t('phases', p)])} />
            <Field label={t('justification')} value={skipWhy} onInput={setSkipWhy} required />
          </div>
          <button type="submit" disabled={busy}>{t('request')}</button>
        </form>
      )}
      {pending.length > 0 && (
        <div class="panel">
          <h3>{t('skipRequests')}</h3>
          <ul>
            {pending.map((s) => (
              <li key={s.id}>
                {t('phases', s.from)} → {t('phases', s.to)}: {s.justification} ({s.requestedBy}){' '}
                {ctx.can('SECOND_LINE') && s.requestedBy !== ctx.me.email && (
                  <button class="approve-skip" disabled={busy} onClick={() => submit(() => send('approveSkip', { id: ctx.id, requestId: s.id }, undefined, ctx.etag), ctx.reload)}>{t('approve')}</button>
                )}
                {s.requestedBy === ctx.me.email && <span class="muted"> {t('ownRequest')}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {ctx.can('RESPONDER') && i.phase === 'RECOVERY_CLOSURE' && (
        <form class="panel" onSubmit={(e) => { e.preventDefault(); submit(() => send('recordOperationRestored', { id: ctx.id }, { restoredAt: instant(restoredAt) || new Date().toISOString() }, ctx.etag), ctx.reload); }}>
          <h3>{t('operationRestored')}</h3>
          {i.milestones && i.milestones.operationRestoredAt && <p><Time at={i.milestones.operationRestoredAt} /></p>}
          <Field label={t('restoredAt')} type="datetime-local" value={restoredAt} onInput={setRestoredAt} hint={t('nowIfEmpty')} />
          <button type="submit" disabled={busy}>{t('record')}</button>
        </form>
      )}
      {ctx.can('SECOND_LINE') && earlier.length > 0 && (
        <form class="panel" onSubmit={(e) => { e.preventDefault(); submit(() => send('reopenIncident', { id: ctx.id }, { to: reopenTo, justification: reopenWhy }, ctx.etag), ctx.reload); }}>
          <h3>{t('reopen')}</h3>
          <div class="grid">
            <Field label={t('reopenTo')} kind="select" value={reopenTo} onInput={setReopenTo} options={earlier.map((p) => [p, t('phases', p)])} />
            <Field label={t('justification')} value={reopenWhy} onInput={setReopenWhy} required />
          </div>
          <button type="submit" disabled={busy}>{t('reopen')}</button>
        </form>
      )}
      {acknowledge && (
        <button id="acknowledge" class="secondary" disabled={busy} onClick={() => submit(() => send('acknowledgeEscalation', { id: ctx.id }, undefined, ctx.etag), ctx.reload)}>{t("acknowledge")}</button>
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

function Team({ ctx }) {
  const t = useT();
  const [members, setMembers] = useState(() => (ctx.incident.team || []).join('\n'));
  const { submit, busy, view } = useSubmit(ctx.reload);
  return (
    <section aria-labelledby="team-heading">
      <h2 id="team-heading">{t('team')}</h2>
      <p>{(ctx.incident.team || []).join(', ') || '–'}</p>
      {ctx.can('RESPONDER', 'SECOND_LINE') && (
        <form id="team" onSubmit={(e) => { e.preventDefault(); submit(() => send('setTeam', { id: ctx.id }, { members: lines(members) }, ctx.etag), ctx.reload); }}>
          <Field label={t('teamMembers')} kind="textarea" value={members} onInput={setMembers} hint={t('teamHint')} name="team" />
          <button type="submit" disabled={busy}>{t('save')}</button>
        </form>
      )}
      {view}
    </section>
  );
}

/** Which customers the incident affected: what a customer's audit pack is filtered by. */
function Customers({ ctx }) {
  const t = useT();
  const [names, setNames] = useState(() => (ctx.incident.customers || []).join('\n'));
  const { submit, busy, view } = useSubmit(ctx.reload);
  return (
    <section aria-labelledby="customers-heading">
      <h2 id="customers-heading">{t('customers')}</h2>
      <p id="customers-now">{(ctx.incident.customers || []).join(', ') || '–'}</p>
      {ctx.can('RESPONDER', 'SECOND_LINE', 'LEGAL', 'DPO') && ctx.incident.phase !== 'CLOSED' && (
        <form id="customers" onSubmit={(e) => { e.preventDefault(); submit(() => send('setCustomers', { id: ctx.id }, { customers: lines(names) }, ctx.etag), ctx.reload); }}>
          <Field label={t('customers')} kind="textarea" value={names} onInput={setNames} hint={t('customersHint')} name="customers" />
          <button type="submit" disabled={busy}>{t('save')}</button>
        </form>
      )}
      {view}
    </section>
  );
}
