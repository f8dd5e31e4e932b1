// The decision log: every decision, including "no notification", with reasoning, who and when.
import { useState } from 'preact/hooks';
import { send } from '../api.js';
import { useT } from '../i18n.js';
import { Field, Time, useSubmit } from '../components.jsx';
import { sectionHref } from './links.js';

export function DecisionsSection({ ctx }) {
  const t = useT();
  const [form, setForm] = useState({ type: 'NOTIFY_AUTHORITY', reasoning: '', exception: '', delayReasons: '' });
  const { submit, busy, view } = useSubmit(ctx.reload);
  const set = (key) => (value) => setForm({ ...form, [key]: value });
  const types = ['NOTIFY_AUTHORITY', 'NO_AUTHORITY_NOTIFICATION', 'SUPPLEMENTARY_NOTIFICATION', 'NOTIFY_DATA_SUBJECTS', 'NO_DATA_SUBJECT_NOTIFICATION', 'NO_PERSONAL_DATA_AFFECTED'];
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('decisions')}</h2>
      {view}
      <ul id="decisions">
        {ctx.decisions.decisions.map((d) => (
          <li key={d.id}>
            <strong>{t('decisionTypes', d.type)}</strong> ({d.id}, {d.responsible} {t('signedAs')} {d.signedAs}, <Time at={d.decidedAt} />)
            {d.corrects && <> · {t('corrects')} {d.corrects}</>}
            {d.exception && <> · {t('exception')}: {d.exception}</>}
            {d.restsOn && <> · {t('restsOnAssessment')} <a href={sectionHref(ctx.id, 'assessment') + '#risk-heading'}>{d.restsOn}</a></>}: {d.reasoning}
          </li>
        ))}
      </ul>
      {ctx.can('LEGAL', 'DPO') && (
        <form id="log-decision" class="panel" onSubmit={(e) => {
          e.preventDefault();
          submit(() => send('logDecision', { id: ctx.id }, { type: form.type, reasoning: form.reasoning, exception: form.exception || undefined, delayReasons: form.delayReasons || undefined }, ctx.etag),
            () => { setForm({ ...form, reasoning: '' }); return ctx.reload(); });
        }}>
          <h3>{t('logDecision')}</h3>
          <div class="grid">
            <Field label={t('type')} kind="select" value={form.type} onInput={set('type')} options={types.map((c) => [c, t('decisionTypes', c)])} name="type" />
            <Field label={t('reasoning')} kind="textarea" value={form.reasoning} onInput={set('reasoning')} required name="reasoning" />
            <Field label={t('exception')} kind="select" value={form.exception} onInput={set('exception')} options={[['', '–'], ...['ENCRYPTED', 'SUBSEQUENT_MEASURES', 'DISPROPORTIONATE_EFFORT'].map((c) => [c, c])]} name="exception" />
            <Field label={t('delayReasons')} value={form.delayReasons} onInput={set('delayReasons')} name="delayReasons" />
          </div>
          <button type="submit" disabled={busy}>{t('logDecision')}</button>
        </form>
      )}
    </section>
  );
}
