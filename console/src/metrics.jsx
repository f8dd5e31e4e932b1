// The figures for the ISMS and customers' audits: incidents per month, how fast they were handled,
// how each clock was kept, notifications and measures. Charts are plain SVG drawn here (no chart
// library: a few hundred bytes instead of tens of kilobytes); every chart is followed by the table of
// its figures, which is what a screen reader reads (the chart itself is one labelled image).
import { useState } from 'preact/hooks';
import { read, send } from './api.js';
import { useLang, useT } from './i18n.js';
import { Field, Loading, Time, download, useLoad, useSubmit } from './components.jsx';

// Colours distinguishable for the common colour-vision deficiencies (Okabe–Ito), on white.
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];
const DIMENSIONS = ['byClassification', 'bySeverity', 'bySource'];

function monthInput(date) {
  return date.toISOString().slice(0, 7);
}

/**
 * Stacked bars, one per row; rows: [{label, values: {series: n}}]. Long labels are set at a slant so
 * they never run into each other; a single series needs no legend.
 */
function StackedBars({ id, title, rows, series, name }) {
  const width = 640;
  const left = 32;
  const slanted = rows.some((r) => r.label.length > 8);
  const bottom = slanted ? 70 : 24;
  const height = 176 + bottom;
  const max = Math.max(1, ...rows.map((r) => series.reduce((sum, s) => sum + (r.values[s] || 0), 0)));
  const step = (width - left) / Math.max(1, rows.length);
  const bar = Math.min(48, step * 0.7);
  const y = (n) => ((height - bottom) * n) / max;
  return (
    <figure class="chart">
      <svg id={id} viewBox={`0 0 ${width} ${height + 8}`} role="img" aria-label={title} width="100%" preserveAspectRatio="xMinYMin meet">
        <line x1={left} y1={height - bottom} x2={width} y2={height - bottom} stroke="#555" />
        <text x={left - 6} y={12} text-anchor="end" font-size="11">{max}</text>
        <text x={left - 6} y={height - bottom} text-anchor="end" font-size="11">0</text>
        {rows.map((r, i) => {
          let base = height - bottom;
          const x = left + i * step + (step - bar) / 2;
          const labelY = height - bottom + 14;
          return (
            <g key={r.label}>
              {series.map((s, k) => {
                const h = y(r.values[s] || 0);
                base -= h;
                return h > 0 && <rect key={s} x={x} y={base} width={bar} height={h} fill={COLOURS[k % COLOURS.length]} />;
              })}
              {slanted
                ? <text x={x + bar / 2} y={labelY} text-anchor="end" font-size="10" transform={`rotate(-35 ${x + bar / 2} ${labelY})`}>{r.label}</text>
                : <text x={x + bar / 2} y={height - 6} text-anchor="middle" font-size="11">{r.label}</text>}
            </g>
          );
        })}
      </svg>
      {series.length > 1 && (
        <figcaption>
          <ul class="legend">
            {series.map((s, k) => (
              <li key={s}><span class="swatch" style={`background:${COLOURS[k % COLOURS.length]}`} aria-hidden="true" /> {name(s)}</li>
            ))}
          </ul>
        </figcaption>
      )}
    </figure>
  );
}

function hours(minutes) {
  return minutes == null ? '–' : `${(minutes / 60).toFixed(1)} h`;
}

/**
 * Audit packs (second line, DPO, administrators): generated in the vault for a period and optionally
 * one customer. The form's Idempotency-Key is kept until the form changes, so a double click or a
 * retry after a timeout gives the same pack.
 */
