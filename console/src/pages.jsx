// The pages beside the board and the incident: notification drafts, the final report, legal holds
// with the erasure check, the breach register, and the members.
import { useState } from 'preact/hooks';
import { read, send } from './api.js';
import { useLang, useT } from './i18n.js';
import { Check, Field, Loading, Time, download, useLoad, useSubmit } from './components.jsx';

/**
 * A document as the server rendered it from its Markdown: what people typed is escaped there, links
 * are checked and images are not loaded, so the HTML is shown as it comes; gaps are in <mark>.
 */
function Rendered({ html }) {
  return <div class="document" id="draft-text" dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * The rendered document inside the server's printable page: what lies between its body tags (text
 * typed by people is escaped there, so no such tag can come from it). Not parsed as a document: its
 * stylesheet would be refused by the console's policy.
 */
function body(page) {
  return page.slice(page.indexOf('<body>') + '<body>'.length, page.lastIndexOf('</body>'));
}

/** The ways a document leaves the console: copied as plain text, as PDF, as Markdown. */
function DocumentActions({ operation, path, query, name }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const as = (format, kind) => read(operation, path, { ...query, format }, kind);
  const copy = async () => {
    await navigator.clipboard.writeText(await as('text', 'text'));
    setCopied(true);
  };
  return (
    <div class="actions no-print">
      <button onClick={copy}>{t('copyText')}</button>
      <button class="secondary" onClick={async () => download(`${name}.pdf`, await as('pdf', 'blob'))}>{t('downloadPdf')}</button>
      <button class="secondary" onClick={async () => download(`${name}.md`, await as('markdown', 'text'), 'text/markdown')}>{t('downloadMarkdown')}</button>
      {copied && <span role="status">{t('copied')}</span>}
    </div>
  );
}

/** The operation and path of a draft's kind (as the page's address names it). */
function draftOperation(id, kind) {
  if (kind === 'authority-notification') return ['getAuthorityNotificationDraft', { id }];
  if (kind === 'data-subject-notice') return ['getDataSubjectNoticeDraft', { id }];
  const [, regime, stage] = kind.split('/');
  return ['getStageDraft', { id, regime, stage }];
}

/** Where on the incident page each item of a draft is filled in; the rest comes from the deployment. */
const FILLED_IN = {
  nature: 'assessment', dataSubjectCategories: 'assessment', likelyConsequences: 'assessment', adviceToDataSubjects: 'assessment',
  maliciousActSuspected: 'assessment', crossBorderImpact: 'assessment', indicatorsOfCompromise: 'assessment',
  rootCause: 'assessment', mitigation: 'assessment',
  classification: 'triage', severity: 'triage', cia: 'triage', affectedSystems: 'triage', dataCategories: 'triage',
  estimatedDataSubjects: 'triage', estimatedRecords: 'triage', awarenessAt: 'triage',
  measures: 'measures', delayReasons: 'decisions', controllerNotified: 'communications',
  regimeTriggeredAt: 'overview', regimeAwareAt: 'overview',
};

