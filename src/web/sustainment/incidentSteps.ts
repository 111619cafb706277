import type { TFunction } from 'i18next';
import type { ApiPaths } from '../api';
import type { z } from 'zod';
import {
  CONTACT_CHANNELS,
  ZAssignmentReceipt,
  ZCancelInput,
  ZContactInput,
  ZInformProviderInput,
  ZPayoutInput,
  ZReasonsInput,
  ZRecheckUnpaidInput,
  ZSolveInput,
  ZStepNote,
  ZTerminateInput,
  ZWaitInput,
  ZWarningInput,
} from '../../contracts/sustainment';
import { toDateTimeLocal } from '../i18n/format';
import { berlinToday, centsToInput } from '../lib/numbers';
import type { Incident } from './queries';
import type { FieldSpec } from './stepForm';

/** The incident steps this page offers, in the order their buttons appear. */
export const INCIDENT_ACTIONS = [
  'forward',
  'recordReasons',
  'recordContact',
  'solve',
  'informProvider',
  'wait',
  'recheckUnpaid',
  'demandPayment',
  'markPaid',
  'payout',
  'confirmAssignment',
  'warning',
  'terminate',
  'cancel',
] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

/** Steps that end or leave the main path: shown as secondary buttons. */
export const SECONDARY_ACTIONS: readonly IncidentAction[] = ['markPaid', 'warning', 'terminate', 'cancel', 'recheckUnpaid'];

/** The step paths the API has under an incident and a tenancy (checked against the OpenAPI types). */
type PostPath = { [K in keyof ApiPaths]: ApiPaths[K] extends { post: object } ? K : never }[keyof ApiPaths];
type Under<P extends string> = PostPath extends infer K
  ? K extends `${P}/{id}/${infer S}`
    ? S extends `${string}/${string}`
      ? never
      : S
    : never
  : never;
export type IncidentStepPath = Under<'/incidents'>;
export type TenancyStepPath = Under<'/tenancies'>;

export interface StepSpec<P extends string = IncidentStepPath> {
  path: P;
  fields: FieldSpec[];
  schema: z.ZodType;
}

/** Path, inputs and contract of one incident step. */
export function incidentStepSpec(action: IncidentAction, incident: Incident, t: TFunction): StepSpec {
  const f = (name: string, type: FieldSpec['type'], extra: Partial<FieldSpec> = {}): FieldSpec => ({
    name,
    type,
    label: t(`sustainment.field.${name}` as 'sustainment.field.note'),
    ...extra,
  });
  const note = f('note', 'textarea', { optional: true });
  const today = berlinToday();
  switch (action) {
    case 'forward':
      return { path: 'forward', schema: ZStepNote, fields: [{ ...note, hint: t('sustainment.hint.internalNote') }] };
    case 'recordReasons':
      return { path: 'reasons', schema: ZReasonsInput, fields: [f('reasons', 'textarea', { hint: t('sustainment.hint.reasons') })] };
    case 'informProvider':
      return {
        path: 'inform-provider',
        schema: ZInformProviderInput,
        fields: [f('message', 'textarea', { hint: t('sustainment.hint.message') })],
      };
    case 'wait':
      return { path: 'wait', schema: ZWaitInput, fields: [f('recheckOn', 'date', { hint: t('sustainment.hint.recheckOn') }), note] };
    case 'demandPayment':
      return { path: 'demand-payment', schema: ZStepNote, fields: [note] };
    case 'recheckUnpaid':
      return {
        path: 'recheck-unpaid',
        schema: ZRecheckUnpaidInput,
        fields: [
          f('months', 'months', {
            optional: true,
            initial: incident.months.length ? [...incident.months] : [''],
            hint: t('sustainment.hint.months'),
          }),
          f('amountCents', 'money', { optional: true, initial: centsToInput(incident.amountCents), hint: t('sustainment.hint.euro') }),
          note,
        ],
      };
    case 'markPaid':
      return { path: 'paid', schema: ZStepNote, fields: [note] };
    case 'payout':
      return {
        path: 'payout',
        schema: ZPayoutInput,
        fields: [
          f('amountCents', 'money', {
            label: t('sustainment.field.payoutAmount'),
            initial: centsToInput(incident.amountCents),
            hint: t('sustainment.hint.euro'),
          }),
          f('paidOn', 'date', { initial: today }),
          note,
        ],
      };
    case 'confirmAssignment':
      return { path: 'assignment-receipt', schema: ZAssignmentReceipt, fields: [f('receivedOn', 'date', { initial: today }), note] };
    case 'recordContact':
      return {
        path: 'contacts',
        schema: ZContactInput,
        fields: [
          f('occurredAt', 'datetime', { initial: toDateTimeLocal(new Date()) }),
          f('channel', 'select', { options: CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`sustainment.channel.${c}`) })) }),
          f('reached', 'checkbox'),
          f('note', 'textarea', { label: t('sustainment.field.contactNote'), hint: t('sustainment.hint.internalNote') }),
        ],
      };
    case 'warning':
      return { path: 'warnings', schema: ZWarningInput, fields: [f('issuedOn', 'date', { initial: today }), note] };
    case 'solve':
      return { path: 'solve', schema: ZSolveInput, fields: [f('resolution', 'textarea', { hint: t('sustainment.hint.internalNote') })] };
    case 'terminate':
      return {
        path: 'terminate',
        schema: ZTerminateInput,
        fields: [
          f('terminatedOn', 'date'),
          f('leaseEndsOn', 'date'),
          f('guaranteeContinues', 'yesno', {
            hint: t('sustainment.hint.guaranteeContinues'),
            options: [
              { value: 'yes', label: t('sustainment.field.continuesYes') },
              { value: 'no', label: t('sustainment.field.continuesNo') },
            ],
          }),
          note,
        ],
      };
    case 'cancel':
      return { path: 'cancel', schema: ZCancelInput, fields: [f('reason', 'textarea')] };
  }
}
