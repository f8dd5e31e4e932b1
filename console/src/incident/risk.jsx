// The risk to the data subjects by the ENISA method: a form that explains every input in the reader's
// language (the wording comes with the method's table, so it always matches the weights), the score
// as it is typed (the server scores it; the console never computes it itself), the suggestion, and
// LEGAL's or the DPO's decision on it. Every assessment stays, with what was decided on it.
import { useEffect, useState } from 'preact/hooks';
import { read, send, ApiError } from '../api.js';
import { useLang, useT } from '../i18n.js';
import { Check, Field, Time, useLoad, useSubmit } from '../components.jsx';
import { sectionHref } from './links.js';

const CATEGORIES = ['SIMPLE', 'BEHAVIOURAL', 'FINANCIAL', 'SENSITIVE'];
const CIRCUMSTANCES = ['confidentiality', 'integrity', 'availability', 'maliciousIntent'];

let methodOnce = null;
const loadMethod = () => (methodOnce = methodOnce || read('getRiskMethod').catch((e) => { methodOnce = null; throw e; }));

function emptyForm(method) {
  return {
    data: [{ category: 'SIMPLE', score: method.dataCategories.SIMPLE.base, factors: [], reason: '' }],
    identification: { level: 'MAXIMUM', reason: '' },
    circumstances: Object.fromEntries(CIRCUMSTANCES.map((c) => [c, { level: Object.keys(method.circumstances[c])[0], reason: '' }])),
    factors: Object.fromEntries(Object.keys(method.edpbFactors).map((f) => [f, ''])),
    exceptions: {},
  };
}

function body(form) {
  return {
    data: form.data.map((d) => ({ ...d, score: Number(d.score) })),
    identification: form.identification,
    circumstances: form.circumstances,
    factors: form.factors,
    exceptions: Object.entries(form.exceptions).filter(([, v]) => v != null).map(([exception, reason]) => ({ exception, reason })),
  };
}

/** The score of what is typed, asked of the server a moment after typing stops. */
function useLiveScore(id, form) {
  const [state, setState] = useState(null);
  const json = JSON.stringify(body(form));
  useEffect(() => {
    let current = true;
    const timer = setTimeout(async () => {
      try {
        const { data } = await send('previewRiskAssessment', { id }, JSON.parse(json));
        if (current) setState({ suggestion: data });
      } catch (e) {
        if (current) setState({ incomplete: e instanceof ApiError ? e.message : String(e) });
      }
    }, 400);
    return () => { current = false; clearTimeout(timer); };
  }, [id, json]);
  return state;
}

function Score({ score }) {
  const t = useT();
  return (
    <span class="risk-score">
      SE = {score.dpc} × {score.ei} + {score.cb} = <strong>{score.severity}</strong> · {t('bands', score.band)}
    </span>
  );
}

function Suggestion({ advice }) {
  const t = useT();
  return (
    <span>
      {t('suggestedRisk')}: <strong>{t('risks', advice.risk)}</strong> · {advice.obligations.map((o) => t('obligations', o)).join(' · ')}
      {advice.restsOn && <> · {t('restsOnException')}: {advice.restsOn.join(', ')}</>}
    </span>
  );
}

export function RiskAccepted({ incident }) {
  const t = useT();
  const a = incident.riskAcceptance;
  if (!a) return <p class="muted" id="risk-accepted">{t('noRiskAccepted')}</p>;
  return (
    <p id="risk-accepted">
      {t('riskAccepted')}: {a.method}, SE {a.severity} ({t('bands', a.band)}) → <strong>{t('risks', a.risk)}</strong>
      {' '}({a.overridden ? `${t('overridden')}: ${a.reason}` : t('accepted')}; {a.decidedBy} {t('signedAs')} {a.signedAs}, <Time at={a.decidedAt} />)
    </p>
  );
}

/** One line in the triage section: the accepted result and where the method is. */
export function RiskSummary({ ctx }) {
  const t = useT();
  return (
    <div class="panel">
      <RiskAccepted incident={ctx.incident} />
      <a href={sectionHref(ctx.id, 'assessment') + '#risk-heading'}>{t('riskMethodLink')}</a>
    </div>
  );
}

