// The reporter's status page: with the receipt code from the receipt, where the report stands in plain
// words, the team's messages, and a way to answer. The code goes to the server in the request body only;
// a link from the receipt carries it in the fragment (#…), which no server sees, and the page removes it
// from the address bar at once. No libraries, nothing from other origins.
'use strict';

(function () {
  const LIMIT = 20000;
  const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

  const TEXTS = {
    de: {
      pageTitle: 'Stand Ihrer Meldung',
      heading: 'Stand Ihrer Meldung',
      codeLabel: 'Empfangscode',
      codeHint: 'Den Code haben Sie nach dem Senden Ihrer Meldung erhalten, z. B. ABCD-EFGH-JKMN-PQRS-TVWX-YZ.',
      show: 'Stand anzeigen',
      loading: 'Wird geladen …',
      statusOf: 'Meldung',
      receivedAt: 'Eingegangen am',
      messagesHeading: 'Nachrichten',
      noMessages: 'Noch keine Nachrichten.',
      answerLabel: 'Ihre Nachricht oder Ergänzung',
      answerHint: 'Höchstens 20.000 Zeichen. Sie wird Ihrer Meldung angefügt.',
      send: 'Nachricht senden',
      sending: 'Wird gesendet …',
      sent: 'Ihre Nachricht ist angekommen.',
      closedNote: 'Diese Meldung ist abgeschlossen. Neues melden Sie bitte über das Meldeformular.',
      newReport: 'Neue Meldung senden',
      fromTeam: 'Unser Team',
      fromYou: 'Sie',
      status: {
        RECEIVED: 'Eingegangen – wir sehen sie uns in Kürze an.',
        IN_ANALYSIS: 'In Bearbeitung – wir analysieren Ihre Meldung.',
        ANALYSIS_DONE: 'Analyse abgeschlossen – wir setzen die nötigen Maßnahmen um.',
        CLOSED: 'Abgeschlossen.',
      },
      notFound: 'Zu diesem Code gibt es keine Meldung. Bitte prüfen Sie den Code.',
      tooMany: 'Zu viele Versuche mit falschen Codes. Bitte versuchen Sie es in {minutes} Minuten erneut.',
      tooManyMessages: 'Von Ihrer Verbindung kamen in kurzer Zeit sehr viele Nachrichten. Bitte senden Sie Ihre Nachricht in {minutes} Minuten erneut – Ihr Text bleibt hier stehen.',
      unavailable: 'Das hat gerade nicht geklappt. Bitte versuchen Sie es in einigen Minuten erneut.',
      errors: {
        REQUIRED: 'Bitte füllen Sie dieses Feld aus.',
        TOO_LONG: 'Höchstens {max} Zeichen; jetzt sind es {length}.',
        CONTROL_CHARACTER: 'Enthält ein unzulässiges Steuerzeichen.',
        INVALID_CHARACTER: 'Enthält ein unzulässiges Zeichen.',
      },
    },
    en: {
      pageTitle: 'Status of your report',
      heading: 'Status of your report',
      codeLabel: 'Receipt code',
      codeHint: 'You got the code after sending your report, for example ABCD-EFGH-JKMN-PQRS-TVWX-YZ.',
      show: 'Show status',
      loading: 'Loading …',
      statusOf: 'Report',
      receivedAt: 'Received on',
      messagesHeading: 'Messages',
      noMessages: 'No messages yet.',
      answerLabel: 'Your message or addition',
      answerHint: 'At most 20,000 characters. It is added to your report.',
      send: 'Send message',
      sending: 'Sending …',
      sent: 'Your message has arrived.',
      closedNote: 'This report is closed. Please send anything new through the report form.',
      newReport: 'Send a new report',
      fromTeam: 'Our team',
      fromYou: 'You',
      status: {
        RECEIVED: 'Received – we will look at it shortly.',
        IN_ANALYSIS: 'Being analysed – we are working on your report.',
        ANALYSIS_DONE: 'Analysis done – we are putting the necessary measures in place.',
        CLOSED: 'Closed.',
      },
      notFound: 'No report matches this code. Please check the code.',
      tooMany: 'Too many attempts with wrong codes. Please try again in {minutes} minutes.',
      tooManyMessages: 'Very many messages came from your connection in a short time. Please send yours again in {minutes} minutes – your text stays here.',
      unavailable: 'That did not work just now. Please try again in a few minutes.',
      errors: {
        REQUIRED: 'Please fill in this field.',
        TOO_LONG: 'At most {max} characters; this has {length}.',
        CONTROL_CHARACTER: 'Contains a control character that is not allowed.',
        INVALID_CHARACTER: 'Contains a character that is not allowed.',
      },
    },
  };

  const lookup = document.getElementById('lookup');
  const answer = document.getElementById('answer');
  const section = document.getElementById('report-status');
  const lookupStatus = document.getElementById('lookup-status');
  const answerStatus = document.getElementById('answer-status');
  const answerSent = document.getElementById('answer-sent');

  let language = initialLanguage();
  let code = null; // kept in memory only
  let shown = null; // the last status the server gave
  let answerKey = crypto.randomUUID(); // one per message: sending it again adds nothing
  let busy = false;
  const notices = new Map(); // element -> { key, values } for re-rendering in another language

  function initialLanguage() {
    const preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (const tag of preferred) {
      const candidate = String(tag || '').toLowerCase().split('-')[0];
      if (candidate in TEXTS) {
        return candidate;
      }
    }
    return 'de';
  }

  function texts() {
    return TEXTS[language];
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, name) => (values && values[name] !== undefined ? String(values[name]) : ''));
  }

  function notice(element, key, values) {
    if (!key) {
      notices.delete(element);
      element.textContent = '';
      return;
    }
    notices.set(element, { key, values });
    const text = key.startsWith('errors.') ? texts().errors[key.slice(7)] : texts()[key];
    element.textContent = fill(text || key, values);
  }

  function applyLanguage(next) {
    language = next;
    document.documentElement.lang = next;
    for (const element of document.querySelectorAll('[data-i18n]')) {
      element.textContent = texts()[element.dataset.i18n];
    }
    for (const button of document.querySelectorAll('[data-language]')) {
      button.setAttribute('aria-pressed', String(button.dataset.language === next));
    }
    for (const [element, { key, values }] of notices) {
      notice(element, key, values);
    }
    if (shown) {
      render(shown);
    }
  }

  function formatTime(iso) {
    return new Date(iso).toLocaleString(language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });
  }

  function render(view) {
    shown = view;
    document.getElementById('incident-id').textContent = view.incidentId;
    document.getElementById('status-text').textContent = texts().status[view.status] || view.status;
    const received = document.getElementById('received-at');
    received.dateTime = view.receivedAt;
    received.textContent = formatTime(view.receivedAt);
    const list = document.getElementById('messages');
    list.replaceChildren();
    for (const message of view.messages) {
      const item = document.createElement('li');
      item.className = message.from === 'TEAM' ? 'from-team' : 'from-you';
      const meta = document.createElement('p');
      meta.className = 'message-meta';
      const time = document.createElement('time');
      time.dateTime = message.at;
      time.textContent = formatTime(message.at);
      meta.append((message.from === 'TEAM' ? texts().fromTeam : texts().fromYou) + ' · ', time);
      const text = document.createElement('p');
      text.className = 'message-text';
      text.textContent = message.text; // never as HTML
      item.append(meta, text);
      list.append(item);
    }
    document.getElementById('no-messages').hidden = view.messages.length > 0;
    answer.hidden = !view.canAnswer;
    document.getElementById('closed-note').hidden = view.canAnswer;
  }

  async function call(path, body, headers) {
    const response = await fetch(path, {
      method: 'POST',
      headers: Object.assign({ 'Content-Type': 'application/json' }, headers || {}),
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
    const data = await response.json().catch(() => null);
    return { response, data };
  }

  function showFailure(element, response, data) {
    if (response && response.status === 404) {
      notice(element, 'notFound');
    } else if (response && response.status === 429) {
      const seconds = Number(response.headers.get('Retry-After')) || 600;
      const flood = data && data.error && data.error.code === 'TOO_MANY_REPORTS';
      notice(element, flood ? 'tooManyMessages' : 'tooMany', { minutes: Math.ceil(seconds / 60) });
    } else if (response && response.status === 400 && data && data.error && texts().errors[data.error.code]) {
      notice(element, 'errors.' + data.error.code, { max: LIMIT, length: Array.from(answer.elements.text.value.trim()).length });
    } else {
      notice(element, 'unavailable');
    }
  }

  function setBusy(button, on, idleKey, busyKey) {
    busy = on;
    button.disabled = on;
    button.textContent = texts()[on ? busyKey : idleKey];
  }

  async function showStatus(event) {
    if (event) {
      event.preventDefault();
    }
    if (busy) {
      return;
    }
    const typed = lookup.elements.code.value.trim();
    const error = document.getElementById('code-error');
    if (!typed) {
      lookup.elements.code.setAttribute('aria-invalid', 'true');
      notice(error, 'errors.REQUIRED');
      lookup.elements.code.focus();
      return;
    }
    lookup.elements.code.removeAttribute('aria-invalid');
    notice(error, null);
    notice(lookupStatus, null);
    const button = document.getElementById('show');
    setBusy(button, true, 'show', 'loading');
    try {
      const { response, data } = await call('/api/status', { code: typed });
      if (response.status === 200 && data) {
        code = typed;
        render(data);
        section.hidden = false;
        section.focus();
      } else {
        section.hidden = true;
        showFailure(lookupStatus, response, data);
      }
    } catch (networkError) {
      showFailure(lookupStatus, null, null);
    } finally {
      setBusy(button, false, 'show', 'loading');
    }
  }

  function checkAnswer(value) {
    const trimmed = value.trim();
    if (!trimmed) {
      return 'REQUIRED';
    }
    if (Array.from(trimmed).length > LIMIT) {
      return 'TOO_LONG';
    }
    return CONTROL.test(trimmed) ? 'CONTROL_CHARACTER' : null;
  }

  async function sendAnswer(event) {
    event.preventDefault();
    if (busy || !code) {
      return;
    }
    const field = answer.elements.text;
    const error = document.getElementById('text-error');
    notice(answerStatus, null);
    notice(answerSent, null);
    const problem = checkAnswer(field.value);
    if (problem) {
      field.setAttribute('aria-invalid', 'true');
      notice(error, 'errors.' + problem, { max: LIMIT, length: Array.from(field.value.trim()).length });
      field.focus();
      return;
    }
    field.removeAttribute('aria-invalid');
    notice(error, null);
    const button = document.getElementById('send');
    setBusy(button, true, 'send', 'sending');
    try {
      const { response, data } = await call('/api/status/messages', { code, text: field.value.trim() }, { 'Idempotency-Key': answerKey });
      if (response.status === 201 && data) {
        answerKey = crypto.randomUUID();
        field.value = '';
        render(data);
        notice(answerSent, 'sent');
      } else {
        showFailure(answerStatus, response, data);
      }
    } catch (networkError) {
      showFailure(answerStatus, null, null);
    } finally {
      setBusy(button, false, 'send', 'sending');
    }
  }

  for (const button of document.querySelectorAll('[data-language]')) {
    button.addEventListener('click', () => applyLanguage(button.dataset.language));
  }
  lookup.addEventListener('submit', showStatus);
  answer.addEventListener('submit', sendAnswer);
  applyLanguage(language);

  // A link from the receipt: take the code from the fragment, then drop it from the address bar.
  if (location.hash.length > 1) {
    lookup.elements.code.value = decodeURIComponent(location.hash.slice(1));
    history.replaceState(null, '', location.pathname);
    showStatus(null);
  }
})();
