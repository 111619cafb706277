import type { Kysely } from 'kysely';
import type { TModuleSearchHits } from '../../../contracts/search.js';
import * as access from '../../platform/access/access.js';
import { roleHas } from '../../platform/access/registry.js';
import type { Actor } from '../../platform/http/context.js';
import { addressLine, matchOf, moduleHits } from '../../platform/search/hits.js';
import { aftercareRepository } from './aftercare.repository.js';
import type { DB } from '../../db/types.js';
import type { Tx } from '../../db/database.js';
import type { Ctx } from '../../platform/http/context.js';
import { createReferral, caseService } from './cases.service.js';
import { decisionService } from './decisions.service.js';
import { agreementService } from './agreements.service.js';
import { annualReportService } from './annualReports.service.js';
import { reportService } from './reports.service.js';
import { workService } from './work.service.js';

/** The aftercare module's services: agreements, cases (referral, reading), decisions, the help itself, reports and the carriers' annual reports. */
export function aftercareService(db: Kysely<DB>) {
  return {
    agreements: agreementService(db),
    cases: caseService(db),
    decisions: decisionService(db),
    work: workService(db),
    reports: reportService(db),
    annualReports: annualReportService(db),
  };
}
export type AftercareService = ReturnType<typeof aftercareService>;

/**
 * For prevention's hand-over ("home kept → aftercare"), on a step it has already authorised: a
 * referral of the household to the carrier in the same transaction (source Fachstelle, target group
 * (b): tenancy secured by prevention), carrying the threatened home's address.
 */
export function referFromPrevention(
  tx: Tx,
  ctx: Ctx,
  h: {
    householdId: string;
    carrierId: string;
    preventionCaseId: string;
    preventionReference: string;
    referredOn: string;
    street: string;
    postalCode: string;
    city: string;
    phone: string | null;
    note: string | null;
  },
): Promise<{ id: string; reference: string }> {
  return createReferral(tx, ctx, {
    householdId: h.householdId,
    carrierId: h.carrierId,
    targetGroup: 'secured_tenancy',
    source: 'fachstelle',
    sourceDetail: `Prävention, Fall ${h.preventionReference}`,
    referredOn: h.referredOn,
    street: h.street,
    postalCode: h.postalCode,
    city: h.city,
    phone: h.phone,
    note: h.note,
    preventionCaseId: h.preventionCaseId,
  });
}

/** Aftercare's part of the start page (the carrier's visits, the Fachstelle's referrals to decide). */
export { aftercareDesk } from './desk.service.js';
/**
 * For the global search: aftercare cases matching `text` (number, visit address, household name) that
 * `aftercareScope` shows the actor (the Fachstelle all; a carrier only its consented cases, a worker
 * only those assigned to them), if it may list cases; else null. These are fields the carrier sees.
 */
export async function searchAftercareCases(tx: Tx, actor: Actor, text: string, limit: number): Promise<TModuleSearchHits | null> {
  if (!roleHas(actor.role, 'aftercare.list')) return null;
  const rows = await aftercareRepository(tx, actor.agencyId).search(access.aftercareScope(actor), text, limit + 1);
  return moduleHits(rows, limit, (c) => ({
    id: c.id,
    reference: c.reference,
    title: c.head_name,
    address: addressLine(c.street, c.postal_code, c.city),
    state: c.state,
    matched: matchOf(text, [c.reference], [c.street, c.postal_code, c.city]),
  }));
}
