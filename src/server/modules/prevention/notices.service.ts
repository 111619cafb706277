import type { z } from 'zod';
import type { TPreventionCase, ZCaseCreate } from '../../../contracts/prevention.js';
import type { Tx } from '../../db/database.js';
import { audit } from '../../platform/audit/audit.js';
import type { Ctx } from '../../platform/http/context.js';
import { caseLink } from './prevention.derive.js';
import type { Kit } from './prevention.shared.js';
import { noticeRepository } from './notices.repository.js';
import { visitRepository } from './visits.repository.js';

const SOURCE: Record<string, string> = {
  court_notice: 'Mitteilung in Zivilsachen',
  landlord: 'Meldung des Vermieters',
  job_centre: 'Meldung des Jobcenters',
  self_referral: 'Selbstmeldung',
  other_service: 'Meldung eines anderen Dienstes',
};

/**
 * A further notice for a household whose prevention case is open: it joins that case's notices
 * (one household, one open case); the case's staff are told. Opening a second case instead takes
 * the explicit `newCase` of the request.
 */
export async function addNotice(
  tx: Tx,
  ctx: Ctx,
  k: Kit,
  open: { id: string; reference: string; case_manager_id: string | null; social_worker_id: string | null },
  householdId: string,
  input: z.output<typeof ZCaseCreate>,
): Promise<TPreventionCase> {
  const notices = noticeRepository(tx, ctx.actor.agencyId);
  const { id } = await notices.add(open.id, input, ctx.actor.userId);
  if (input.visitId) await visitRepository(tx, ctx.actor.agencyId).linkCase(input.visitId, open.id, householdId);
  await k.touch(open.id);
  audit(tx, ctx, { action: 'prevention.notice_added', entityId: open.id, details: { notice: id, source: input.source } });
  await k.fx.inform(
    [...(await k.fx.caseManagersOr(open.case_manager_id)), open.social_worker_id],
    'prevention.notice_added',
    `Weitere Mitteilung zu Fall ${open.reference}`,
    `${SOURCE[input.source] ?? 'Mitteilung'} vom ${input.receivedOn.split('-').reverse().join('.')} zum offenen Fall hinzugefügt.`,
    caseLink(open.id),
  );
  return k.full(open.id);
}
