import i18n from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'wohnhilfe.lang';

function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'de') return stored;
  } catch {
    /* storage blocked – fall back to German */
  }
  return 'de';
}

function applyLanguage(lng: string) {
  document.documentElement.lang = lng;
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    /* ignore */
  }
}

/**
 * Each language is a chunk of its own: a page load fetches only the texts of the language shown
 * (German first), switching fetches the other once. Keeps the login page inside its budget
 * (test/browser/first-load.browser.test.ts) as modules add their texts.
 */
const loadLanguage = (lng: string) => (lng === 'en' ? import('./en').then((m) => m.en) : import('./de').then((m) => m.de));

/** Resolves once the texts of the starting language are loaded; render after it. */
export const i18nReady = i18n
  .use(resourcesToBackend((lng: string) => loadLanguage(lng)))
  .use(initReactI18next)
  .init({
    lng: initialLanguage(),
    fallbackLng: false, // both languages are complete (i18n.test.ts); no second chunk as fallback
    supportedLngs: [...LANGUAGES],
    ns: ['translation'],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  })
  .then(() => {
    applyLanguage(i18n.language);
    i18n.on('languageChanged', applyLanguage);
  });

export default i18n;
