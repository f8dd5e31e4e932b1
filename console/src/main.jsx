// The staff console: sign-in, the navigation, and the page the address's fragment names
// (#/, #/incidents/ID and its sections #/incidents/ID/SECTION, #/incidents/ID/drafts/KIND, #/incidents/ID/final-report, #/holds, #/register,
// #/members, #/screening, #/metrics). Reminder links open #/incidents/ID; the surge digest opens #/screening.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { read, setToken, ApiError } from './api.js';
import { I18n, initialLanguage, translator, useT } from './i18n.js';
import { demoTokens, googleButton, keepToken, localSignIn, storedToken } from './auth.js';
import { Board } from './board.jsx';
import { IncidentPage, SECTIONS } from './incident/page.jsx';
import { DraftPage, FinalReportPage, HoldsPage, MembersPage, RegisterPage } from './pages.jsx';
import { ScreeningPage } from './screening.jsx';
import { MetricsPage } from './metrics.jsx';

function useRoute() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return hash.replace(/^#/, '') || '/';
}

function page(route, me) {
  let m;
  if ((m = route.match(/^\/incidents\/(INC-[0-9A-Z-]+)\/drafts\/(authority-notification|data-subject-notice|stages\/[A-Z0-9_]+\/[A-Z0-9_]+)$/))) {
    return <DraftPage id={m[1]} kind={m[2]} />;
  }
  if ((m = route.match(/^\/incidents\/(INC-[0-9A-Z-]+)\/final-report$/))) return <FinalReportPage id={m[1]} me={me} />;
  if ((m = route.match(/^\/incidents\/(INC-[0-9A-Z-]+)(?:\/([a-z]+))?$/)) && (!m[2] || m[2] in SECTIONS)) {
    return <IncidentPage key={m[1]} id={m[1]} section={m[2]} me={me} />;
  }
  if (route === '/screening') return <ScreeningPage me={me} />;
  if (route === '/holds') return <HoldsPage />;
  if (route === '/register') return <RegisterPage />;
  if (route === '/members') return <MembersPage />;
  if (route === '/metrics') return <MetricsPage me={me} />;
  return <Board />;
}

function SignIn({ onToken, problem }) {
  const t = useT();
  const [demo, setDemo] = useState({});
  const button = useRef(null);
  useEffect(() => {
    if (localSignIn) demoTokens().then(setDemo);
    else googleButton(button.current, document.documentElement.lang, onToken);
  }, []);
  return (
    <main id="main">
      <h1 tabIndex="-1">{t('signInTitle')}</h1>
      {problem && <p class="banner" role="alert">{problem}</p>}
      {localSignIn ? (
        <>
          <p>{t('signInLocal')}</p>
          <ul class="roles" id="role-picker">
            {Object.entries(demo).map(([role, token]) => (
              <li key={role}><button onClick={() => onToken(token)}>{role}</button></li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p>{t('signInGoogle')}</p>
          <div ref={button} />
        </>
      )}
    </main>
  );
}

function App() {
  const [lang, setLang] = useState(initialLanguage());
  const [token, setTokenState] = useState(storedToken());
  const [me, setMe] = useState(null);
  const [problem, setProblem] = useState(null);
  const route = useRoute();
  const t = translator(lang);

  const signOut = () => {
    keepToken(null);
    setToken(null);
    setMe(null);
    setTokenState(null);
  };
  useEffect(() => {
    document.documentElement.lang = lang;
    sessionStorage.setItem('meldekette.lang', lang);
  }, [lang]);
  useEffect(() => {
    if (!token) return;
    setToken(token, signOut);
    read('getMe').then(
      (member) => {
        keepToken(token);
        setMe(member);
        setProblem(null);
      },
      (e) => {
        setProblem(e instanceof ApiError && e.status === 403 ? t('notMember') : t('signInFailed'));
        signOut();
      },
    );
  }, [token]);
  // A new page takes the focus to its heading, so screen readers announce where they are.
  useEffect(() => {
    const heading = document.querySelector('main h1');
    if (heading) heading.focus();
  }, [route, me]);

  let content;
  if (!me) {
    content = token && !problem ? <main id="main"><p role="status">{t('loading')}</p></main> : <SignIn onToken={setTokenState} problem={problem} />;
  } else {
    const can = (...roles) => roles.some((r) => me.roles.includes(r));
    content = (
      <>
        <header class="top">
          <a class="brand" href="#/">Meldekette</a>
          <nav aria-label="Meldekette">
            <ul>
              <li><a href="#/">{t('board')}</a></li>
              {can('RESPONDER', 'SECOND_LINE') && <li><a href="#/screening">{t('screening')}</a></li>}
              {can('LEGAL', 'DPO') && <li><a href="#/holds">{t('holds')}</a></li>}
              {can('LEGAL', 'DPO') && <li><a href="#/register">{t('register')}</a></li>}
              <li><a href="#/metrics">{t('metrics')}</a></li>
              {can('ADMIN') && <li><a href="#/members">{t('members')}</a></li>}
            </ul>
          </nav>
          <div class="who">
            <span>{t('signedInAs')} <strong id="me">{me.email}</strong> ({me.roles.join(', ')})</span>
            <button class="secondary" onClick={signOut}>{t('signOut')}</button>
          </div>
        </header>
        <main id="main" tabIndex="-1">{page(route, me)}</main>
      </>
    );
  }
  return (
    <I18n.Provider value={{ lang, t }}>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main').focus(); }}>{t('skip')}</a>
      <div class="no-print" style="text-align: right; padding: 0.3rem 1.25rem 0" role="group" aria-label={t('language')}>
        <button class={lang === 'de' ? '' : 'secondary'} aria-pressed={String(lang === 'de')} lang="de" onClick={() => setLang('de')}>Deutsch</button>{' '}
        <button class={lang === 'en' ? '' : 'secondary'} aria-pressed={String(lang === 'en')} lang="en" onClick={() => setLang('en')}>English</button>
      </div>
      {content}
    </I18n.Provider>
  );
}

const root = document.getElementById('app');
root.textContent = ''; // the placeholder shown while the script loads
render(<App />, root);
