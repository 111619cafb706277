import { useTranslation } from 'react-i18next';
import type { TTextParams } from '../../contracts/notify';
import { formatDate, formatDateTime, formatEuro } from './format';

/** Parameters as the texts show them: …On a date, …At a date and time (Europe/Berlin), …Cents an amount. */
export function formatTextParams(params: TTextParams | null | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value === null) out[name] = '';
    else if (typeof value === 'string' && name.endsWith('On')) out[name] = formatDate(value, 'Europe/Berlin');
    else if (typeof value === 'string' && name.endsWith('At')) out[name] = formatDateTime(value, 'Europe/Berlin');
    else if (typeof value === 'number' && name.endsWith('Cents')) out[name] = formatEuro(value);
    else out[name] = value;
  }
  return out;
}

type Options = Record<string, string | number>;
type Lookup = { exists: (key: string, options?: Options) => boolean; t: (key: string, options?: Options) => string };

/** A stored text in the loaded language: its key's text when the key exists there, else the stored (German) text. */
export function storedText(i18n: Lookup, key: string | null | undefined, params: TTextParams | null | undefined, fallback: string): string {
  if (!key) return fallback;
  const options = formatTextParams(params);
  return i18n.exists(key, options) ? i18n.t(key, options) : fallback;
}

/**
 * Renders texts the server stores as a key with parameters (deadline titles, notifications):
 * `text(key, params, stored)`; `has(key)` tells whether the key's text exists in the loaded language.
 */
export function useStoredText() {
  const { i18n } = useTranslation();
  const lookup: Lookup = { exists: (k, o) => i18n.exists(k, o), t: (k, o) => i18n.t(k, o as never) as unknown as string };
  return {
    text: (key: string | null | undefined, params: TTextParams | null | undefined, stored: string) =>
      storedText(lookup, key, params, stored),
    has: (key: string | null | undefined, params?: TTextParams | null) => !!key && i18n.exists(key, formatTextParams(params)),
  };
}
