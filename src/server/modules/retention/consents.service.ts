import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ZConsentReport } from '../../../contracts/retention.js';
import { inAgency } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { berlinDate } from '../../platform/deadlines/workdays.js';
import type { Ctx } from '../../platform/http/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { actorTx } from '../../platform/http/tx.js';
import { consentReportRepository } from './consents.repository.js';

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Withdrawals and refusals shown: the last 90 days. */
const LOOKBACK_DAYS = 90;

export function consentReportService(db: Kysely<DB>) {
  return {
    /** Consents expiring within `days`, withdrawn and refused transfers in the last 90 days. */
    report: (ctx: Ctx, days: number): Promise<z.output<typeof ZConsentReport>> =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'consent.report');
        const today = berlinDate(new Date());
        const rows = await consentReportRepository(tx, ctx.actor.agencyId).report(
          today,
          addDays(today, days),
          addDays(today, -LOOKBACK_DAYS),
        );
        audit(tx, ctx, {
          action: 'consent.report',
          details: { days, results: rows.length, households: [...new Set(rows.map((r) => r.household_id))].length },
        });
        return {
          days,
          items: rows.map((r) => ({
            kind: r.kind,
            programme: r.programme,
            householdId: r.household_id,
            reference: r.reference,
            headName: r.head_name,
            consentId: r.consent_id,
            recipient: r.recipient,
            on: r.on,
            reason: r.reason,
          })),
        };
      }),
  };
}
export type ConsentReportService = ReturnType<typeof consentReportService>;

/**
 * Records a placement transfer refused for want of a valid consent, in a transaction of its own
 * (the refused step rolled back): why (withdrawn, expired, missing), to whom, by whom.
 */
export async function recordRefusedTransfer(db: Kysely<DB>, ctx: Ctx, t: { householdId: string; providerId: string }): Promise<void> {
  await inAgency(db, ctx.actor.agencyId, async (tx) => {
    const repo = consentReportRepository(tx, ctx.actor.agencyId);
    const latest = await repo.latestPlacementConsent(t.householdId, t.providerId);
    const reason = !latest ? 'missing' : latest.withdrawn_at ? 'withdrawn' : 'expired';
    await repo.refusal({
      household_id: t.householdId,
      programme: 'placement',
      consent_id: latest?.id ?? null,
      recipient: await repo.providerName(t.providerId),
      reason,
      attempted_by: ctx.actor.userId,
    });
    audit(tx, ctx, {
      action: 'consent.refused',
      entityId: t.householdId,
      details: { provider: t.providerId, reason, consent: latest?.id ?? null },
    });
  });
}

/** A transfer refused for want of a valid consent (409 `consent_required`); the caller logs it with `logRefusal`. */
export class TransferRefused extends AppError {
  constructor(
    readonly transfer: { householdId: string; providerId: string },
    detail: string,
    extra: { currentState?: string } = {},
  ) {
    super('consent_required', detail, extra);
  }
}

/** For a service step that may refuse a transfer: logs the refusal after the rollback, then rethrows. */
export function logRefusal(db: Kysely<DB>, ctx: Ctx) {
  return async (e: unknown): Promise<never> => {
    if (e instanceof TransferRefused) await recordRefusedTransfer(db, ctx, e.transfer);
    throw e;
  };
}
