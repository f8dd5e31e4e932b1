// Screening: is it an incident at all? Reports held during a surge are screened in or out, many at
// once; incidents still in triage can be concluded "not an incident" many at once, and the second
// line approves those requests (never their own). Every write carries the incident's own ETag.
import { useState } from 'preact/hooks';
import { read, send } from './api.js';
import { useT } from './i18n.js';
import { Field, Loading, Time, useLoad, useSubmit } from './components.jsx';

const REASONS = ['SPAM', 'TEST', 'MISUNDERSTANDING', 'DUPLICATE'];

async function loadScreening() {
  const [held, triage, pending, unfiled] = await Promise.all([
    read('listIncidents', {}, { held: true, pageSize: 200 }),
    read('listIncidents', {}, { phase: 'DETECTION_TRIAGE', pageSize: 200 }),
    read('listPendingDismissals'),
    read('listUnfiledMail').catch(() => ({ mail: [] })),
  ]);
  const waiting = new Set(pending.dismissalRequests.map((r) => r.incidentId));
  return {
    held: held.incidents,
    triage: triage.incidents.filter((i) => !i.held && !waiting.has(i.id) && !(i.triage && i.triage.classification === 'BREACH')),
    pending: pending.dismissalRequests,
    unfiled: unfiled.mail,
  };
}

/** Runs one write per selected incident, each with that incident's ETag; reports how many went through. */
async function each(ids, incidents, operation, body) {
  const etags = new Map(incidents.map((i) => [i.id, i.etag]));
  const failed = [];
  for (const id of ids) {
    try {
      await send(operation, { id }, body, etags.get(id));
    } catch (e) {
      failed.push(`${id}: ${e.message}`);
    }
  }
  if (failed.length) throw new Error(failed.join('; '));
}

export function ScreeningPage({ me }) {
  const t = useT();
  const { data, error, reload } = useLoad(loadScreening, []);
  const can = (...roles) => roles.some((r) => me.roles.includes(r));
  return (
    <section aria-labelledby="screening-heading">
      <h1 id="screening-heading" tabIndex="-1">{t('screening')}</h1>
      <p class="muted">{t('screeningIntro')}</p>
      {data === undefined ? <Loading error={error} retry={reload} /> : (
        <>
          <Held items={data.held} can={can} reload={reload} />
          <Dismiss items={data.triage} can={can} reload={reload} />
          <Pending items={data.pending} can={can} me={me} reload={reload} />
          <Unfiled items={data.unfiled} />
        </>
      )}
    </section>
  );
}

function useSelection() {
  const [chosen, setChosen] = useState(new Set());
  const toggle = (id) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id); else next.add(id);
    setChosen(next);
  };
  return { chosen, toggle, clear: () => setChosen(new Set()), all: (ids) => setChosen(new Set(ids)) };
}

function Pick({ id, label, selection }) {
  return <input type="checkbox" aria-label={label} checked={selection.chosen.has(id)} onChange={() => selection.toggle(id)} />;
}

function ReasonFields({ reason, setReason, why, setWhy, prefix }) {
  const t = useT();
  return (
    <div class="grid">
      <Field label={t('reason')} kind="select" value={reason} onInput={setReason} options={REASONS.map((r) => [r, t('dismissalReasons', r)])} name={`${prefix}-reason`} />
      <Field label={t('justification')} value={why} onInput={setWhy} required name={`${prefix}-justification`} />
    </div>
  );
}

function Held({ items, can, reload }) {
  const t = useT();
  const selection = useSelection();
  const [reason, setReason] = useState('SPAM');
  const [why, setWhy] = useState('');
  const { submit, busy, view } = useSubmit(reload);
  const screen = (body) => submit(() => each([...selection.chosen], items, 'screenReport', body), () => { selection.clear(); return reload(); });
  return (
    <section aria-labelledby="held-heading">
      <h2 id="held-heading">{t('heldReports')} ({items.length})</h2>
      {view}
      {items.length === 0 ? <p class="muted">{t('noneHeld')}</p> : (
        <table id="held">
          <thead><tr><th scope="col"><button class="link" onClick={() => selection.all(items.map((i) => i.id))}>{t('selectAll')}</button></th><th scope="col">{t('id')}</th><th scope="col">{t('title')}</th><th scope="col">{t('receivedAt')}</th></tr></thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}><td><Pick id={i.id} label={`${t('select')} ${i.id}`} selection={selection} /></td><td><a href={`#/incidents/${i.id}`}>{i.id}</a></td><td>{i.title}</td><td><Time at={i.createdAt} /></td></tr>
            ))}
          </tbody>
        </table>
      )}
      {can('RESPONDER') && items.length > 0 && (
        <div class="panel">
          <button id="screen-in" disabled={busy || selection.chosen.size === 0} onClick={() => screen({ decision: 'IN' })}>{t('screenIn')} ({selection.chosen.size})</button>
          <form id="screen-out" onSubmit={(e) => { e.preventDefault(); screen({ decision: 'OUT', reason, justification: why }); }}>
            <ReasonFields reason={reason} setReason={setReason} why={why} setWhy={setWhy} prefix="out" />
            <button type="submit" class="secondary" disabled={busy || selection.chosen.size === 0}>{t('screenOut')} ({selection.chosen.size})</button>
          </form>
        </div>
      )}
    </section>
  );
}

