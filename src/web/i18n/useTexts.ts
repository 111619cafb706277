import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Messages } from './de';
import { MODULE_TEXTS } from './index';

/**
 * The loaded texts of the language shown, as one object – for tables of labels looked up by a code
 * (audit actions, deadline kinds). Never import `de`/`en` for this: that would put both languages into
 * the page's chunk; each language is loaded as chunks of its own (see ./index.ts). Both namespaces
 * are merged as `de.ts` merges them: the module areas' texts (loaded after login) under the core texts.
 */
export function useTexts(): Messages {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'de';
  const core = i18n.getResourceBundle(lng, 'translation') as Partial<Messages> | undefined;
  const modules = i18n.getResourceBundle(lng, MODULE_TEXTS) as Partial<Messages> | undefined;
  return useMemo(() => ({ ...modules, ...core }) as Messages, [core, modules]);
}
