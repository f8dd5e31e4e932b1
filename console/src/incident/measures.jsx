// Containment, corrective and preventive measures, their status and effectiveness.
import { useState } from 'preact/hooks';
import { send } from '../api.js';
import { useT } from '../i18n.js';
import { Field, Time, instant, useSubmit } from '../components.jsx';

export function MeasuresSection({ ctx }) {
  const t = useT();
  const [form, setForm] = useState({ type: 'CONTAINMENT', description: '', owner: '', dueAt: '', control: '' });
  const [result, setResult] = useState('EFFECTIVE');
  const { submit, busy, view } = useSubmit(ctx.reload);
  const patch = (m, body) => () => send('changeMeasure', { id: ctx.id, measureId: m.id }, body, ctx.etag);
  return (
    <section aria-labelledby="measures-heading">
      <h2 id="measures-heading">{t('measures')}</h2>
      {view}
      <table id="measures">
        <thead><tr><th scope="col">{t('type')}</th><th scope="col">{t('description')}</th><th scope="col">{t('owner')}</th><th scope="col">{t('dueAt')}</th><th scope="col">{t('status')}</th><th scope="col">{t('effectiveness')}</th></tr></thead>
        <tbody>
          {ctx.measures.measures.map((m) => (
            <tr key={m.id}>
              <td>{m.type}</td>
              <td>{m.description}{m.control && <span class="muted"> ({m.control})</span>}</td>
              <td>{m.owner || '–'}</td>
              <td><Time at={m.dueAt} /></td>
              <td>
                {m.status}
                {ctx.can('RESPONDER') && m.status !== 'DONE' && m.status !== 'CANCELLED' && (
                  <> <button class="secondary" disabled={busy} onClick={() => submit(patch(m, { status: 'DONE' }), ctx.reload)}>{t('markDone')}<span class="muted">{` ${m.id}`}</span></button></>
                )}
              </td>
              <td>
                {m.effectiveness ? `${m.effectiveness.result}` : '–'}
                {ctx.can('RESPONDER') && !m.effectiveness && (
                  <> <button class="secondary check-effectiveness" disabled={busy} onClick={() => submit(patch(m, { effectiveness: { result } }), ctx.reload)}>{t('checkEffectiveness')}: {result}<span class="muted">{` ${m.id}`}</span></button></>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {ctx.can('RESPONDER') && (
        <>
          <Field label={t('effectiveness')} kind="select" value={result} onInput={setResult} options={['EFFECTIVE', 'PARTIALLY_EFFECTIVE', 'NOT_EFFECTIVE'].map((c) => [c, c])} />
          <form id="add-measure" class="panel" onSubmit={(e) => {
            e.preventDefault();
            submit(() => send('addMeasure', { id: ctx.id }, { type: form.type, description: form.description, owner: form.owner || undefined, dueAt: instant(form.dueAt), control: form.control || undefined }, ctx.etag),
              () => { setForm({ ...form, description: '', owner: '', dueAt: '', control: '' }); return ctx.reload(); });
          }}>
            <h3>{t('addMeasure')}</h3>
            <div class="grid">
              <Field label={t('type')} kind="select" value={form.type} onInput={(v) => setForm({ ...form, type: v })} options={['CONTAINMENT', 'CORRECTIVE', 'PREVENTIVE'].map((c) => [c, c])} name="type" />
              <Field label={t('description')} value={form.description} onInput={(v) => setForm({ ...form, description: v })} required name="description" />
              <Field label={t('owner')} value={form.owner} onInput={(v) => setForm({ ...form, owner: v })} name="owner" />
              <Field label={t('dueAt')} type="datetime-local" value={form.dueAt} onInput={(v) => setForm({ ...form, dueAt: v })} name="dueAt" />
              {form.type !== 'CONTAINMENT' && <Field label={t('annexAControl')} value={form.control} onInput={(v) => setForm({ ...form, control: v })} name="control" placeholder="A.8.8" hint={t('annexAControlHint')} />}
            </div>
            <button type="submit" disabled={busy}>{t('addMeasure')}</button>
          </form>
        </>
      )}
    </section>
  );
}
