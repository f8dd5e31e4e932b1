// Evidence: what Meldekette secured in its vault (uploads, Cloud Logging captures; hashed by it,
// held in Cloud Storage) and what was recorded by reference, each with its chain of custody.
import { useEffect, useState } from 'preact/hooks';
import { read, send } from '../api.js';
import { useT } from '../i18n.js';
import { Field, Time, useSubmit } from '../components.jsx';
import { uploadEvidence } from './upload.js';

const CAPTURING = new Set(['RUNNING', 'ASSEMBLING']);

export function EvidenceSection({ ctx }) {
  const t = useT();
  const noEvidence = ctx.can('RESPONDER') && ctx.incident.phase === 'FORENSICS' && ctx.evidence.evidence.length === 0;
  // A started capture changes no incident version: this tells the captures list to look again.
  const [started, setStarted] = useState(0);
  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('evidence')}</h2>
      <ul id="evidence">
        {ctx.evidence.evidence.map((e) => <EvidenceItem key={e.id} ctx={ctx} e={e} />)}
      </ul>
      {ctx.can('RESPONDER') && <UploadForm ctx={ctx} />}
      {ctx.can('RESPONDER') && <SecureLogs ctx={ctx} onStarted={() => setStarted((n) => n + 1)} />}
      <Captures ctx={ctx} started={started} />
      {ctx.can('RESPONDER') && <ByReference ctx={ctx} />}
      {noEvidence && <NoEvidence ctx={ctx} />}
    </section>
  );
}

function EvidenceItem({ ctx, e }) {
  const t = useT();
  const [note, setNote] = useState('');
  const [action, setAction] = useState('ANALYSED');
  const [checked, setChecked] = useState(null);
  const { submit, busy, view } = useSubmit(ctx.reload);
  const onTeam = (ctx.incident.team || []).includes(ctx.me.email);
  const download = (file) => submit(async () => {
    const { data } = await send('createEvidenceDownload', { id: ctx.id, evidenceId: e.id }, { object: file.object });
    window.location.assign(data.url);
  }, ctx.reload);
  const verify = () => submit(async () => {
    const { data } = await send('verifyEvidence', { id: ctx.id, evidenceId: e.id });
    setChecked(data.result);
  }, ctx.reload);
  return (
    <li class="evidence" data-evidence={e.id}>
      <strong>{e.id}</strong> {e.source} · <span class={e.secured ? 'badge ok' : 'badge'}>{e.secured ? t('securedByMeldekette') : t('notSecured')}</span>
      {e.description ? ` · ${e.description}` : ''}
      {e.secured ? (
        <ul aria-label={t('vaultFiles')}>
          {e.files.map((f) => (
            <li key={f.object}>
              {f.fileName} ({f.size} B) · <code class="sha256">{f.sha256}</code>
              {onTeam && <button class="secondary" disabled={busy} onClick={() => download(f)}>{t('download')}<span class="muted">{` ${f.fileName}`}</span></button>}
            </li>
          ))}
        </ul>
      ) : (
        <span> · {e.location} · <code class="sha256">{e.sha256}</code></span>
      )}
      {e.secured && (
        <button class="secondary" disabled={busy} onClick={verify}>{t('verify')}<span class="muted">{` ${e.id}`}</span></button>
      )}
      {checked && <p role="status" class={checked === 'MATCH' ? 'banner ok' : 'banner'}>{t('verifiedResults', checked)}</p>}
      {view}
      <ol aria-label={t('custody')}>
        {(e.custody || []).map((c) => <li key={c.sequence}>{c.action} · {c.by} · <Time at={c.at} />{c.note ? ` · ${c.note}` : ''}</li>)}
      </ol>
      {ctx.can('RESPONDER') && (
        <div class="grid">
          <Field label={`${t('custody')}: ${t('action')}`} kind="select" value={action} onInput={setAction} options={['TRANSFERRED', 'ACCESSED', 'COPIED', 'ANALYSED', 'STORED', 'RETURNED'].map((c) => [c, c])} />
          <Field label={`${t('custody')}: ${t('note')}`} value={note} onInput={setNote} />
          <button class="secondary" disabled={busy} onClick={() => submit(() => send('appendCustody', { id: ctx.id, evidenceId: e.id }, { action, note: note || undefined }, ctx.etag), ctx.reload)}>
            {t('appendCustody')}<span class="muted">{` ${e.id}`}</span>
          </button>
        </div>
      )}
    </li>
  );
}

