// Who is signed in. Deployed, Google sign-in (Google Identity Services) gives an ID token whose
// audience is the console's OAuth client ID, which incident-lifecycle accepts. In the local stack
// a role picker offers the demo members' tokens; that code is compiled out of a deployable build.
/* global LOCAL_SIGN_IN, GOOGLE_CLIENT_ID */

const KEY = 'meldekette.token';

export function storedToken() {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return payload.exp * 1000 > Date.now() + 60_000 ? token : null;
  } catch (malformed) {
    return null;
  }
}

export function keepToken(token) {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}

export const localSignIn = LOCAL_SIGN_IN;

/** The local stack's demo members: {role: token}, served by the local Hosting stand-in only. */
export async function demoTokens() {
  if (!LOCAL_SIGN_IN) return {};
  const response = await fetch('/local-stack/tokens.json', { cache: 'no-store' });
  return response.ok ? response.json() : {};
}

/** Renders Google's sign-in button into element; calls back with the ID token. */
export function googleButton(element, lang, onToken) {
  if (LOCAL_SIGN_IN) return;
  const script = document.createElement('script');
  script.src = 'https://accounts.google.com/gsi/client';
  script.async = true;
  script.onload = () => {
    /* global google */
    google.accounts.id.initialize({ client_id: GOOGLE_CLIENT_ID, callback: (answer) => onToken(answer.credential) });
    google.accounts.id.renderButton(element, { type: 'standard', locale: lang });
  };
  document.head.append(script);
}
