// Every change in the order it happened, and the verification of the audit trail: each hash chain
// the incident's events are on, intact or where it broke.
import { useT } from '../i18n.js';
import { Time } from '../components.jsx';

export function TimelineSection({ ctx }) {
  const t = useT();
  return (
    <>
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('audit')}</h2>
        <p><span class={`badge ${ctx.audit.intact ? 'ok' : 'bad'}`}>{t(ctx.audit.intact ? 'auditIntact' : 'auditBroken')}</span></p>
        <ul id="audit-streams">
          {ctx.audit.streams.map((s) => (
            <li key={s.stream}>
              <code>{s.stream}</code>: {s.events} · {t(s.intact ? 'auditIntact' : 'auditBroken')}
              {s.reason && ` (${s.brokenEventId || s.brokenAt}: ${s.reason})`}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('timeline')}</h2>
        <ol class="timeline">
          {ctx.timeline.entries.map((e) => (
            <li key={e.id}><Time at={e.at} /> · {e.actor.id} · {e.summary}</li>
          ))}
        </ol>
      </section>
    </>
  );
}
