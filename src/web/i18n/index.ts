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
 * Each language is two chunks of its own: `translation` (the login page and the shell) is fetched at
 * start, `modules` (the texts of the module areas) once someone is signed in (the shell waits for it,
 * `useModuleTexts`); a key not in `translation` is looked up in `modules` (`fallbackNS`). A page load
 * fetches only the language shown (German first), switching fetches the other once. Keeps the login
 * page inside its budget (test/browser/first-load.browser.test.ts) as modules add their texts.
 */
const loadTexts = (lng: string, ns: string) =>
  ns === 'modules'
    ? lng === 'en'
      ? import('./en.modules').then((m) => m.enModules)
      : import('./de.modules').then((m) => m.deModules)
    : lng === 'en'
      ? import('./en.core').then((m) => m.enCore)
      : import('./de.core').then((m) => m.deCore);

export const MODULE_TEXTS = 'modules' as const;

/** Resolves once the texts of the starting language are loaded; render after it. */
export const i18nReady = i18n
  .use(resourcesToBackend((lng: string, ns: string) => loadTexts(lng, ns)))
  .use(initReactI18next)
  .init({
    lng: initialLanguage(),
    fallbackLng: false, // both languages are complete (i18n.test.ts); no second chunk as fallback
    supportedLngs: [...LANGUAGES],
    ns: ['translation'],
    fallbackNS: MODULE_TEXTS,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  })
  .then(() => {
    applyLanguage(i18n.language);
    i18n.on('languageChanged', applyLanguage);
  });

export default i18n;
