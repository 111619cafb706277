import { ApiError } from '../api';
import { dateTimeLocalToIso } from '../i18n/format';
import type { FieldIssue } from '../i18n/errors';
import { euroToCents } from '../lib/numbers';

/** One input of a step form; `name` is the API field it fills. */
export interface FieldSpec {
  name: string;
  type: 'text' | 'textarea' | 'date' | 'datetime' | 'money' | 'months' | 'checkbox' | 'checks' | 'select' | 'yesno';
  label: string;
  hint?: string;
  optional?: boolean;
  options?: { value: string; label: string }[];
  /** A select whose values are numbers (sent as numbers). */
  numeric?: boolean;
  initial?: FieldValue;
}

export type FieldValue = string | boolean | string[];
export type FormValues = Record<string, FieldValue>;

export function initialValues(fields: readonly FieldSpec[]): FormValues {
  const out: FormValues = {};
  for (const f of fields)
    out[f.name] = f.initial ?? (f.type === 'checkbox' ? false : f.type === 'months' ? [''] : f.type === 'checks' ? [] : '');
  return out;
}

/** "Bitte füllen Sie dieses Feld aus." (the message of an empty required string). */
const required = (field: string): FieldIssue => ({ field, code: 'too_small', message: 'required', origin: 'string', minimum: 1 });

/**
 * Form values → API body: euros become integer cents, local date-times ISO timestamps, yes/no a
 * boolean, empty optional inputs are left out. Unreadable amounts come back as field issues.
 */
export function buildBody(
  fields: readonly FieldSpec[],
  values: FormValues,
  moneyMessage: string,
): { body: Record<string, unknown>; issues: FieldIssue[] } {
  const body: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const f of fields) {
    const v = values[f.name];
    if (f.type === 'checkbox') {
      body[f.name] = v === true;
      continue;
    }
    if (f.type === 'checks') {
      const list = Array.isArray(v) ? v : [];
      if (list.length) body[f.name] = list;
      else if (!f.optional) issues.push(required(f.name));
      continue;
    }
    if (f.type === 'months') {
      const months = (Array.isArray(v) ? v : []).map((m) => m.trim()).filter(Boolean);
      if (months.length) body[f.name] = [...new Set(months)].sort();
      else if (!f.optional) issues.push(required(f.name));
      continue;
    }
    const s = typeof v === 'string' ? v.trim() : '';
    if (s === '') {
      if (!f.optional) issues.push(required(f.name));
      continue;
    }
    if (f.type === 'money') {
      const cents = euroToCents(s);
      if (Number.isNaN(cents)) issues.push({ field: f.name, code: 'custom', message: moneyMessage });
      else body[f.name] = cents;
    } else if (f.type === 'datetime') body[f.name] = dateTimeLocalToIso(s) ?? s;
    else if (f.type === 'yesno') body[f.name] = s === 'yes';
    else if (f.numeric) body[f.name] = Number(s);
    else body[f.name] = s;
  }
  return { body, issues };
}

/**
 * The server's field issues; for `limit_exceeded` its message (with the figures, e.g. "höchstens
 * 1.234,56 €") is shown as it is, not replaced by the generic "zu groß".
 */
export function serverIssues(err: unknown): FieldIssue[] {
  if (!(err instanceof ApiError)) return [];
  const issues = err.problem.errors ?? [];
  return err.code === 'limit_exceeded' ? issues.map((i) => ({ ...i, code: 'limit' })) : issues;
}