function Dismiss({ items, can, reload }) {
  const t = useT();
  const selection = useSelection();
  const [reason, setReason] = useState('SPAM');
  const [why, setWhy] = useState('');
  const { submit, busy, view } = useSubmit(reload);
  if (!can('RESPONDER')) return null;
  return (
    <section aria-labelledby="dismiss-heading">
      <h2 id="dismiss-heading">{t('inTriage')} ({items.length})</h2>
      {view}
      <table id="in-triage">
        <thead><tr><th scope="col"><button class="link" onClick={() => selection.all(items.map((i) => i.id))}>{t('selectAll')}</button></th><th scope="col">{t('id')}</th><th scope="col">{t('title')}</th><th scope="col">{t('source')}</th></tr></thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}><td><Pick id={i.id} label={`${t('select')} ${i.id}`} selection={selection} /></td><td><a href={`#/incidents/${i.id}`}>{i.id}</a></td><td>{i.title}</td><td>{i.source}</td></tr>
          ))}
        </tbody>
      </table>
      <form id="request-dismissal" class="panel" onSubmit={(e) => {
        e.preventDefault();
        submit(() => each([...selection.chosen], items, 'requestDismissal', { reason, justification: why }), () => { selection.clear(); return reload(); });
      }}>
        <h3>{t('notAnIncident')}</h3>
        <ReasonFields reason={reason} setReason={setReason} why={why} setWhy={setWhy} prefix="dismiss" />
        <button type="submit" disabled={busy || selection.chosen.size === 0}>{t('requestDismissal')} ({selection.chosen.size})</button>
      </form>
    </section>
  );
}

function Pending({ items, can, me, reload }) {
  const t = useT();
  const selection = useSelection();
  const { submit, busy, view } = useSubmit(reload);
  const approvable = items.filter((r) => r.requestedBy !== me.email);
  const approve = async () => {
    const chosen = items.filter((r) => selection.chosen.has(r.id));
    const failed = [];
    for (const r of chosen) {
      try {
        const { etag } = await read('getIncident', { id: r.incidentId });
        await send('approveDismissal', { id: r.incidentId, requestId: r.id }, undefined, etag);
      } catch (e) {
        failed.push(`${r.incidentId}: ${e.message}`);
      }
    }
    if (failed.length) throw new Error(failed.join('; '));
  };
  return (
    <section aria-labelledby="pending-heading">
      <h2 id="pending-heading">{t('pendingDismissals')} ({items.length})</h2>
      {view}
      {items.length === 0 ? <p class="muted">{t('nonePending')}</p> : (
        <table id="pending-dismissals">
          <thead><tr><th scope="col"><button class="link" onClick={() => selection.all(approvable.map((r) => r.id))}>{t('selectAll')}</button></th><th scope="col">{t('id')}</th><th scope="col">{t('reason')}</th><th scope="col">{t('justification')}</th><th scope="col">{t('requestedBy')}</th></tr></thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>{r.requestedBy === me.email ? <span class="muted">{t('ownRequest')}</span> : <Pick id={r.id} label={`${t('select')} ${r.incidentId}`} selection={selection} />}</td>
                <td><a href={`#/incidents/${r.incidentId}`}>{r.incidentId}</a></td><td>{t('dismissalReasons', r.reason)}</td><td>{r.justification}</td><td>{r.requestedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can('SECOND_LINE') && approvable.length > 0 && (
        <button id="approve-dismissals" disabled={busy || selection.chosen.size === 0} onClick={() => submit(approve, () => { selection.clear(); return reload(); })}>{t('approveDismissals')} ({selection.chosen.size})</button>
      )}
    </section>
  );
}

/** Mail on no incident: a machine's, over a sender's budget, without a sender — kept, for a look. */
function Unfiled({ items }) {
  const t = useT();
  return (
    <section aria-labelledby="unfiled-heading">
      <h2 id="unfiled-heading">{t('unfiledMail')} ({items.length})</h2>
      <ul id="unfiled-mail">
        {items.map((m) => (
          <li key={m.key}><Time at={m.at} /> · {t('mailKinds', m.kind)} · {m.address || '–'} · {m.subject || '–'} {m.flags.map((f) => <span class="badge" key={f}>{t('mailFlags', f)}</span>)}</li>
        ))}
      </ul>
    </section>
  );
}
