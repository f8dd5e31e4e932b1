// The assessment in words: what the notifications and the final report say (nature, consequences,
// advice, root cause, lessons learned), after the risk to the data subjects assessed by the method.
import { useState } from 'preact/hooks';
import { send } from '../api.js';
import { useT } from '../i18n.js';
import { Field, useSubmit } from '../components.jsx';
import { RiskSection } from './risk.jsx';

export function AssessmentSection({ ctx }) {
  const t = useT();
  const a = ctx.incident.assessment || {};
  const keys = ['nature', 'dataSubjectCategories', 'likelyConsequences', 'adviceToDataSubjects', 'rootCause', 'lessonsLearned'];
  const [form, setForm] = useState(() => Object.fromEntries(keys.map((k) => [k, a[k] || ''])));
  const { submit, busy, view } = useSubmit(ctx.reload);
  const mayWrite = ctx.can('RESPONDER', 'LEGAL', 'DPO');
  const body = () => Object.fromEntries([...Object.entries(a), ...Object.entries(form)].filter(([, v]) => v !== '' && v != null));
  return (
    <>
    <RiskSection ctx={ctx} />
    <section aria-labelledby="assessment-heading">
      <h2 id="assessment-heading">{t('assessment')}</h2>
      {!mayWrite && <dl class="facts">{keys.map((k) => <div key={k}><dt>{t(k)}</dt><dd>{a[k] || '–'}</dd></div>)}</dl>}
      {mayWrite && <form onSubmit={(e) => { e.preventDefault(); submit(() => send('recordAssessment', { id: ctx.id }, body(), ctx.etag), ctx.reload); }}>
        <div class="two">
          {keys.map((k) => <Field key={k} label={t(k)} kind="textarea" value={form[k]} onInput={(v) => setForm({ ...form, [k]: v })} name={k} />)}
        </div>
        <button type="submit" disabled={busy}>{t('save')}</button>
      </form>}
      {view}
    </section>
    </>
  );
}
