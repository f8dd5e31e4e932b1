// What the reporter wrote and the messages with them (the status page's channel).
import { useState } from 'preact/hooks';
import { send } from '../api.js';
import { useT } from '../i18n.js';
import { Field, Time, useSubmit } from '../components.jsx';
import { MailThread } from './mail.jsx';

export function ReportSection({ ctx }) {
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
            <form onSubmit={(e) => { e.preventDefault(); submit(() => send('sendReporterMessage', { id: ctx.id }, { text }, ctx.etag), () => { setText(''); return ctx.reload(); }); }}>
              <Field label={t('toReporter')} kind="textarea" value={text} onInput={setText} required />
              <button type="submit" disabled={busy}>{t('send')}</button>
            </form>
          )}
          {view}
        </>
      )}
      {ctx.mail && ctx.mail.mail.length > 0 && <MailThread ctx={ctx} />}
    </section>
  );
}
