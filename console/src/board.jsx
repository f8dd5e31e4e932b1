// The board: every incident with its phase, severity, classification, source and most urgent clock,
// filtered and paged (50 to a page, by the API's page tokens, so 10,000 incidents page as quickly as
// fifty).
import { useState } from 'preact/hooks';
import { read } from './api.js';
import { useT } from './i18n.js';
import { Check, Countdown, Field, Loading, useLoad } from './components.jsx';

const PAGE = 50;
const PHASES = ['DETECTION_TRIAGE', 'CONTAINMENT', 'FORENSICS', 'LEGAL_ASSESSMENT', 'RECOVERY_CLOSURE', 'CLOSED'];

export function Board() {
  const t = useT();
  const [filters, setFilters] = useState({ phase: '', severity: '', classification: '', overdue: false, mine: false, sort: 'createdAt' });
  const [applied, setApplied] = useState(filters);
  const [tokens, setTokens] = useState(['']); // the token of each page seen, for going back
  const page = tokens.length - 1;
  const query = new URLSearchParams({ pageSize: String(PAGE) });
  for (const key of ['phase', 'severity', 'classification']) if (applied[key]) query.set(key, applied[key]);
  if (applied.overdue) query.set('overdue', 'true');
  if (applied.mine) query.set('mine', 'true');
  if (applied.sort === 'nextDeadline') query.set('sort', 'nextDeadline');
  if (tokens[page]) query.set('pageToken', tokens[page]);
  const { data, error, reload } = useLoad(() => read('listIncidents', {}, Object.fromEntries(query)), [query.toString()]);
  const set = (key) => (value) => setFilters({ ...filters, [key]: value });
  const options = (codes, group) => [['', t('any')], ...codes.map((c) => [c, group ? t(group, c) : c])];

  return (
    <section aria-labelledby="board-heading">
      <h1 id="board-heading" tabIndex="-1">{t('board')}</h1>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(filters);
          setTokens(['']);
        }}
      >
        <Field label={t('phase')} kind="select" value={filters.phase} onInput={set('phase')} options={options(PHASES, 'phases')} />
        <Field label={t('severity')} kind="select" value={filters.severity} onInput={set('severity')} options={options(['P1', 'P2', 'P3', 'P4'])} />
        <Field label={t('classification')} kind="select" value={filters.classification} onInput={set('classification')} options={options(['INCIDENT', 'BREACH'])} />
        <Field label={t('sort')} kind="select" value={filters.sort} onInput={set('sort')} options={[['createdAt', t('newest')], ['nextDeadline', t('urgent')]]} />
        <Check label={t('overdueOnly')} checked={filters.overdue} onChange={set('overdue')} />
        <Check label={t('mineOnly')} checked={filters.mine} onChange={set('mine')} />
        <button type="submit">{t('apply')}</button>
      </form>
      {data === undefined ? (
        <Loading error={error} retry={reload} />
      ) : data.incidents.length === 0 ? (
        <p role="status">{t('noIncidents')}</p>
      ) : (
        <table id="incidents">
          <caption class="muted">{`${t('page')} ${page + 1}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('id')}</th>
              <th scope="col">{t('title')}</th>
              <th scope="col">{t('phase')}</th>
              <th scope="col">{t('severity')}</th>
              <th scope="col">{t('classification')}</th>
              <th scope="col">{t('source')}</th>
              <th scope="col">{t('nextDeadline')}</th>
            </tr>
          </thead>
          <tbody>
            {data.incidents.map((i) => (
              <tr key={i.id}>
                <td><a href={`#/incidents/${i.id}`}>{i.id}</a></td>
                <td>{i.title}</td>
                <td>{t('phases', i.phase)}</td>
                <td>{(i.triage && i.triage.severity) || '–'}</td>
                <td>{(i.triage && i.triage.classification) || '–'}</td>
                <td>{i.source}</td>
                <td>{i.nextDeadline ? <>{i.nextDeadline.label}: <Countdown deadline={i.nextDeadline} /></> : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager" aria-label={t('page')}>
        <button class="secondary" disabled={page === 0} onClick={() => setTokens(tokens.slice(0, -1))}>{t('previous')}</button>
        <button class="secondary" disabled={!data || !data.nextPageToken} onClick={() => setTokens([...tokens, data.nextPageToken])}>{t('next')}</button>
      </nav>
    </section>
  );
}