/** A file straight into the vault; recorded only when the browser's SHA-256 and the vault's agree. */
function UploadForm({ ctx }) {
  const t = useT();
  const [file, setFile] = useState(null);
  const [form, setForm] = useState({ source: 'FILE', description: '' });
  const [progress, setProgress] = useState(null);
  const [done, setDone] = useState(null);
  const { submit, busy, view } = useSubmit(ctx.reload);
  const send = (ev) => {
    ev.preventDefault();
    if (!file) return;
    setDone(null);
    submit(async () => {
      const result = await uploadEvidence(ctx.id, file, form, setProgress);
      setDone(result);
    }, ctx.reload);
  };
  return (
    <form id="upload-evidence" class="panel" onSubmit={send}>
      <h3>{t('uploadEvidence')}</h3>
      <p class="hint">{t('uploadHint')}</p>
      <div class="grid">
        <label>{t('file')}<input type="file" name="file" required onChange={(ev) => setFile(ev.currentTarget.files[0] || null)} /></label>
        <Field label={t('source')} kind="select" value={form.source} onInput={(v) => setForm({ ...form, source: v })} options={['FILE', 'CONFIG_SNAPSHOT', 'CLOUD_LOGGING', 'VPC_FLOW_LOGS', 'AUDIT_EVENTS', 'OTHER'].map((c) => [c, c])} name="uploadSource" />
        <Field label={t('description')} value={form.description} onInput={(v) => setForm({ ...form, description: v })} name="uploadDescription" />
      </div>
      <button type="submit" disabled={busy || !file}>{t('uploadEvidence')}</button>
      {busy && progress !== null && <progress max="1" value={progress} aria-label={t('uploadProgress')} />}
      {done && <p role="status" class="banner ok" id="upload-done">{t('uploadRecorded')} {done.evidence.id} · SHA-256 <code class="sha256">{done.sha256}</code></p>}
      {view}
    </form>
  );
}