/** What a draft still lacks, in the reader's words, each linked to where it is filled in. */
function MissingItems({ id, items }) {
  const t = useT();
  return (
    <div class="banner info" id="missing">
      {t('missing')}
      <ul>
        {items.map((item) => (
          <li key={item} data-item={item}>
            {FILLED_IN[item]
              ? <a href={`#/incidents/${id}/${FILLED_IN[item]}`}>{t('draftItems', item)}</a>
              : <>{t('draftItems', item)} ({t('setByDeployment')})</>}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function DraftPage({ id, kind }) {
  const t = useT();
  const [lang, setLang] = useState(useLang());
  const [operation, path] = draftOperation(id, kind);
  const { data, error, reload } = useLoad(() => read(operation, path, { lang }), [id, kind, lang]);
  const title =
    kind === 'authority-notification' ? t('draftAuthority')
      : kind === 'data-subject-notice' ? t('draftSubjects')
        : `${t('stageDraft')} ${kind.replace('stages/', '')}`;
  return (
    <article aria-labelledby="draft-heading">
      <p><a href={`#/incidents/${id}`}>{t('back')}</a></p>
      <h1 id="draft-heading" tabIndex="-1">{title}: {id}</h1>
      <div class="actions no-print" role="group" aria-label={t('language')}>
        <button class={lang === 'de' ? '' : 'secondary'} aria-pressed={String(lang === 'de')} onClick={() => setLang('de')}>{t('german')}</button>
        <button class={lang === 'en' ? '' : 'secondary'} aria-pressed={String(lang === 'en')} onClick={() => setLang('en')}>{t('english')}</button>
      </div>
      {data === undefined ? (
        <Loading error={error} retry={reload} />
      ) : (
        <>
          {data.missing.length > 0 && <MissingItems id={id} items={data.missing} />}
          <DocumentActions operation={operation} path={path} query={{ lang }} name={`${id}-${kind.replace(/\//g, '-')}-${lang}`} />
          <Rendered html={data.html} />
        </>
      )}
    </article>
  );
}

export function FinalReportPage({ id, me }) {
  const t = useT();
  const lang = useLang();
  const load = async () => ({
    html: body(await read('getFinalReport', { id }, { lang, format: 'html' }, 'text')),
    incident: await read('getIncident', { id }),
    issued: await read('listIssuedFinalReports', { id }),
  });
  const { data, error, reload } = useLoad(load, [id, lang]);
  const { submit, busy, view } = useSubmit(reload);
  return (
    <article aria-labelledby="report-heading">
      <p class="no-print"><a href={`#/incidents/${id}`}>{t('back')}</a></p>
      <h1 id="report-heading" tabIndex="-1">{t('finalReport')}: {id}</h1>
      {data === undefined ? (
        <Loading error={error} retry={reload} />
      ) : (
        <>
          <DocumentActions operation="getFinalReport" path={{ id }} query={{ lang }} name={`${id}-final-report-${lang}`} />
          <div class="actions no-print">
            <button class="secondary" onClick={() => window.print()}>{t('print')}</button>
            {(me.roles.includes('SECOND_LINE') || me.roles.includes('DPO')) && data.incident.phase === 'CLOSED' && (
              <button class="secondary" disabled={busy} onClick={() => submit(() => send('issueFinalReport', { id }, undefined, data.incident.etag), reload)}>{t('issueReport')}</button>
            )}
          </div>
          {view}
          {data.issued.finalReports.length > 0 && (
            <p>{t('issuedVersions')}: {data.issued.finalReports.map((r) => `v${r.version} (${r.sha256.slice(0, 12)}…)`).join(', ')}</p>
          )}
          <Rendered html={data.html} />
        </>
      )}
    </article>
  );
}

export function HoldsPage() {
  const t = useT();
  const [subject, setSubject] = useState('');
  const [looked, setLooked] = useState(null);
  const [form, setForm] = useState({ reason: 'LEGAL_HOLD', reasonCodes: '', justification: '' });
  const [releaseWhy, setReleaseWhy] = useState('');
  const look = async (s) => {
    const [holds, check] = await Promise.all([read('listLegalHolds', {}, { subject: s }), read('checkErasure', {}, { subject: s })]);
    setLooked({ subject: s, holds: holds.legalHolds, check });
  };
  const { submit, busy, view } = useSubmit(null);
  return (
    <section aria-labelledby="holds-heading">
      <h1 id="holds-heading" tabIndex="-1">{t('holds')}</h1>
      <form class="filters" onSubmit={(e) => { e.preventDefault(); submit(() => look(subject)); }}>
        <Field label={t('subject')} value={subject} onInput={setSubject} required pattern="[A-Za-z0-9:_.\-]{3,128}" />
        <button type="submit" disabled={busy}>{t('search')}</button>
      </form>
      {view}
      {looked && (
        <>
          <h2>{t('erasureCheck')}: {looked.subject}</h2>
          <p id="erasure-result" class={looked.check.mayErase ? 'badge ok' : 'badge bad'}>
            {looked.check.mayErase ? t('mayErase') : `${t('mayNotErase')} ${looked.check.blockingHolds.map((h) => h.id).join(', ')}`}
          </p>
          <ul>
            {looked.holds.map((h) => (
              <li key={h.id}>
                {h.id} · {h.reason} · {h.reasonCodes.join(', ')} · {h.justification} · <Time at={h.placedAt} /> · {h.active ? t('active') : t('released')}
                {h.active && (
                  <button class="secondary" disabled={busy || !releaseWhy} onClick={() => submit(() => send('releaseLegalHold', { holdId: h.id }, { justification: releaseWhy }), () => look(looked.subject))}>{t('release')}<span class="muted">{` ${h.id}`}</span></button>
                )}
              </li>
            ))}
          </ul>
          <Field label={`${t('release')}: ${t('justification')}`} value={releaseWhy} onInput={setReleaseWhy} />
          <form class="panel" onSubmit={(e) => {
            e.preventDefault();
            submit(() => send('placeLegalHold', {}, { subject: looked.subject, reason: form.reason, reasonCodes: form.reasonCodes.split(',').map((c) => c.trim()).filter(Boolean), justification: form.justification }), () => look(looked.subject));
          }}>
            <h3>{t('placeHold')}</h3>
            <div class="grid">
              <Field label={t('reason')} kind="select" value={form.reason} onInput={(v) => setForm({ ...form, reason: v })} options={['LEGAL_HOLD', 'OPEN_DISPUTE', 'FRAUD_REVIEW'].map((c) => [c, c])} />
              <Field label={t('reasonCodes')} value={form.reasonCodes} onInput={(v) => setForm({ ...form, reasonCodes: v })} required />
              <Field label={t('justification')} value={form.justification} onInput={(v) => setForm({ ...form, justification: v })} required />
            </div>
            <button type="submit" disabled={busy}>{t('placeHold')}</button>
          </form>
        </>
      )}
    </section>
  );
}

export function RegisterPage() {
  const t = useT();
  const lang = useLang();
  const [range, setRange] = useState({ from: '', to: '' });
  const [applied, setApplied] = useState(range);
  const query = () => ({
    from: applied.from && new Date(applied.from).toISOString(),
    to: applied.to && new Date(applied.to).toISOString(),
  });
  const { data, error, reload } = useLoad(() => read('getBreachRegister', {}, query()), [applied.from, applied.to]);
  const save = async (format) => {
    const document = await read('getBreachRegister', {}, { ...query(), format, lang }, format === 'pdf' ? 'blob' : 'text');
    download(`breach-register-${lang}.${format}`, document, 'text/csv');
  };
  return (
    <section aria-labelledby="register-heading">
      <h1 id="register-heading" tabIndex="-1">{t('register')}</h1>
      <form class="filters" onSubmit={(e) => { e.preventDefault(); setApplied(range); }}>
        <Field label={t('from')} type="date" value={range.from} onInput={(v) => setRange({ ...range, from: v })} />
        <Field label={t('to')} type="date" value={range.to} onInput={(v) => setRange({ ...range, to: v })} />
        <button type="submit">{t('show')}</button>
        <button type="button" class="secondary" onClick={() => save('csv')}>{t('downloadCsv')}</button>
        <button type="button" class="secondary" onClick={() => save('pdf')}>{t('downloadPdf')}</button>
      </form>
      {data === undefined ? (
        <Loading error={error} retry={reload} />
      ) : (
        <table id="register">
          <thead><tr><th scope="col">{t('id')}</th><th scope="col">{t('detectedAt')}</th><th scope="col">{t('classification')}</th><th scope="col">{t('nature')}</th><th scope="col">{t('registerRisk')}</th><th scope="col">{t('authorityDecision')}</th><th scope="col">{t('dataSubjectDecision')}</th></tr></thead>
          <tbody>
            {data.breaches.map((b) => (
              <tr key={b.incidentId}>
                <td><a href={`#/incidents/${b.incidentId}`}>{b.incidentId}</a></td>
                <td><Time at={b.detectedAt} /></td>
                <td>{b.classification || '–'}</td>
                <td>{b.nature || '–'}</td>
                <td class="risk">{b.risk ? t('risks', b.risk) : '–'}{b.riskMethod && <><br /><span class="muted">{b.riskMethod}: SE {b.riskSeverity} ({t('bands', b.riskBand)}) · {b.riskDecidedBy}</span></>}</td>
                <td>{b.authorityDecision ? t('decisionTypes', b.authorityDecision) : '–'}</td>
                <td>{b.dataSubjectDecision ? t('decisionTypes', b.dataSubjectDecision) : '–'}{b.dataSubjectException ? ` (${b.dataSubjectException})` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const ROLES = ['RESPONDER', 'SECOND_LINE', 'LEGAL', 'DPO', 'COMMUNICATIONS', 'ADMIN', 'ERASURE_WORKFLOW'];

export function MembersPage() {
  const t = useT();
  const { data, error, reload } = useLoad(() => read('listMembers'), []);
  const [form, setForm] = useState({ email: '', roles: [], active: true });
  const { submit, busy, view } = useSubmit(null);
  const toggle = (role, on) => setForm({ ...form, roles: on ? [...form.roles, role] : form.roles.filter((r) => r !== role) });
  return (
    <section aria-labelledby="members-heading">
      <h1 id="members-heading" tabIndex="-1">{t('members')}</h1>
      {data === undefined ? (
        <Loading error={error} retry={reload} />
      ) : (
        <table id="members">
          <thead><tr><th scope="col">{t('email')}</th><th scope="col">{t('roles')}</th><th scope="col">{t('status')}</th></tr></thead>
          <tbody>
            {data.members.map((m) => (
              <tr key={m.email}>
                <td><button class="link" onClick={() => setForm({ email: m.email, roles: m.roles, active: m.active })}>{m.email}</button></td>
                <td>{m.roles.join(', ')}</td>
                <td>{m.active ? t('active') : t('inactive')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="panel" onSubmit={(e) => { e.preventDefault(); submit(() => send('putMember', { email: form.email }, { roles: form.roles, active: form.active }), reload); }}>
        <h2>{t('saveMember')}</h2>
        <Field label={t('email')} type="email" value={form.email} onInput={(v) => setForm({ ...form, email: v })} required />
        <fieldset>
          <legend>{t('roles')}</legend>
          <div class="roles">
            {ROLES.map((r) => <Check key={r} label={r} checked={form.roles.includes(r)} onChange={(on) => toggle(r, on)} />)}
          </div>
        </fieldset>
        <Check label={t('active')} checked={form.active} onChange={(v) => setForm({ ...form, active: v })} />
        <button type="submit" disabled={busy}>{t('saveMember')}</button>
      </form>
      {view}
    </section>
  );
}
