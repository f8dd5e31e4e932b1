// What stays in view on every section of an incident: which incident, its phase, the next step with
// what still blocks it (each item a link to the section where it is filled in), the most urgent
// running clock, and whether its audit trail is intact.
import { useState } from 'preact/hooks';
import { send } from '../api.js';
import { useT } from '../i18n.js';
import { Countdown, Field, useSubmit } from '../components.jsx';
import { sectionHref, sectionOf } from './links.js';

export const PHASES = ['DETECTION_TRIAGE', 'CONTAINMENT', 'FORENSICS', 'LEGAL_ASSESSMENT', 'RECOVERY_CLOSURE', 'CLOSED'];

/** The open deadline that falls due first, or null. */
export function mostUrgent(deadlines) {
  const open = deadlines.filter((d) => d.status === 'OPEN' || d.status === 'OVERDUE');
  return open.reduce((a, b) => (a && Date.parse(a.dueAt) <= Date.parse(b.dueAt) ? a : b), null);
}

export function SummaryBar({ ctx }) {
  const t = useT();
  const i = ctx.incident;
  const { submit, busy, view } = useSubmit(ctx.reload);
  const urgent = mostUrgent(i.deadlines);
  const [missedReason, setMissedReason] = useState('');
  // Closing settles the clocks it does not wait for as missed, and the closer says why.
  const missing = i.nextPhase === 'CLOSED'
    ? i.deadlines.filter((d) => d.atClosure === 'MISSED' && (d.status === 'OPEN' || d.status === 'OVERDUE'))
    : [];
  const move = () => submit(() => send('transition', { id: ctx.id },
    { to: i.nextPhase, missedReason: missing.length ? missedReason : undefined }, ctx.etag), ctx.reload);
  return (
    <div class="summary" role="region" aria-label={t('nextStep')}>
      <h1 id="incident-heading" tabIndex="-1">{i.id}: {i.title}</h1>
      <p class="badges">
        <span class="badge">{t('phases', i.phase)}</span>
        {i.closure && i.closure !== 'RESOLVED' && <span class="badge">{t('closures', i.closure)}</span>}
        {i.held && <span class="badge bad">{t('toScreen')}</span>}
        {i.triage && i.triage.severity && <span class="badge">{i.triage.severity}</span>}
        {i.triage && i.triage.classification && <span class="badge">{i.triage.classification}</span>}
        <span class="badge">{i.source}</span>
        <a href={sectionHref(ctx.id, 'timeline')} class={`badge ${ctx.audit.intact ? 'ok' : 'bad'}`} id="audit-badge">{t(ctx.audit.intact ? 'auditIntact' : 'auditBroken')}</a>
      </p>
      <ol class="stepper" aria-label={t('phase')}>
        {PHASES.map((p) => {
          const state = p === i.phase ? 'current' : PHASES.indexOf(p) < PHASES.indexOf(i.phase) ? 'done' : '';
          return <li key={p} class={state} aria-current={p === i.phase ? 'step' : undefined}>{t('phases', p)}</li>;
        })}
      </ol>
      <div class="next">
        <div>
          <strong>{t('nextStep')}:</strong>{' '}
          {i.phase === 'CLOSED' ? t('closedNoWork') : i.unmetExitCriteria.length === 0 ? t('allMet') : `${i.unmetExitCriteria.length} ${t('stillOpen')}`}
          {i.phase !== 'CLOSED' && i.unmetExitCriteria.length > 0 && (
            <ul class="checklist" id="unmet">
              {i.unmetExitCriteria.map((u) => (
                <li key={u.code + u.message}><a href={sectionHref(ctx.id, sectionOf(u.code))}>{u.message}</a></li>
              ))}
            </ul>
          )}
        </div>
        {i.phase !== 'CLOSED' && ctx.can('RESPONDER') && (
          <div class="move">
            {missing.length > 0 && (
              <>
                <p>{t('missedClocks')} {missing.map((d) => d.label).join('; ')}</p>
                <Field label={t('missedReason')} value={missedReason} onInput={setMissedReason} name="missedReason" />
              </>
            )}
            <button id="transition" disabled={busy} onClick={move}>{t('moveTo')} {t('phases', i.nextPhase)}</button>
          </div>
        )}
        <div class="urgent">
          <strong>{t('mostUrgent')}:</strong>{' '}
          {urgent ? <><span id="urgent-clock">{urgent.label}</span> <Countdown deadline={urgent} /></> : t('noOpenClock')}
        </div>
      </div>
      {view}
    </div>
  );
}
