// The incident's mail: "reported by email" with what the mailbox's server found about the sender, the
// thread both ways, attachments with their SHA-256 (never opened here), the raw message to download
// (an audited read), and a follow-up matched by its subject tag alone to confirm as the reporter's.
import { read, send } from '../api.js';
import { useT } from '../i18n.js';
import { Time, download, useSubmit } from '../components.jsx';

export function MailThread({ ctx }) {
  const t = useT();
  const { submit, busy, view } = useSubmit(ctx.reload);
  const mails = ctx.mail.mail;
  const report = mails.find((m) => m.kind === 'REPORT');
  const downloadRaw = async (m) => download(`${m.key}.eml`, await read('getRawMail', { id: ctx.id, key: m.key }, {}, 'blob'));
  return (
    <div class="panel" id="mail">
      <h3>{t('mailThread')}</h3>
      {report && (
        <p>
          <span class="badge">{t('reportedByEmail')}</span>{' '}
          <Sender sender={report.sender} />
        </p>
      )}
      {view}
      <ol class="timeline">
        {mails.map((m) => (
          <li key={m.key}>
            <Time at={m.at} /> · <strong>{t('mailKinds', m.kind)}</strong> ({m.direction === 'IN' ? t('mailFrom') : t('mailTo')} {m.address || '–'})
            {m.subject && <> · {m.subject}</>}
            {m.direction === 'IN' && <> · <Sender sender={m.sender} /></>}
            {m.flags.length > 0 && <> · {m.flags.map((f) => <span class="badge bad" key={f}>{t('mailFlags', f)}</span>)}</>}
            {m.attachments.length > 0 && (
              <ul aria-label={t('attachments')}>
                {m.attachments.map((a) => <li key={a.sha256 + a.name}>{a.name} · {a.contentType} · {a.size} B · <code>{a.sha256}</code></li>)}
              </ul>
            )}
            {' '}
            {m.rawSha256 && <button class="link" onClick={() => submit(() => downloadRaw(m))}>{t('downloadRaw')}</button>}
            {m.status === 'PENDING' && ctx.can('RESPONDER', 'SECOND_LINE', 'LEGAL', 'DPO') && (
              <> <button class="secondary confirm-mail" disabled={busy} onClick={() => submit(() => send('confirmMailSender', { id: ctx.id, key: m.key }, {}), ctx.reload)}>{t('confirmFollowUp')}</button></>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function Sender({ sender }) {
  const t = useT();
  if (!sender) return null;
  return sender.authentic
    ? <span class="badge ok">{t('senderAuthentic')}</span>
    : <span class="badge bad" title={`SPF ${sender.spf}, DKIM ${sender.dkim}, DMARC ${sender.dmarc}`}>{t('senderMayBeForged')} (DMARC {sender.dmarc})</span>;
}