function DataItems({ form, setForm, method, text }) {
  const t = useT();
  const setItem = (i, change) => setForm({ ...form, data: form.data.map((d, j) => (j === i ? { ...d, ...change } : d)) });
  const unused = CATEGORIES.filter((c) => !form.data.some((d) => d.category === c));
  return (
    <fieldset>
      <legend>{t('dataProcessingContext')}</legend>
      {form.data.map((d, i) => (
        <div class="panel" key={i}>
          <div class="grid">
            <Field label={t('dataCategory')} kind="select" value={d.category} name={`data-${i}-category`}
              onInput={(v) => setItem(i, { category: v, score: method.dataCategories[v].base })}
              options={[d.category, ...unused].map((c) => [c, t('riskDataCategories', c)])} hint={text(method.dataCategories[d.category])} />
            <Field label={t('dpcScore')} kind="select" value={String(d.score)} name={`data-${i}-score`}
              onInput={(v) => setItem(i, { score: Number(v) })} options={[1, 2, 3, 4].map((s) => [String(s), String(s)])}
              hint={`${t('basicScore')}: ${method.dataCategories[d.category].base}`} />
          </div>
          <fieldset class="checks">
            <legend>{t('contextFactors')}</legend>
            {Object.keys(method.contextFactors).map((f) => (
              <Check key={f} label={text(method.contextFactors[f])} checked={d.factors.includes(f)}
                onChange={(on) => setItem(i, { factors: on ? [...d.factors, f] : d.factors.filter((x) => x !== f) })} />
            ))}
          </fieldset>
          <Field label={t('riskReason')} kind="textarea" value={d.reason} name={`data-${i}-reason`} required onInput={(v) => setItem(i, { reason: v })} />
          {form.data.length > 1 && <button type="button" class="secondary" onClick={() => setForm({ ...form, data: form.data.filter((_, j) => j !== i) })}>{t('remove')}</button>}
        </div>
      ))}
      {unused.length > 0 && (
        <button type="button" class="secondary" onClick={() => setForm({ ...form, data: [...form.data, { category: unused[0], score: method.dataCategories[unused[0]].base, factors: [], reason: '' }] })}>
          {t('addDataCategory')}
        </button>
      )}
    </fieldset>
  );
}

