import type { TFunction } from 'i18next';
import {
  COMPARABLE_HELP,
  CONSENT_FORMS,
  CONTACT_COUNTERPARTS,
  CONTACT_OUTCOMES,
  END_REASONS,
  GOAL_PROGRESS,
  GOAL_STATES,
  HELP_REFERRAL_KINDS,
  HELP_REFERRAL_STATES,
  ZAssignInput,
  ZCheckInput,
  ZConsentInput,
  ZConsentWithdraw,
  ZContactInput,
  ZEndInput,
  ZExtendInput,
  ZFollowUpInput,
  ZGoalInput,
  ZGoalReviewInput,
  ZGoalUpdate,
  ZGrantInput,
  ZHelpReferralInput,
  ZHelpReferralUpdate,
  ZRefuseInput,
} from '../../contracts/aftercare';
import { isoDateIn } from '../../contracts/format';
import { api, ok } from '../api';
import type { FieldSpec } from '../sustainment/stepForm';
import type { AftercareStep } from './AftercareDialog';
import type { AftercareCase } from './queries';

/** The steps on the case as a whole, in the order their buttons appear (the server's `actions` decide which). */
export const CASE_ACTIONS = ['check', 'grant', 'recordConsent', 'assign', 'extend', 'end', 'refuse', 'withdrawConsent'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
/** Steps whose button is secondary (not the usual way forward). */
export const SECONDARY: readonly CaseAction[] = ['refuse', 'withdrawConsent', 'end', 'extend', 'assign'];

const today = () => isoDateIn(new Date());
const opts = (values: readonly string[], label: (v: string) => string) => values.map((value) => ({ value, label: label(value) }));
const num = (name: string, label: string, optional = false, hint?: string): FieldSpec => ({
  name,
  type: 'text',
  label,
  optional,
  hint,
  numeric: true,
});
const caseStep = (path: string) => (c: AftercareCase) => (body: never) =>
  ok(api.POST(`/aftercare/cases/{id}/${path}` as '/aftercare/cases/{id}/check', { params: { path: { id: c.id } }, body }));

/**
 * The form of a step on the whole case. `me`: the signed-in user (a carrier lead may assign themselves);
 * `workers`: the carrier's active workers for the assignment picker (GET …/workers).
 */
export function caseStepSpec(
  action: CaseAction,
  c: AftercareCase,
  t: TFunction,
  me: { id: string; displayName: string },
  workers: readonly { id: string; name: string }[] = [],
): AftercareStep {
  const f = (k: string) => t(`aftercare.field.${k}` as never);
  switch (action) {
    case 'check':
      return {
        schema: ZCheckInput,
        run: caseStep('check')(c),
        fields: [
          {
            name: 'comparableHelp',
            type: 'checks',
            label: f('comparableHelp'),
            optional: true,
            options: opts(COMPARABLE_HELP, (v) => t(`aftercare.comparableHelp.${v}` as never)),
          },
          { name: 'note', type: 'textarea', label: f('checkNote'), optional: true },
        ],
      };
    case 'refuse':
      return {
        schema: ZRefuseInput,
        run: caseStep('refuse')(c),
        fields: [
          {
            name: 'existingHelp',
            type: 'select',
            label: f('existingHelp'),
            options: opts(COMPARABLE_HELP, (v) => t(`aftercare.comparableHelp.${v}` as never)),
            initial: c.check?.comparableHelp[0] ?? '',
          },
          { name: 'existingHelpDetail', type: 'text', label: f('existingHelpDetail'), optional: true },
          { name: 'reason', type: 'textarea', label: f('reason'), optional: true },
        ],
      };
    case 'grant':
      return {
        schema: ZGrantInput,
        run: caseStep('grant')(c),
        fields: [
          { name: 'grantedFrom', type: 'date', label: f('grantedFrom'), initial: today() },
          num('months', f('months'), true, f('monthsHint')),
          num('visitEveryWeeks', f('visitEveryWeeks'), true, f('visitEveryWeeksHint')),
        ],
      };
    case 'recordConsent':
      return {
        schema: ZConsentInput,
        run: caseStep('consent')(c),
        fields: [
          { name: 'purpose', type: 'textarea', label: f('purpose'), initial: f('purposeDefault') },
          {
            name: 'form',
            type: 'select',
            label: f('consentForm'),
            options: opts(CONSENT_FORMS, (v) => t(`aftercare.consentForm.${v}` as never)),
            initial: 'written',
          },
          { name: 'givenOn', type: 'date', label: f('givenOn'), initial: today() },
        ],
      };
    case 'withdrawConsent':
      return {
        schema: ZConsentWithdraw,
        run: caseStep('consent/withdraw')(c),
        fields: [
          { name: 'withdrawnOn', type: 'date', label: f('withdrawnOn'), initial: today() },
          { name: 'note', type: 'textarea', label: f('note'), optional: true },
        ],
      };
    case 'extend':
      return {
        schema: ZExtendInput,
        run: caseStep('extend')(c),
        fields: [num('months', f('extendMonths')), { name: 'reason', type: 'textarea', label: f('reason') }],
      };
    case 'assign': {
      const choices = new Map<string, string>();
      for (const w of workers) choices.set(w.id, w.name);
      if (c.carrierWorker) choices.set(c.carrierWorker.id, c.carrierWorker.name);
      if (c.view === 'carrier' || choices.has(me.id)) choices.set(me.id, t('aftercare.field.me', { name: me.displayName }));
      return {
        schema: ZAssignInput,
        run: caseStep('assign')(c),
        mapBody: (b) => ({ ...b, carrierWorkerId: b.carrierWorkerId === 'none' ? null : b.carrierWorkerId }),
        fields: [
          {
            name: 'carrierWorkerId',
            type: 'select',
            label: f('carrierWorker'),
            options: [...[...choices].map(([value, label]) => ({ value, label })), { value: 'none', label: f('nobody') }],
            initial: c.carrierWorker?.id ?? (c.view === 'carrier' ? me.id : 'none'),
          },
          num('visitEveryWeeks', f('visitEveryWeeks'), true, f('visitEveryWeeksHint')),
        ],
      };
    }
    case 'end':
      return {
        schema: ZEndInput,
        run: caseStep('end')(c),
        fields: [
          {
            name: 'reason',
            type: 'select',
            label: f('endReason'),
            options: opts(END_REASONS, (v) => t(`aftercare.endReason.${v}` as never)),
          },
          { name: 'endedOn', type: 'date', label: f('endedOn'), initial: today() },
          { name: 'note', type: 'textarea', label: f('note'), optional: true },
        ],
      };
  }
}

const goalFields = (t: TFunction): FieldSpec[] => [
  { name: 'goal', type: 'textarea', label: t('aftercare.field.goal') },
  { name: 'measures', type: 'textarea', label: t('aftercare.field.measures'), optional: true },
  { name: 'responsible', type: 'text', label: t('aftercare.field.responsible'), optional: true },
  { name: 'reviewOn', type: 'date', label: t('aftercare.field.reviewOn') },
];

export const addGoalStep = (c: AftercareCase, t: TFunction): AftercareStep => ({
  schema: ZGoalInput,
  run: caseStep('goals')(c),
  fields: goalFields(t),
});

export function updateGoalStep(goal: AftercareCase['goals'][number], t: TFunction): AftercareStep {
  const initial: Record<string, string> = {
    goal: goal.goal,
    measures: goal.measures ?? '',
    responsible: goal.responsible ?? '',
    reviewOn: goal.reviewOn ?? '',
  };
  return {
    schema: ZGoalUpdate,
    run: (body) => ok(api.PUT('/aftercare/goals/{id}', { params: { path: { id: goal.id } }, body })),
    fields: [
      ...goalFields(t).map((fs) => ({ ...fs, initial: initial[fs.name] })),
      {
        name: 'state',
        type: 'select',
        label: t('aftercare.field.goalState'),
        options: opts(GOAL_STATES, (v) => t(`aftercare.goalState.${v}` as never)),
        initial: goal.state,
      },
    ],
  };
}

export const reviewGoalStep = (goal: AftercareCase['goals'][number], t: TFunction): AftercareStep => ({
  schema: ZGoalReviewInput,
  run: (body) => ok(api.POST('/aftercare/goals/{id}/reviews', { params: { path: { id: goal.id } }, body })),
  fields: [
    { name: 'reviewedOn', type: 'date', label: t('aftercare.field.reviewedOn'), initial: today() },
    {
      name: 'progress',
      type: 'select',
      label: t('aftercare.field.progress'),
      options: opts(GOAL_PROGRESS, (v) => t(`aftercare.progress.${v}` as never)),
    },
    { name: 'note', type: 'textarea', label: t('aftercare.field.reviewNote'), optional: true },
    {
      name: 'nextReviewOn',
      type: 'date',
      label: t('aftercare.field.nextReviewOn'),
      optional: true,
      hint: t('aftercare.field.nextReviewHint'),
    },
  ],
});

export const addReferralStep = (c: AftercareCase, t: TFunction): AftercareStep => ({
  schema: ZHelpReferralInput,
  run: caseStep('referrals')(c),
  fields: [
    {
      name: 'kind',
      type: 'select',
      label: t('aftercare.field.kind'),
      options: opts(HELP_REFERRAL_KINDS, (v) => t(`aftercare.referralKind.${v}` as never)),
    },
    {
      name: 'status',
      type: 'select',
      label: t('aftercare.field.referralState'),
      options: opts(HELP_REFERRAL_STATES, (v) => t(`aftercare.referralState.${v}` as never)),
      initial: 'suggested',
    },
    { name: 'provider', type: 'text', label: t('aftercare.field.provider'), optional: true },
    { name: 'note', type: 'textarea', label: t('aftercare.field.note'), optional: true },
  ],
});

export const updateReferralStep = (r: AftercareCase['referrals'][number], t: TFunction): AftercareStep => ({
  schema: ZHelpReferralUpdate,
  run: (body) => ok(api.PUT('/aftercare/referrals/{id}', { params: { path: { id: r.id } }, body })),
  fields: [
    {
      name: 'status',
      type: 'select',
      label: t('aftercare.field.referralState'),
      options: opts(HELP_REFERRAL_STATES, (v) => t(`aftercare.referralState.${v}` as never)),
      initial: r.status,
    },
    { name: 'note', type: 'textarea', label: t('aftercare.field.note'), optional: true, initial: r.note ?? '' },
  ],
});

export const logContactStep = (c: AftercareCase, t: TFunction): AftercareStep => ({
  schema: ZContactInput,
  run: caseStep('contacts')(c),
  fields: [
    { name: 'occurredOn', type: 'date', label: t('aftercare.field.occurredOn'), initial: today() },
    {
      name: 'counterpart',
      type: 'select',
      label: t('aftercare.field.counterpart'),
      options: opts(CONTACT_COUNTERPARTS, (v) => t(`aftercare.counterpart.${v}` as never)),
    },
    { name: 'counterpartName', type: 'text', label: t('aftercare.field.counterpartName'), optional: true },
    {
      name: 'outcome',
      type: 'select',
      label: t('aftercare.field.outcome'),
      options: opts(CONTACT_OUTCOMES, (v) => t(`aftercare.outcome.${v}` as never)),
      initial: 'none',
    },
    { name: 'note', type: 'textarea', label: t('aftercare.field.note'), optional: true },
  ],
});

export const followUpStep = (id: string, t: TFunction): AftercareStep => ({
  schema: ZFollowUpInput,
  run: (body) => ok(api.POST('/aftercare/follow-ups/{id}', { params: { path: { id } }, body })),
  fields: [
    { name: 'homeKept', type: 'yesno', label: t('aftercare.field.homeKept') },
    { name: 'checkedOn', type: 'date', label: t('aftercare.field.checkedOn'), initial: today() },
    { name: 'note', type: 'textarea', label: t('aftercare.field.note'), optional: true },
  ],
});
