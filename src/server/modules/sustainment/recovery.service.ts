import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { formatEuro, formatGermanDate } from '../../../contracts/format.js';
import type { ZRecoveryAgreementInput, ZRecoveryPaymentInput } from '../../../contracts/sustainment.js';
import type { DB } from '../../db/types.js';
import { audit } from '../../platform/audit/audit.js';
import { AccessDenied, AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { actorTx } from '../../platform/http/tx.js';
import * as ledger from './ledger.js';
import { tenancyLink, sustainmentEffects } from './sustainment.effects.js';
import { tenancyRepository } from './tenancies.repository.js';
import { requireAction, tenancyScope, visibleTenancy } from './tenancies.service.js';
import { loadTenancyView } from './tenancy-detail.service.js';

/**
 * Recovery of the claim assigned to the office: instalment agreements with the household and the
 * payments made on them. A payment never exceeds the open claim (payouts − recoveries); the
 * database's ledger CHECK holds the same line.
 */
export function recoveryService(db: Kysely<DB>) {
  return {
    addAgreement: (ctx: Ctx, tenancyId: string, input: z.output<typeof ZRecoveryAgreementInput>, key: string | undefined) =>
      actorTx(db, ctx, (tx) =>
        idempotent(tx, ctx, key, { tenancyId, input }, async () => {
          const t = await visibleTenancy(tx, ctx, tenancyId, 'recovery.record', true);
          requireAction(ctx, t, 'recordAgreement', 'recovery.record');
          const repo = tenancyRepository(tx, ctx.actor.agencyId);
          if (input.incidentId && !(await repo.hasIncident(t.id, input.incidentId))) {
            throw new AppError('validation_failed', undefined, {
              errors: [{ field: 'incidentId', code: 'invalid_value', message: 'Kein Vorfall dieses Mietverhältnisses.' }],
            });
          }
          const a = await repo.insertAgreement({
            tenancy_id: t.id,
            incident_id: input.incidentId ?? null,
            instalment_cents: input.instalmentCents,
            starts_on: input.startsOn,
            interval_months: input.intervalMonths,
            note: input.note,
            created_by: ctx.actor.userId,
          });
          const fx = sustainmentEffects(tx, ctx);
          await fx.inform(
            [t.contact_person_id, t.social_worker_id],
            'recovery.agreement',
            `Ratenvereinbarung ${t.reference}`,
            `${formatEuro(input.instalmentCents)} ${input.intervalMonths === 1 ? 'monatlich' : 'vierteljährlich'} ab ${formatGermanDate(input.startsOn)} auf die offene Forderung von ${formatEuro(t.paid_out_cents - t.recovered_cents)}.`,
            tenancyLink(t.id),
            {
              text: {
                key: input.intervalMonths === 1 ? 'notice.recoveryAgreementMonthly' : 'notice.recoveryAgreementQuarterly',
                params: {
                  reference: t.reference,
                  instalmentCents: input.instalmentCents,
                  startsOn: input.startsOn,
                  openCents: t.paid_out_cents - t.recovered_cents,
                },
              },
            },
          );
          audit(tx, ctx, {
            action: 'recovery.agreement',
            entityId: t.id,
            details: { agreement: a.id, instalmentCents: input.instalmentCents },
          });
          return loadTenancyView(tx, ctx, (await repo.find(t.id, false, tenancyScope(ctx)))!);
        }),
      ),

    addPayment: (ctx: Ctx, tenancyId: string, input: z.output<typeof ZRecoveryPaymentInput>, key: string | undefined) =>
      actorTx(db, ctx, (tx) =>
        idempotent(tx, ctx, key, { tenancyId, input }, async () => {
          const t = await visibleTenancy(tx, ctx, tenancyId, 'recovery.record', true);
          const repo = tenancyRepository(tx, ctx.actor.agencyId);
          const before = { maxCents: t.guarantee_max_cents, paidOutCents: t.paid_out_cents, recoveredCents: t.recovered_cents };
          if (!t.related) throw new AccessDenied('recovery.record', { type: 'tenancy', id: t.id });
          const after = ledger.recover(before, input.amountCents);
          if (input.agreementId && !(await repo.agreement(t.id, input.agreementId))) {
            throw new AppError('validation_failed', undefined, {
              errors: [{ field: 'agreementId', code: 'invalid_value', message: 'Keine Ratenvereinbarung dieses Mietverhältnisses.' }],
            });
          }
          const p = await repo.insertPayment({
            tenancy_id: t.id,
            agreement_id: input.agreementId ?? null,
            amount_cents: input.amountCents,
            paid_on: input.paidOn,
            note: input.note,
            created_by: ctx.actor.userId,
          });
          const open = ledger.openClaimCents(after);
          const fx = sustainmentEffects(tx, ctx);
          await fx.inform(
            [t.contact_person_id, t.social_worker_id],
            'recovery.payment',
            `Rückzahlung ${t.reference}: ${formatEuro(input.amountCents)}`,
            open === 0 ? 'Die abgetretene Forderung ist vollständig beglichen.' : `Offene Forderung jetzt ${formatEuro(open)}.`,
            tenancyLink(t.id),
            {
              text: {
                key: open === 0 ? 'notice.recoveryPaymentSettled' : 'notice.recoveryPayment',
                params: { reference: t.reference, amountCents: input.amountCents, openCents: open },
              },
            },
          );
          audit(tx, ctx, {
            action: 'recovery.payment',
            entityId: t.id,
            details: { payment: p.id, amountCents: input.amountCents, openClaimCents: open },
          });
          return loadTenancyView(tx, ctx, (await repo.find(t.id, false, tenancyScope(ctx)))!);
        }),
      ),
  };
}
export type RecoveryService = ReturnType<typeof recoveryService>;