function AssessmentForm({ ctx, method }) {
  const t = useT();
  const lang = useLang();
  const text = (entry) => (entry ? entry[lang] || entry.en : '');
  const [form, setForm] = useState(() => emptyForm(method));
  const live = useLiveScore(ctx.id, form);
  const { submit, busy, view } = useSubmit(ctx.reload);
  const setFinding = (group, key, change) => setForm({ ...form, [group]: key ? { ...form[group], [key]: { ...form[group][key], ...change } } : { ...form[group], ...change } });
  return (
    <form id="risk-form" class="panel" onSubmit={(e) => {
      e.preventDefault();
      submit(() => send('recordRiskAssessment', { id: ctx.id }, body(form), ctx.etag), () => { setForm(emptyForm(method)); return ctx.reload(); });
    }}>
      <h3>{t('newRiskAssessment')}</h3>
      <p class="hint">{text(method.title)} – {method.formula}</p>
      <DataItems form={form} setForm={setForm} method={method} text={text} />
      <fieldset>
        <legend>{t('easeOfIdentification')}</legend>
        <Field label={t('level')} kind="select" value={form.identification.level} name="identification-level"
          onInput={(v) => setFinding('identification', null, { level: v })}
          options={Object.keys(method.identification).map((l) => [l, `${method.identification[l].value} – ${text(method.identification[l])}`])} />
        <Field label={t('riskReason')} kind="textarea" value={form.identification.reason} name="identification-reason" required
          onInput={(v) => setFinding('identification', null, { reason: v })} />
      </fieldset>
      <fieldset>
        <legend>{t('circumstancesOfBreach')}</legend>
        {CIRCUMSTANCES.map((c) => (
          <div key={c}>
            <Field label={t('circumstances', c)} kind="select" value={form.circumstances[c].level} name={`${c}-level`}
              onInput={(v) => setFinding('circumstances', c, { level: v })}
              options={Object.keys(method.circumstances[c]).map((l) => [l, `+${method.circumstances[c][l].value} – ${text(method.circumstances[c][l])}`])} />
            <Field label={t('riskReason')} kind="textarea" value={form.circumstances[c].reason} name={`${c}-reason`} required
              onInput={(v) => setFinding('circumstances', c, { reason: v })} />
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('edpbFactors')}</legend>
        <div class="two">
          {Object.keys(method.edpbFactors).map((f) => (
            <Field key={f} label={text(method.edpbFactors[f])} kind="textarea" value={form.factors[f]} name={`factor-${f}`} required
              onInput={(v) => setForm({ ...form, factors: { ...form.factors, [f]: v } })} />
          ))}
        </div>
      </fieldset>
      <fieldset class="checks">
        <legend>{t('art34Exceptions')}</legend>
        {Object.keys(method.exceptions).map((x) => (
          <div key={x}>
            <Check label={text(method.exceptions[x])} checked={form.exceptions[x] != null}
              onChange={(on) => setForm({ ...form, exceptions: { ...form.exceptions, [x]: on ? '' : null } })} />
            {form.exceptions[x] != null && (
              <Field label={t('riskReason')} value={form.exceptions[x]} name={`exception-${x}-reason`} required
                onInput={(v) => setForm({ ...form, exceptions: { ...form.exceptions, [x]: v } })} />
            )}
          </div>
        ))}
      </fieldset>
      <div class="panel" id="risk-live" aria-live="polite">
        {live && live.suggestion && <p><Score score={live.suggestion.score} /><br /><Suggestion advice={live.suggestion.advice} /></p>}
        {live && live.incomplete && <p class="muted">{t('stillNeeded')}: {live.incomplete}</p>}
      </div>
      <button type="submit" disabled={busy}>{t('recordRiskAssessment')}</button>
      {view}
    </form>
  );
}

function Decide({ ctx, assessment }) {
  const t = useT();
  const [form, setForm] = useState({ risk: '', reason: '' });
  const { submit, busy, view } = useSubmit(ctx.reload);
  const path = { id: ctx.id, assessmentId: assessment.id };
  const others = ['LOW', 'MEDIUM', 'HIGH'].filter((r) => r !== assessment.advice.risk);
  return (
    <div class="panel" id="risk-decide">
      <button type="button" disabled={busy} onClick={() => submit(() => send('decideRiskAssessment', path, { decision: 'ACCEPT' }, ctx.etag), ctx.reload)}>
        {t('acceptSuggestion')}
      </button>
      <form onSubmit={(e) => {
        e.preventDefault();
        submit(() => send('decideRiskAssessment', path, { decision: 'OVERRIDE', risk: form.risk, reason: form.reason }, ctx.etag), ctx.reload);
      }}>
        <div class="grid">
          <Field label={t('overrideRisk')} kind="select" value={form.risk} name="override-risk" required
            onInput={(v) => setForm({ ...form, risk: v })} options={[['', '–'], ...others.map((r) => [r, t('risks', r)])]} />
          <Field label={t('overrideReason')} kind="textarea" value={form.reason} name="override-reason" required
            onInput={(v) => setForm({ ...form, reason: v })} />
        </div>
        <button type="submit" disabled={busy}>{t('override')}</button>
      </form>
      {view}
    </div>
  );
}

export function RiskSection({ ctx }) {
  const t = useT();
  const { data: method, error, reload } = useLoad(loadMethod, []);
  const all = ctx.risks.riskAssessments;
  const mayAssess = ctx.can('RESPONDER', 'SECOND_LINE', 'LEGAL', 'DPO') && ctx.incident.phase !== 'CLOSED';
  const mayDecide = ctx.can('LEGAL', 'DPO') && ctx.incident.phase !== 'CLOSED';
  return (
    <section aria-labelledby="risk-heading">
      <h2 id="risk-heading">{t('riskAssessment')}</h2>
      <p class="hint">{t('riskAdviceOnly')}</p>
      <RiskAccepted incident={ctx.incident} />
      <ul id="risk-assessments">
        {all.map((a, i) => (
          <li key={a.id}>
            <strong>{a.id}</strong> · {t('riskStatus', a.status)} · <Score score={a.score} /> · <Suggestion advice={a.advice} />
            {' '}({a.assessedBy}, <Time at={a.assessedAt} />)
            {a.verdict && <> · {a.verdict.decidedBy}: {t('risks', a.verdict.risk)}{a.verdict.reason && ` – ${a.verdict.reason}`}</>}
            {i === 0 && a.status === 'PROPOSED' && mayDecide && <Decide ctx={ctx} assessment={a} />}
          </li>
        ))}
      </ul>
      {mayAssess && (method ? <AssessmentForm ctx={ctx} method={method} /> : error && <p class="banner" role="alert">{t('failed')} {error.message} <button type="button" onClick={reload}>{t('retry')}</button></p>)}
    </section>
  );
}
