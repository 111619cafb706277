import { useTranslation } from 'react-i18next';
import type { Messages } from './de';

/**
 * The loaded texts of the language shown, as one object – for tables of labels looked up by a code
 * (audit actions, deadline kinds). Never import `de`/`en` for this: that would put both languages into
 * the page's chunk; each language is loaded as a chunk of its own (see ./index.ts).
 */
export function useTexts(): Messages {
  const { i18n } = useTranslation();
  return i18n.getResourceBundle(i18n.resolvedLanguage ?? 'de', 'translation') as Messages;
}
