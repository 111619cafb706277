import type { z } from 'zod';
import type { TClearing, TThreatStage, ZClearingOut } from '../../contracts/prevention';
import type { FieldIssue } from '../i18n/errors';
import { centsToInput, euroToCents } from '../lib/numbers';

export const TRIED = [
  'instalment_agreement',
  'landlord_talk',
  'job_centre_application',
  'own_payment',
  'legal_advice',
  'other',
] as const satisfies readonly TClearing['triedSoFar'][number][];
export const INCOME = [
  'employment',
  'pension',
  'citizens_income',
  'social_assistance',
  'housing_benefit',
  'child_benefit',
  'maintenance',
  'other',
  'none',
] as const satisfies readonly TClearing['income'][number][];
export const UNCLAIMED = [
  'housing_benefit',
  'citizens_income',
  'social_assistance',
  'child_supplement',
  'child_benefit',
  'other',
] as const satisfies readonly TClearing['unclaimedBenefits'][number][];
export const WISHES = ['keep_home', 'move', 'undecided'] as const satisfies readonly NonNullable<TClearing['wishes']>[];

/** The clearing checklist as typed (money in euros). */
export interface ClearingForm {
  threatStage: TThreatStage | '';
  threatConfirmed: boolean;
  triedSoFar: TClearing['triedSoFar'];
  triedNote: string;
  income: TClearing['income'];
  monthlyIncome: string;
  resourcesNote: string;
  unclaimedBenefits: TClearing['unclaimedBenefits'];
  unclaimedNote: string;
  wishes: TClearing['wishes'] | '';
  wishesNote: string;
  complete: boolean;
}

/** The saved checklist (as the case carries it; unknown values are dropped) → form. */
export function clearingForm(c: z.infer<typeof ZClearingOut>, caseStage: TThreatStage): ClearingForm {
  return {
    threatStage: c.threatStage ?? caseStage,
    threatConfirmed: c.threatConfirmed,
    triedSoFar: TRIED.filter((x) => c.triedSoFar.includes(x)),
    triedNote: c.triedNote ?? '',
    income: INCOME.filter((x) => c.income.includes(x)),
    monthlyIncome: centsToInput(c.monthlyIncomeCents),
    resourcesNote: c.resourcesNote ?? '',
    unclaimedBenefits: UNCLAIMED.filter((x) => c.unclaimedBenefits.includes(x)),
    unclaimedNote: c.unclaimedNote ?? '',
    wishes: c.wishes ?? '',
    wishesNote: c.wishesNote ?? '',
    complete: c.complete,
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Form → ZClearing body; an unreadable income is an issue at monthlyIncomeCents. */
export function clearingPayload(f: ClearingForm, moneyMessage: string): { clearing: TClearing; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  let monthlyIncomeCents: number | null = null;
  if (f.monthlyIncome.trim() !== '') {
    monthlyIncomeCents = euroToCents(f.monthlyIncome);
    if (Number.isNaN(monthlyIncomeCents)) issues.push({ field: 'clearing.monthlyIncomeCents', code: 'custom', message: moneyMessage });
  }
  return {
    clearing: {
      threatStage: f.threatStage || null,
      threatConfirmed: f.threatConfirmed,
      triedSoFar: TRIED.filter((x) => f.triedSoFar.includes(x)),
      triedNote: orNull(f.triedNote),
      income: INCOME.filter((x) => f.income.includes(x)),
      monthlyIncomeCents,
      resourcesNote: orNull(f.resourcesNote),
      unclaimedBenefits: UNCLAIMED.filter((x) => f.unclaimedBenefits.includes(x)),
      unclaimedNote: orNull(f.unclaimedNote),
      wishes: f.wishes || null,
      wishesNote: orNull(f.wishesNote),
      complete: f.complete,
    },
    issues,
  };
}

/** Toggles one value of a multiple choice, keeping the list's order. */
export function toggle<T extends string>(all: readonly T[], selected: readonly T[], value: T, on: boolean): T[] {
  return all.filter((x) => (x === value ? on : selected.includes(x)));
}