function AuditPacks({ range }) {
  const t = useT();
  const lang = useLang();
  const [form, setForm] = useState({ customer: '', lang });
  const [key, setKey] = useState(() => crypto.randomUUID());
  const { data, reload } = useLoad(() => read('listAuditPacks'), []);
  const { submit, busy, view } = useSubmit(null);
  const change = (next) => { setForm(next); setKey(crypto.randomUUID()); };
  const open = async (id) => {
    const { data: link } = await send('createAuditPackDownload', { packId: id });
    location.assign(link.url);
  };
  return (
    <section aria-labelledby="packs-heading">
      <h2 id="packs-heading">{t('auditPacks')}</h2>
      <p class="hint">{t('auditPackHint')}</p>
      <form id="audit-pack" class="filters" onSubmit={(e) => {
        e.preventDefault();
        submit(() => send('createAuditPack', {}, { from: range.from, to: range.to, lang: form.lang, customer: form.customer || undefined }, undefined, key), reload);
      }}>
        <Field label={t('customer')} value={form.customer} onInput={(v) => change({ ...form, customer: v })} name="customer" />
        <Field label={t('packLanguage')} kind="select" value={form.lang} onInput={(v) => change({ ...form, lang: v })} options={[['de', 'Deutsch'], ['en', 'English']]} name="packLanguage" />
        <button type="submit" disabled={busy}>{t('generatePack')} ({range.from} – {range.to})</button>
      </form>
      {view}
      <ul id="audit-packs">
        {(data ? data.auditPacks : []).map((p) => (
          <li key={p.id}>
            <strong>{p.id}</strong> · {p.from} – {p.to}{p.customer && ` · ${p.customer}`} · {p.incidents} · <Time at={p.generatedAt} /> · <code>{p.sha256.slice(0, 16)}…</code>{' '}
            <button type="button" class="secondary" onClick={() => open(p.id)}>{t('download')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MetricsPage({ me }) {
  const t = useT();
  const lang = useLang();
  const now = new Date();
  const [range, setRange] = useState({ from: monthInput(new Date(now.getFullYear(), now.getMonth() - 11, 15)), to: monthInput(now) });
  const [applied, setApplied] = useState(range);
  const [dimension, setDimension] = useState('byClassification');
  const query = { from: applied.from, to: applied.to };
  const { data, error, reload } = useLoad(() => read('getMetrics', {}, query), [applied.from, applied.to]);
  const label = (code) => t('metricCodes', code);
  let body;
  if (data === undefined) {
    body = <Loading error={error} retry={reload} />;
  } else {
    const series = [...new Set(data.months.flatMap((m) => Object.keys(m[dimension])))].sort();
    const clockSeries = ['met', 'metLate', 'missed', 'stopped', 'open'];
    const audiences = Object.keys(data.notifications);
    body = (
      <>
        <p id="metrics-total">{t('metricsTotal')}: <strong>{data.incidents}</strong> ({data.zone})</p>
        <section aria-labelledby="per-month-heading">
          <h2 id="per-month-heading">{t('incidentsPerMonth')}</h2>
          <Field label={t('breakdown')} kind="select" value={dimension} onInput={setDimension} name="dimension"
            options={DIMENSIONS.map((d) => [d, t('metricDimensions', d)])} />
          <StackedBars id="chart-months" title={`${t('incidentsPerMonth')}, ${t('metricDimensions', dimension)}`} name={label}
            series={series} rows={data.months.map((m) => ({ label: m.month, values: m[dimension] }))} />
          <table id="table-months">
            <caption>{t('incidentsPerMonth')}</caption>
            <thead><tr><th scope="col">{t('month')}</th><th scope="col">{t('total')}</th>{series.map((s) => <th scope="col" key={s}>{label(s)}</th>)}</tr></thead>
            <tbody>
              {data.months.map((m) => (
                <tr key={m.month}><th scope="row">{m.month}</th><td>{m.total}</td>{series.map((s) => <td key={s}>{m[dimension][s] || 0}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="durations-heading">
          <h2 id="durations-heading">{t('durations')}</h2>
          <table id="table-durations">
            <caption>{t('durationsCaption')}</caption>
            <thead><tr><th scope="col">{t('duration')}</th><th scope="col">{t('incidentsCounted')}</th><th scope="col">{t('median')}</th><th scope="col">{t('p90')}</th></tr></thead>
            <tbody>
              {['timeToTriage', 'timeToContainment', 'timeToClosure'].map((k) => (
                <tr key={k}><th scope="row">{t('metricDurations', k)}</th><td>{data.durations[k].count}</td><td>{hours(data.durations[k].medianMinutes)}</td><td>{hours(data.durations[k].p90Minutes)}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="clocks-adherence-heading">
          <h2 id="clocks-adherence-heading">{t('deadlineAdherence')}</h2>
          <StackedBars id="chart-clocks" title={t('deadlineAdherence')} name={(s) => t('clockOutcomes', s)} series={clockSeries}
            rows={data.clocks.map((c) => ({ label: c.key, values: c }))} />
          <table id="table-clocks">
            <caption>{t('deadlineAdherence')}</caption>
            <thead><tr><th scope="col">{t('clock')}</th>{clockSeries.map((s) => <th scope="col" key={s}>{t('clockOutcomes', s)}</th>)}<th scope="col">{t('lateReasons')}</th></tr></thead>
            <tbody>
              {data.clocks.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{c.label}</th>
                  {clockSeries.map((s) => <td key={s}>{c[s]}</td>)}
                  <td>{c.lateReasons.map((r) => `${r.incidentId}: ${r.reasons || t('noReasonGiven')}`).join('; ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="notifications-heading">
          <h2 id="notifications-heading">{t('notificationsMade')}</h2>
          {audiences.length > 0 && <StackedBars id="chart-notifications" title={t('notificationsMade')} name={(s) => t('audiences', s)} series={['count']}
            rows={audiences.map((a) => ({ label: t('audiences', a), values: { count: data.notifications[a] } }))} />}
          <table id="table-notifications">
            <caption>{t('notificationsMade')}</caption>
            <thead><tr><th scope="col">{t('audience')}</th><th scope="col">{t('total')}</th></tr></thead>
            <tbody>{audiences.map((a) => <tr key={a}><th scope="row">{t('audiences', a)}</th><td>{data.notifications[a]}</td></tr>)}</tbody>
          </table>
        </section>
        <section aria-labelledby="measures-heading">
          <h2 id="measures-heading">{t('measuresFigures')}</h2>
          <table id="table-measures">
            <caption>{t('measuresFigures')}</caption>
            <thead><tr><th scope="col">{t('type')}</th><th scope="col">{t('open')}</th><th scope="col">{t('overdueCount')}</th><th scope="col">{t('done')}</th><th scope="col">{t('effectivenessResults')}</th></tr></thead>
            <tbody>
              {Object.entries(data.measures).map(([type, f]) => (
                <tr key={type}>
                  <th scope="row">{t('measureTypes', type)}</th><td>{f.open}</td><td>{f.overdue}</td><td>{f.done}</td>
                  <td>{Object.entries(f.effectiveness).map(([k, v]) => `${t('effectivenessCodes', k)}: ${v}`).join(', ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </>
    );
  }
  return (
    <section aria-labelledby="metrics-heading" class="metrics">
      <h1 id="metrics-heading" tabIndex="-1">{t('metrics')}</h1>
      <form class="filters" onSubmit={(e) => { e.preventDefault(); setApplied(range); }}>
        <Field label={t('fromMonth')} type="month" value={range.from} onInput={(v) => setRange({ ...range, from: v })} name="from" />
        <Field label={t('toMonth')} type="month" value={range.to} onInput={(v) => setRange({ ...range, to: v })} name="to" />
        <button type="submit">{t('show')}</button>
        <button type="button" class="secondary" onClick={async () => download(`metrics-${applied.from}-${applied.to}.csv`, await read('getMetrics', {}, { ...query, format: 'csv' }, 'text'), 'text/csv')}>{t('downloadCsv')}</button>
        <button type="button" class="secondary" onClick={() => download(`metrics-${applied.from}-${applied.to}.json`, JSON.stringify(data, null, 2), 'application/json')} disabled={!data}>{t('downloadJson')}</button>
      </form>
      <p class="hint" lang={lang}>{t('metricsHint')}</p>
      <p>
        <button type="button" class="secondary" id="policy-summary"
          onClick={async () => download(`incident-response-policy-${lang}.pdf`, await read('getPolicySummary', {}, { lang, format: 'pdf' }, 'blob'))}>
          {t('policySummaryPdf')}
        </button>
      </p>
      {body}
      {me && me.roles.some((r) => ['SECOND_LINE', 'DPO', 'ADMIN'].includes(r)) && <AuditPacks range={applied} />}
    </section>
  );
}
