// The console's words in German and English. Codes the API speaks (phases, decision types, …) have
// labels here; anything unknown is shown as the code itself, never hidden.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { de } from './texts/de.js';
import { en } from './texts/en.js';

export const TEXTS = { de, en };

export function initialLanguage() {
  const stored = sessionStorage.getItem('meldekette.lang');
  if (stored in TEXTS) return stored;
  for (const tag of navigator.languages || [navigator.language]) {
    const code = String(tag || '').toLowerCase().split('-')[0];
    if (code in TEXTS) return code;
  }
  return 'de';
}

/** t(key) or t('phases', code): the word for the current language, the key itself when there is none. */
export function translator(lang) {
  const texts = TEXTS[lang];
  return (key, code) => {
    if (code !== undefined) {
      const group = texts[key] || {};
      return group[code] || code;
    }
    return texts[key] === undefined ? key : texts[key];
  };
}

export const I18n = createContext({ lang: 'de', t: translator('de') });

export function useT() {
  return useContext(I18n).t;
}

export function useLang() {
  return useContext(I18n).lang;
}
