// The public report form: German and English texts, checks that mirror report-intake's rules, one
// idempotency key per page load, the server's errors shown next to their field. No libraries, no third
// parties: everything the page loads comes from this origin (see the Content-Security-Policy).
'use strict';

(function () {
  const ENDPOINT = '/api/report';

  // Limits as report-intake enforces them (org.meldekette.domain.Report, ReporterContact, EmailAddress).
  const LIMITS = {
    title: 200,
    description: 20000,
    systems: 50,
    systemName: 200,
    name: 200,
    email: 254,
    emailLocalPart: 64,
    clockToleranceMs: 5 * 60 * 1000,
  };
  // The same shape the server accepts: the HTML email rule, with at least one dot in the domain.
  const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
  // Control characters other than line breaks and tabs, which the server refuses in every field.
  const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
  const LINE_BREAK_OR_TAB = /[\t\n\r]/;

  // German and English, from form-texts.js (loaded first).
  const TEXTS = window.MeldeketteFormTexts;

  const FIELDS = ['kind', 'title', 'description', 'affectedSystems', 'observedAt', 'reporterName', 'reporterEmail'];

  const form = document.getElementById('report');
  const status = document.getElementById('form-status');
  const sendButton = document.getElementById('send');
  const receipt = document.getElementById('receipt');
  // One key per page load: a double click, or sending again after a lost answer, gives the same report.
  const submissionId = crypto.randomUUID();
  document.getElementById('submissionId').value = submissionId;

  let language = initialLanguage();
  let sending = false;
  let shownErrors = {};

  function initialLanguage() {
    const preferred = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]);
    for (const tag of preferred) {
      const code = String(tag || '').toLowerCase().split('-')[0];
      if (code in TEXTS) {
        return code;
      }
    }
    return 'de';
  }

  function texts() {
    return TEXTS[language];
  }

  function applyLanguage(code) {
    language = code;
    document.documentElement.lang = code;
    for (const element of document.querySelectorAll('[data-i18n]')) {
      element.textContent = texts()[element.dataset.i18n];
    }
    for (const button of document.querySelectorAll('[data-language]')) {
      button.setAttribute('aria-pressed', String(button.dataset.language === code));
    }
    if (sending) {
      sendButton.textContent = texts().sending;
    }
    // Errors already shown are re-rendered in the new language.
    for (const [field, error] of Object.entries(shownErrors)) {
      setError(field, error);
    }
    if (status.dataset.key) {
      status.textContent = fill(texts()[status.dataset.key], JSON.parse(status.dataset.values || '{}'));
    }
  }

  // --- Checks: the same rules as the server, so most mistakes are caught before sending. ---

  function codePoints(value) {
    return Array.from(value).length;
  }

  function checkText(value, { required, max, multiline }) {
    const trimmed = value.trim();
    if (trimmed === '') {
      return required ? { code: 'REQUIRED' } : null;
    }
    if (codePoints(trimmed) > max) {
      return { code: 'TOO_LONG', max, length: codePoints(trimmed) };
    }
    if (!multiline && LINE_BREAK_OR_TAB.test(trimmed)) {
      return /[\n\r]/.test(trimmed) ? { code: 'ONE_LINE' } : { code: 'CONTROL_CHARACTER' };
    }
    if (CONTROL.test(trimmed)) {
      return { code: 'CONTROL_CHARACTER' };
    }
    return null;
  }

  function systemsOf(value) {
    return value.split(/[\r\n]+/).map((line) => line.trim()).filter((line) => line !== '');
  }

  function checkSystems(value) {
    const systems = systemsOf(value);
    for (let i = 0; i < systems.length; i++) {
      if (codePoints(systems[i]) > LIMITS.systemName) {
        return { code: 'SYSTEM_TOO_LONG', max: LIMITS.systemName, line: i + 1 };
      }
      const error = checkText(systems[i], { required: false, max: LIMITS.systemName, multiline: false });
      if (error) {
        return error;
      }
    }
    const distinct = new Set(systems).size;
    return distinct > LIMITS.systems ? { code: 'TOO_MANY', max: LIMITS.systems, length: distinct } : null;
  }

  function observedAtInstant(input) {
    if (input.value === '') {
      return null;
    }
    const time = new Date(input.value); // datetime-local is the reporter's local time
    return Number.isNaN(time.getTime()) ? undefined : time;
  }

  function checkObservedAt(input) {
    if (input.validity && input.validity.badInput) {
      return { code: 'INVALID_TIME' };
    }
    const time = observedAtInstant(input);
    if (time === undefined) {
      return { code: 'INVALID_TIME' };
    }
    if (time && time.getTime() > Date.now() + LIMITS.clockToleranceMs) {
      return { code: 'IN_FUTURE' };
    }
    return null;
  }

  function checkEmail(value) {
    const error = checkText(value, { required: false, max: LIMITS.email, multiline: false });
    if (error) {
      return error;
    }
    const address = value.trim();
    if (address === '') {
      return null;
    }
    const valid = EMAIL.test(address) && address.indexOf('@') <= LIMITS.emailLocalPart;
    return valid ? null : { code: 'INVALID_EMAIL' };
  }

  function check() {
    const value = (name) => form.elements[name].value;
    return {
      kind: value('kind') ? null : { code: 'REQUIRED' },
      title: checkText(value('title'), { required: true, max: LIMITS.title, multiline: false }),
      description: checkText(value('description'), { required: true, max: LIMITS.description, multiline: true }),
      affectedSystems: checkSystems(value('affectedSystems')),
      observedAt: checkObservedAt(form.elements.observedAt),
      reporterName: checkText(value('reporterName'), { required: false, max: LIMITS.name, multiline: false }),
      reporterEmail: checkEmail(value('reporterEmail')),
    };
  }

  // --- Showing errors: next to the field, marked invalid, announced by the error's live region. ---

  function message(error) {
    const template = texts().errors[error.code];
    if (!template) {
      return error.serverMessage || error.code; // a rule the page does not know: the server's own words
    }
    return template.replace(/\{(\w+)\}/g, (_, name) => (error[name] === undefined ? '' : String(error[name])));
  }

  function setError(field, error) {
    const input = form.elements[field];
    const slot = document.getElementById(field + '-error');
    if (error) {
      shownErrors[field] = error;
      input.setAttribute('aria-invalid', 'true');
      slot.textContent = message(error);
    } else {
      delete shownErrors[field];
      input.removeAttribute('aria-invalid');
      slot.textContent = '';
    }
  }

  function setStatus(key, values) {
    if (key) {
      status.dataset.key = key;
      status.dataset.values = JSON.stringify(values || {});
      status.textContent = fill(texts()[key], values);
    } else {
      delete status.dataset.key;
      delete status.dataset.values;
      status.textContent = '';
    }
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, name) => (values && values[name] !== undefined ? String(values[name]) : ''));
  }

  function showErrors(errors) {
    let first = null;
    for (const field of FIELDS) {
      setError(field, errors[field] || null);
      if (errors[field] && !first) {
        first = field;
      }
    }
    if (first) {
      setStatus('summary');
      form.elements[first].focus();
    }
    return first === null;
  }

  // --- Sending ---

  function payload() {
    const value = (name) => form.elements[name].value.trim();
    const body = {
      kind: value('kind'),
      title: value('title'),
      description: form.elements.description.value.trim(),
      language,
      submissionId,
    };
    const systems = systemsOf(form.elements.affectedSystems.value);
    if (systems.length) {
      body.affectedSystems = systems;
    }
    const observedAt = observedAtInstant(form.elements.observedAt);
    if (observedAt) {
      body.observedAt = observedAt.toISOString();
    }
    if (value('reporterName')) {
      body.reporterName = value('reporterName');
    }
    if (value('reporterEmail')) {
      body.reporterEmail = value('reporterEmail');
    }
    return body;
  }

  // The server names one field, sometimes with an index ("affectedSystems[3]").
  function serverError(answer) {
    const error = answer && answer.error;
    if (!error || !error.field) {
      return null;
    }
    const field = error.field.replace(/\[\d+\]$/, '');
    if (!FIELDS.includes(field)) {
      return null;
    }
    const shown = { code: error.code, serverMessage: error.message };
    if (error.code === 'TOO_LONG' && field === 'affectedSystems') {
      shown.code = 'SYSTEM_TOO_LONG';
      shown.max = LIMITS.systemName;
      shown.line = Number((error.field.match(/\[(\d+)\]$/) || [0, 0])[1]) + 1;
    } else if (error.code === 'TOO_LONG') {
      shown.max = { title: LIMITS.title, description: LIMITS.description, reporterName: LIMITS.name, reporterEmail: LIMITS.email }[field];
      shown.length = codePoints(form.elements[field].value.trim());
    }
    return { [field]: shown };
  }

  function setSending(on) {
    sending = on;
    sendButton.disabled = on;
    form.setAttribute('aria-busy', String(on));
    sendButton.textContent = on ? texts().sending : texts().send;
  }

  function showReceipt(answer) {
    form.hidden = true;
    document.getElementById('incident-id').textContent = answer.incidentId;
    document.getElementById('receipt-message').textContent = answer.message;
    // Shown once: only its hash is kept. The link carries it in the fragment, which no server sees.
    document.getElementById('receipt-code').textContent = answer.receiptCode || '';
    const link = document.getElementById('status-link');
    link.href = 'status/' + (answer.receiptCode ? '#' + encodeURIComponent(answer.receiptCode) : '');
    link.hidden = !answer.receiptCode;
    receipt.hidden = false;
    receipt.focus();
  }

  async function send(event) {
    event.preventDefault();
    if (sending) {
      return; // a second click while the first is on its way
    }
    setStatus(null);
    if (!showErrors(check())) {
      return;
    }
    setSending(true);
    try {
      const response = await fetch(ENDPOINT, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': submissionId },
        body: JSON.stringify(payload()),
        credentials: 'omit',
        cache: 'no-store',
      });
      const answer = await response.json().catch(() => null);
      if (response.status === 201 && answer && answer.incidentId) {
        showReceipt(answer);
        return;
      }
      const fieldError = response.status === 400 ? serverError(answer) : null;
      if (fieldError) {
        showErrors(fieldError);
      } else if (response.status === 429) {
        // Too many reports from this connection: what was typed stays; the wait is said in minutes.
        const seconds = Number(response.headers.get('Retry-After')) || 600;
        setStatus('tooMany', { minutes: Math.ceil(seconds / 60) });
      } else {
        setStatus('unavailable'); // role="alert" announces it; focus stays on the button
      }
    } catch (networkError) {
      setStatus('unavailable');
    } finally {
      setSending(false);
    }
  }

  for (const button of document.querySelectorAll('[data-language]')) {
    button.addEventListener('click', () => applyLanguage(button.dataset.language));
  }
  // A field's error goes away as soon as what was typed is right.
  for (const field of FIELDS) {
    form.elements[field].addEventListener('change', () => {
      if (shownErrors[field]) {
        setError(field, check()[field]);
      }
    });
  }
  form.addEventListener('submit', send);
  applyLanguage(language);
})();