/** "Secure logs": a Cloud Logging capture, prefilled from the incident's presets. */
function SecureLogs({ ctx, onStarted }) {
  const t = useT();
  const [offer, setOffer] = useState(null);
  const [form, setForm] = useState(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const { submit, busy, view } = useSubmit(ctx.reload);
  useEffect(() => {
    read('getCapturePresets', { id: ctx.id }).then((o) => {
      setOffer(o);
      const first = o.presets[0];
      setForm({ preset: first.name, filter: first.filter, source: first.source, from: o.from, to: o.to, description: '' });
    }).catch(() => setOffer(false));
  }, [ctx.id]);
  if (!offer || !form) return null;
  const choose = (name) => {
    const p = offer.presets.find((x) => x.name === name);
    setForm({ ...form, preset: name, filter: p.filter, source: p.source });
  };
  const start = (ev) => {
    ev.preventDefault();
    submit(async () => {
      await send('startCapture', { id: ctx.id }, {
        filter: form.filter, from: form.from, to: form.to, source: form.source, description: form.description || undefined,
      }, undefined, key);
      setKey(crypto.randomUUID());
      onStarted();
    });
  };
  return (
    <form id="secure-logs" class="panel" onSubmit={start}>
      <h3>{t('secureLogs')}</h3>
      <p class="hint">{t('secureLogsHint')} {t('captureLimits')}: {offer.maxWindowDays} {t('days')}, {offer.maxEntries} {t('entries')}.</p>
      <div class="grid">
        <Field label={t('preset')} kind="select" value={form.preset} onInput={choose} options={offer.presets.map((p) => [p.name, t('presets', p.name)])} name="preset" />
        <Field label={t('captureFrom')} value={form.from} onInput={(v) => setForm({ ...form, from: v })} required name="from" />
        <Field label={t('captureTo')} value={form.to} onInput={(v) => setForm({ ...form, to: v })} required name="to" />
        <Field label={t('description')} value={form.description} onInput={(v) => setForm({ ...form, description: v })} name="captureDescription" />
      </div>
      <Field label={t('filter')} kind="textarea" value={form.filter} onInput={(v) => setForm({ ...form, filter: v })} required name="filter" />
      <button type="submit" disabled={busy}>{t('secureLogs')}</button>
      {view}
    </form>
  );
}

/** The incident's captures with their progress, refreshed while one runs. */
function Captures({ ctx, started }) {
  const t = useT();
  const [captures, setCaptures] = useState([]);
  useEffect(() => {
    let stop = false;
    let timer = null;
    const load = async () => {
      try {
        const list = (await read('listCaptures', { id: ctx.id })).captures;
        if (stop) return;
        setCaptures((before) => {
          const finished = before.some((b) => CAPTURING.has(b.state) && list.some((c) => c.id === b.id && !CAPTURING.has(c.state)));
          if (finished) ctx.reload();
          return list;
        });
        if (list.some((c) => CAPTURING.has(c.state))) timer = setTimeout(load, 3000);
      } catch (e) {
        // Captures are need-to-know; a member without it sees none.
      }
    };
    load();
    return () => { stop = true; clearTimeout(timer); };
  }, [ctx.id, ctx.etag, started]);
  if (captures.length === 0) return null;
  return (
    <div class="panel" id="captures">
      <h3>{t('captures')}</h3>
      <ul>
        {captures.map((c) => (
          <li key={c.id} data-capture={c.id} data-state={c.state}>
            {c.id} · {t('captureStates', c.state)} · {c.entries} {t('entries')} · <Time at={c.requestedAt} /> · {c.requestedBy}
            {c.failure ? <span role="alert"> · {c.failure}</span> : ''}
            <br /><code>{c.filter}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Evidence kept elsewhere, recorded by its location and a SHA-256 computed by whoever kept it. */
function ByReference({ ctx }) {
  const t = useT();
  const [form, setForm] = useState({ source: 'CLOUD_LOGGING', location: '', sha256: '', description: '' });
  const { submit, busy, view } = useSubmit(ctx.reload);
  const set = (key) => (value) => setForm({ ...form, [key]: value });
  return (
    <form id="add-evidence" class="panel" onSubmit={(e) => { e.preventDefault(); submit(() => send('addEvidence', { id: ctx.id }, { source: form.source, location: form.location, sha256: form.sha256, description: form.description || undefined }, ctx.etag), ctx.reload); }}>
      <h3>{t('addEvidence')}</h3>
      <p class="hint">{t('byReferenceHint')}</p>
      <div class="grid">
        <Field label={t('source')} kind="select" value={form.source} onInput={set('source')} options={['CLOUD_LOGGING', 'VPC_FLOW_LOGS', 'AUDIT_EVENTS', 'CONFIG_SNAPSHOT', 'FILE', 'OTHER'].map((c) => [c, c])} name="source" />
        <Field label={t('location')} value={form.location} onInput={set('location')} required name="location" />
        <Field label={t('sha256')} value={form.sha256} onInput={set('sha256')} required pattern="[0-9a-f]{64}" name="sha256" />
        <Field label={t('description')} value={form.description} onInput={set('description')} name="description" />
      </div>
      <button type="submit" disabled={busy}>{t('addEvidence')}</button>
      {view}
    </form>
  );
}

/** Leaving forensics without evidence takes a justified statement that none exists. */
function NoEvidence({ ctx }) {
  const t = useT();
  const [why, setWhy] = useState('');
  const { submit, busy, view } = useSubmit(ctx.reload);
  const move = () => send('transition', { id: ctx.id }, { to: ctx.incident.nextPhase, noEvidenceJustification: why }, ctx.etag);
  return (
    <form class="panel" id="no-evidence" onSubmit={(ev) => { ev.preventDefault(); submit(move, ctx.reload); }}>
      <h3>{t('noEvidenceTitle')}</h3>
      <Field label={t('noEvidenceJustification')} value={why} onInput={setWhy} required name="noEvidenceJustification" />
      <button type="submit" disabled={busy}>{t('noEvidenceMove')}</button>
      {view}
    </form>
  );
}
