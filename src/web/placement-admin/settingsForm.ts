import type { TFunction } from 'i18next';
import type { TPlacementSettings } from '../../contracts/admin';
import type { FieldIssue } from '../i18n/errors';
import { centsToInput, decimalToInput, parseDecimal, euroToCents } from '../lib/numbers';

export const WEIGHT_KEYS = ['waiting', 'children', 'health', 'age', 'district', 'hints'] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];
type GuaranteeItem = TPlacementSettings['guaranteeItems'][number];

/** The placement part of the agency settings form, as typed by the user. */
export interface PlacementForm {
  checkWorkingDays: string;
  roundTableWorkingDays: string;
  decisionWorkingDays: string;
  followUpWorkingDays: string;
  leaseWorkingDays: string;
  videoUrlTemplate: string;
  guaranteeYears: string;
  guaranteeMax: string;
  guaranteeItems: GuaranteeItem[];
  weights: Record<WeightKey, string>;
}

export function placementForm(s: TPlacementSettings): PlacementForm {
  return {
    checkWorkingDays: String(s.checkWorkingDays),
    roundTableWorkingDays: String(s.roundTableWorkingDays),
    decisionWorkingDays: String(s.decisionWorkingDays),
    followUpWorkingDays: String(s.followUpWorkingDays),
    leaseWorkingDays: String(s.leaseWorkingDays),
    videoUrlTemplate: s.videoUrlTemplate,
    guaranteeYears: String(s.guaranteeYears),
    guaranteeMax: centsToInput(s.guaranteeMaxCents),
    guaranteeItems: [...s.guaranteeItems],
    weights: Object.fromEntries(WEIGHT_KEYS.map((k) => [k, decimalToInput(s.weights[k])])) as Record<WeightKey, string>,
  };
}

const P = 'settings.placement';

/**
 * Form → settings; numbers that do not parse stay NaN so the contract schema flags them, and money
 * that does not parse gets a clearer message of its own (returned as extra issues).
 */
export function placementSettings(f: PlacementForm, t: TFunction): { settings: TPlacementSettings; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const int = (s: string) => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : Number.NaN);
  const guaranteeMaxCents = euroToCents(f.guaranteeMax);
  if (Number.isNaN(guaranteeMaxCents))
    issues.push({ field: `${P}.guaranteeMaxCents`, code: 'custom', message: t('placementAdmin.money.invalid') });
  const settings: TPlacementSettings = {
    checkWorkingDays: int(f.checkWorkingDays),
    roundTableWorkingDays: int(f.roundTableWorkingDays),
    decisionWorkingDays: int(f.decisionWorkingDays),
    followUpWorkingDays: int(f.followUpWorkingDays),
    leaseWorkingDays: int(f.leaseWorkingDays),
    videoUrlTemplate: f.videoUrlTemplate,
    guaranteeYears: int(f.guaranteeYears),
    guaranteeMaxCents,
    guaranteeItems: f.guaranteeItems,
    weights: Object.fromEntries(WEIGHT_KEYS.map((k) => [k, parseDecimal(f.weights[k])])) as TPlacementSettings['weights'],
  };
  return { settings, issues };
}

export const PLACEMENT_FIELDS: readonly string[] = [
  'checkWorkingDays',
  'roundTableWorkingDays',
  'decisionWorkingDays',
  'followUpWorkingDays',
  'leaseWorkingDays',
  'videoUrlTemplate',
  'guaranteeYears',
  'guaranteeMaxCents',
  'guaranteeItems',
  ...WEIGHT_KEYS.map((k) => `weights.${k}`),
].map((f) => `${P}.${f}`);

/** Own issues first; schema issues only for fields that have none yet (one message per field). */
export function mergeIssues(own: FieldIssue[], schema: FieldIssue[]): FieldIssue[] {
  const taken = new Set(own.map((i) => i.field));
  return [...own, ...schema.filter((i) => !taken.has(i.field))];
}

/** Labels for the error summary of the agency form. */
export function placementLabels(t: TFunction): Record<string, string> {
  const s = (k: string) => `${P}.${k}`;
  return {
    [s('checkWorkingDays')]: t('placementAdmin.settings.checkWorkingDays'),
    [s('roundTableWorkingDays')]: t('placementAdmin.settings.roundTableWorkingDays'),
    [s('decisionWorkingDays')]: t('placementAdmin.settings.decisionWorkingDays'),
    [s('followUpWorkingDays')]: t('placementAdmin.settings.followUpWorkingDays'),
    [s('leaseWorkingDays')]: t('placementAdmin.settings.leaseWorkingDays'),
    [s('videoUrlTemplate')]: t('placementAdmin.settings.videoUrlTemplate'),
    [s('guaranteeYears')]: t('placementAdmin.settings.guaranteeYears'),
    [s('guaranteeMaxCents')]: t('placementAdmin.settings.guaranteeMax'),
    [s('guaranteeItems')]: t('placementAdmin.settings.guaranteeItems'),
    ...Object.fromEntries(WEIGHT_KEYS.map((k) => [s(`weights.${k}`), t(`placementAdmin.settings.weight.${k}`)])),
  };
}

/** The link a meeting would get, for the hint under the template field. */
export function exampleVideoUrl(template: string): string {
  return template.replaceAll('{offer}', 'A-2026-00042').replaceAll('{token}', 'k7q2m9xw').replaceAll('{date}', '2026-12-01');
}
