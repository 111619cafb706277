import type { TFunction } from 'i18next';
import {
  CLOSING_OUTCOMES,
  CONFLICT_CATEGORIES,
  END_REASONS,
  ZClosingReviewInput,
  ZIncidentReport,
  ZRecoveryAgreementInput,
  ZRecoveryPaymentInput,
  ZTenancyEnd,
} from '../../contracts/sustainment';
import { formatEuro } from '../../contracts/format';
import { formatDate } from '../i18n/format';
import { berlinToday } from '../lib/numbers';
import type { TenancyDetail } from './queries';
import type { StepSpec, TenancyStepPath } from './incidentSteps';
import type { FieldSpec } from './stepForm';

/** Tenancy actions that open a form here ("update" is its own page). */
export const TENANCY_ACTIONS = ['reportRentDefault', 'reportConflict', 'recordAgreement', 'recordPayment', 'closingReview', 'end'] as const;
export type TenancyAction = (typeof TENANCY_ACTIONS)[number];

/** Creating steps send an Idempotency-Key (the report and the recovery entries). */
export const CREATING: readonly TenancyAction[] = ['reportRentDefault', 'reportConflict', 'recordAgreement', 'recordPayment'];

/** Path (under the tenancy), inputs, contract and fixed body parts of one tenancy action. */
export function tenancyStepSpec(
  action: TenancyAction,
  tenancy: TenancyDetail,
  t: TFunction,
): StepSpec<TenancyStepPath> & { extra: Record<string, unknown> } {
  const f = (name: string, type: FieldSpec['type'], extra: Partial<FieldSpec> = {}): FieldSpec => ({
    name,
    type,
    label: t(`sustainment.field.${name}` as 'sustainment.field.note'),
    ...extra,
  });
  const note = f('note', 'textarea', { optional: true });
  const today = berlinToday();
  const euro = t('sustainment.hint.euro');
  switch (action) {
    case 'reportRentDefault':
      return {
        path: 'incidents',
        schema: ZIncidentReport,
        extra: { kind: 'rent_default' },
        fields: [f('months', 'months', { hint: t('sustainment.hint.months') }), f('amountCents', 'money', { hint: euro }), note],
      };
    case 'reportConflict':
      return {
        path: 'incidents',
        schema: ZIncidentReport,
        extra: { kind: 'conflict' },
        fields: [
          f('category', 'select', { options: CONFLICT_CATEGORIES.map((c) => ({ value: c, label: t(`sustainment.category.${c}`) })) }),
          f('occurredOn', 'date', { initial: today }),
          f('description', 'textarea'),
        ],
      };
    case 'recordAgreement':
      return {
        path: 'recovery-agreements',
        schema: ZRecoveryAgreementInput,
        extra: {},
        fields: [
          f('instalmentCents', 'money', { hint: euro }),
          f('startsOn', 'date'),
          f('intervalMonths', 'select', {
            numeric: true,
            initial: '1',
            options: [1, 3].map((m) => ({ value: String(m), label: t(`sustainment.recovery.interval${m as 1 | 3}`) })),
          }),
          note,
        ],
      };
    case 'recordPayment':
      return {
        path: 'recovery-payments',
        schema: ZRecoveryPaymentInput,
        extra: {},
        fields: [
          f('amountCents', 'money', { label: t('sustainment.field.paymentAmount'), hint: euro }),
          f('paidOn', 'date', { initial: today }),
          ...(tenancy.agreements.length
            ? [
                f('agreementId', 'select', {
                  optional: true,
                  options: tenancy.agreements.map((a) => ({
                    value: a.id,
                    label: t('sustainment.recovery.agreementOption', {
                      amount: formatEuro(a.instalmentCents),
                      date: formatDate(a.startsOn),
                    }),
                  })),
                }),
              ]
            : []),
          note,
        ],
      };
    case 'closingReview':
      return {
        path: 'closing-review',
        schema: ZClosingReviewInput,
        extra: {},
        fields: [
          f('outcome', 'select', { options: CLOSING_OUTCOMES.map((o) => ({ value: o, label: t(`sustainment.outcome.${o}`) })) }),
          f('reviewedOn', 'date', { initial: today }),
          note,
        ],
      };
    case 'end':
      return {
        path: 'end',
        schema: ZTenancyEnd,
        extra: {},
        fields: [
          f('reason', 'select', {
            label: t('sustainment.field.endReason'),
            options: END_REASONS.map((r) => ({ value: r, label: t(`sustainment.endReason.${r}`) })),
          }),
          f('endedOn', 'date'),
          note,
        ],
      };
  }
}
