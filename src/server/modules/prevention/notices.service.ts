import type { z } from 'zod';
import { ZNoticeInput, type TPreventionCase, type ZCaseCreate } from '../../../contracts/prevention.js';
import type { Tx } from '../../db/database.js';
import { audit, subjectOf } from '../../platform/audit/audit.js';
import type { Ctx } from '../../platform/http/context.js';
import { householdMembers } from '../households/households.service.js';
import { openCasesInBulk } from './prevention.bulk.js';
import { caseLink } from './prevention.derive.js';
import { kit, type Kit } from './prevention.shared.js';
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
    { text: { key: 'notice.noticeAdded', params: { reference: open.reference, source: input.source, receivedOn: input.receivedOn } } },
  );
  return k.full(open.id);
}

/** What an aftercare visit found that puts the home at risk again (early warning back to prevention). */
export interface EarlyWarning {
  householdId: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string | null;
  arrearsCents: number | null;
  /** e.g. "Neue Mietrückstände, Kündigung" */
  findings: string;
  receivedOn: string;
  /** The carrier that reported, for the notice's sender. */
  carrierName: string;
  aftercareReference: string;
}

/**
 * For the aftercare module, on a visit it has already authorised: a notice for the Fachstelle in
 * the visit's own transaction — it joins the household's open prevention case, or opens one (the
 * contact procedure starts). Returns the case id; the carrier is told only that it was received.
 */
export async function noticeFromAftercare(tx: Tx, ctx: Ctx, w: EarlyWarning): Promise<{ caseId: string }> {
  const members = await householdMembers(tx, ctx.actor.agencyId, w.householdId);
  const tenants = members
    .filter((m) => m.relationship !== 'child')
    .map((m) => ({ firstName: m.first_name, lastName: m.last_name, birthDate: m.birth_date, gender: m.gender, phone: m.phone }));
  const notice = ZNoticeInput.parse({
    source: 'other_service',
    sourceDetail: `Nachsorge ${w.aftercareReference} (${w.carrierName})`.slice(0, 200),
    receivedOn: w.receivedOn,
    tenants: tenants.length ? tenants.slice(0, 10) : [{ firstName: '–', lastName: 'Haushalt', phone: w.phone }],
    street: w.street,
    postalCode: w.postalCode,
    city: w.city,
    arrearsCents: w.arrearsCents,
    note: `Frühwarnung aus der Nachsorge: ${w.findings}`.slice(0, 4000),
  });
  const k = kit(tx, ctx);
  const open = await noticeRepository(tx, ctx.actor.agencyId).openCaseOf(w.householdId);
  if (open) {
    const { id } = await noticeRepository(tx, ctx.actor.agencyId).add(open.id, notice, ctx.actor.userId);
    await k.touch(open.id);
    audit(tx, ctx, {
      action: 'prevention.notice_added',
      entityId: open.id,
      details: { notice: id, source: notice.source, from: 'aftercare' },
    });
    await k.fx.inform(
      [...(await k.fx.caseManagersOr(open.case_manager_id)), open.social_worker_id],
      'prevention.notice_added',
      `Frühwarnung aus der Nachsorge zu Fall ${open.reference}`,
      `${w.carrierName}: ${w.findings}.`,
      caseLink(open.id),
      { text: { key: 'notice.earlyWarningAdded', params: { reference: open.reference, carrier: w.carrierName, findings: w.findings } } },
    );
    return { caseId: open.id };
  }
  const res = await openCasesInBulk(tx, subjectOf(ctx), [
    { notice, householdId: w.householdId, caseManagerId: null, socialWorkerId: null, visitId: null },
  ]);
  const caseId = res.caseIds[0]!;
  await k.fx.inform(
    await k.fx.caseManagersOr(null),
    'prevention.case_opened',
    `Frühwarnung aus der Nachsorge ${res.references[0]}: sofort Kontakt aufnehmen`,
    `${w.carrierName} meldet beim Hausbesuch: ${w.findings}. Das Kontaktverfahren beginnt heute.`,
    caseLink(caseId),
    { text: { key: 'notice.earlyWarningCase', params: { reference: res.references[0]!, carrier: w.carrierName, findings: w.findings } } },
  );
  return { caseId };
}
