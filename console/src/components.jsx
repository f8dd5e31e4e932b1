// Small pieces every page uses: fields with labels, loading what a page shows, live countdowns, and
// the answer to a write (saved, refused with the API's reason, or a conflict).
import { useEffect, useState, useCallback, useRef } from 'preact/hooks';
import { ApiError, Conflict } from './api.js';
import { useT, useLang } from './i18n.js';

let fieldCount = 0;

/** A labelled input; kind 'textarea' or 'select' (options: [value, label] pairs). */
export function Field({ label, value, onInput, kind = 'input', options, hint, required, ...rest }) {
  const id = useRef(`f${++fieldCount}`).current;
  const hintId = hint ? `${id}-hint` : undefined;
  const common = { id, value, required, 'aria-describedby': hintId, ...rest };
  const change = (e) => onInput(e.currentTarget.value);
  let control;
  if (kind === 'textarea') {
    control = <textarea rows="3" {...common} onInput={change} />;
  } else if (kind === 'select') {
    control = (
      <select {...common} onChange={change}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>{l}</option>
        ))}
      </select>
    );
  } else {
    control = <input {...common} onInput={change} />;
  }
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {control}
      {hint && <p class="hint" id={hintId}>{hint}</p>}
    </div>
  );
}

export function Check({ label, checked, onChange }) {
  return (
    <label class="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  );
}

/** Loads with load() whenever deps change; gives {data, error, reload}. */
export function useLoad(load, deps) {
  const [state, setState] = useState({ data: undefined, error: null });
  const generation = useRef(0);
  const reload = useCallback(() => {
    const mine = ++generation.current;
    return load().then(
      (data) => mine === generation.current && setState({ data, error: null }),
      (error) => mine === generation.current && setState({ data: undefined, error }),
    );
  }, deps);
  useEffect(() => {
    reload();
  }, [reload]);
  return { ...state, reload };
}

export function Loading({ error, retry }) {
  const t = useT();
  if (error) {
    return (
      <div class="banner" role="alert">
        {t('failed')} {error.message} {retry && <button class="secondary" onClick={retry}>{t('retry')}</button>}
      </div>
    );
  }
  return <p role="status">{t('loading')}</p>;
}

/**
 * Runs a write; on success calls done, on a conflict the page's onConflict (which reloads), and
 * shows what happened next to the form in a live region. The form's own state stays as typed.
 */
export function useSubmit(onConflict) {
  const t = useT();
  const [outcome, setOutcome] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (work, done) => {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    try {
      const result = await work();
      setOutcome({ ok: true, message: t('saved') });
      if (done) await done(result);
    } catch (e) {
      if (e instanceof Conflict) {
        setOutcome({ ok: false, message: t('conflict') });
        if (onConflict) await onConflict();
      } else if (e instanceof ApiError) {
        const unmet = e.unmet.map((u) => u.message || u.code).join('; ');
        const why = e.status === 403 ? t('forbidden') : e.message;
        setOutcome({ ok: false, message: `${why}${unmet ? ': ' + unmet : ''}`, error: e });
      } else {
        setOutcome({ ok: false, message: `${t('failed')} ${e.message}` });
      }
    } finally {
      setBusy(false);
    }
  };
  const view = outcome && (
    <p class={outcome.ok ? 'banner ok' : 'banner'} role={outcome.ok ? 'status' : 'alert'}>
      {outcome.message}
    </p>
  );
  return { submit, busy, outcome, view };
}

/** How long until (or since) a time, in words. */
export function span(ms) {
  const minutes = Math.floor(Math.abs(ms) / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${rest} min`;
  return `${rest} min`;
}

/** A deadline's live countdown: red when overdue, amber within 24 hours. */
export function Countdown({ deadline }) {
  const t = useT();
  const [now, setNow] = useState(Date.now());
  const open = deadline.status === 'OPEN' || deadline.status === 'OVERDUE';
  useEffect(() => {
    if (!open) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [open]);
  if (!open) {
    const word = { MET: 'met', MET_LATE: 'metLate', MISSED: 'missed', STOPPED: 'stopped' }[deadline.status];
    return <span class={`clock ${deadline.status === 'MISSED' ? 'overdue' : 'met'}`}>{t(word)}</span>;
  }
  const left = Date.parse(deadline.dueAt) - now;
  const level = left < 0 ? 'overdue' : left < 24 * 3600 * 1000 ? 'soon' : '';
  return (
    <span class={`clock ${level}`}>
      {left < 0 ? `${t('overdue')} ${span(left)}` : `${t('due')} ${span(left)}`}
      {deadline.progress === 'DECIDED_NOT_SENT' && ` · ${t('decidedNotSent')}`}
    </span>
  );
}

export function Time({ at }) {
  const lang = useLang();
  if (!at) return <span class="muted">–</span>;
  return (
    <time dateTime={at}>
      {new Date(at).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })}
    </time>
  );
}

export function lines(text) {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

export function instant(local) {
  return local ? new Date(local).toISOString() : undefined;
}

/** Offers {@code content} (a Blob, or text of {@code type}) to the browser as the file {@code name}. */
export function download(name, content, type) {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
