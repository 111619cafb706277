import type { TFunction } from 'i18next';
import type { TSustainmentSettings } from '../../contracts/admin';
import type { FieldIssue } from '../i18n/errors';

export const DAY_FIELDS = [
  'forwardWorkingDays',
  'clarifyWorkingDays',
  'informProviderWorkingDays',
  'payoutWorkingDays',
  'assignmentWorkingDays',
  'conflictContactWorkingDays',
] as const;
export type DayField = (typeof DAY_FIELDS)[number];

/** The sustainment part of the agency settings form, as typed by the user. */
export type SustainmentForm = Record<DayField, string> & { guaranteeReminderMonths: string };

const P = 'settings.sustainment';

export function sustainmentForm(s: TSustainmentSettings): SustainmentForm {
  return {
    ...(Object.fromEntries(DAY_FIELDS.map((f) => [f, String(s[f])])) as Record<DayField, string>),
    guaranteeReminderMonths: s.guaranteeReminderMonths.join(', '),
  };
}

/**
 * Form → settings. Day counts that do not parse stay NaN (the contract flags them); a reminder list
 * like "6, 1" becomes [6, 1], anything else a field issue of its own.
 */
export function sustainmentSettings(f: SustainmentForm, t: TFunction): { settings: TSustainmentSettings; issues: FieldIssue[] } {
  const int = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);
  const parts = f.guaranteeReminderMonths.split(/[,;\s]+/).filter(Boolean);
  const months = parts.map(int);
  const issues: FieldIssue[] = months.some((m) => Number.isNaN(m) || m < 1 || m > 24)
    ? [{ field: `${P}.guaranteeReminderMonths`, code: 'custom', message: t('sustainment.settings.invalidList') }]
    : [];
  const days = Object.fromEntries(DAY_FIELDS.map((k) => [k, int(f[k])])) as Record<DayField, number>;
  return { settings: { ...days, guaranteeReminderMonths: [...new Set(months)].sort((a, b) => b - a) }, issues };
}

export const SUSTAINMENT_FIELDS: readonly string[] = [...DAY_FIELDS, 'guaranteeReminderMonths'].map((f) => `${P}.${f}`);

/** Labels for the error summary of the agency form. */
export function sustainmentLabels(t: TFunction): Record<string, string> {
  return Object.fromEntries([...DAY_FIELDS, 'guaranteeReminderMonths' as const].map((k) => [`${P}.${k}`, t(`sustainment.settings.${k}`)]));
}
