import * as access from '../../platform/access/access.js';
import { roleHas } from '../../platform/access/registry.js';
import { addressLine } from '../../platform/search/hits.js';
import { section, type DeskContribution, type DeskRequest } from '../../platform/desk/desk.contribution.js';
import { addDays, weekEnd } from './aftercare.dates.js';
import { AFTERCARE_EXPORT_LABELS } from './cases.export.js';
import { CARRIER_QUEUE_FIELDS } from './aftercare.present.js';
import { aftercareRepository } from './aftercare.repository.js';
import { caseLink } from './aftercare.shared.js';
import { helpRepository } from './help.repository.js';
import { aftercareDeskRepository } from './desk.repository.js';

const BUCKET_KIND = { overdue: 'visit_overdue', due: 'visit_due', ending: 'ending_soon' } as const;

/**
 * The carrier's waiting work: visits overdue, due this week, help ending within 28 days — the same
 * rows as its queue, only its own consented cases (`aftercareScope`), and logged as a transfer.
 */
async function carrierSections(req: DeskRequest) {
  const { tx, ctx, clock } = req;
  const scope = access.aftercareScope(ctx.actor);
  const rows = await aftercareRepository(tx, ctx.actor.agencyId).queue(
    scope,
    clock.today,
    weekEnd(clock.today),
    addDays(clock.today, 28),
    req.limit,
  );
  const seen = new Map(rows.map((r) => [r.id, r.carrier_id]));
  await helpRepository(tx, ctx.actor.agencyId).logTransfers(
    [...seen].map(([caseId, carrierId]) => ({
      case_id: caseId,
      carrier_id: carrierId,
      user_id: ctx.actor.userId,
      kind: 'queue',
      fields: [...CARRIER_QUEUE_FIELDS],
    })),
  );
  return (['overdue', 'due', 'ending'] as const)
    .map((bucket) => {
      const hits = rows.filter((r) => r.bucket === bucket);
      return section(
        'aftercare',
        BUCKET_KIND[bucket],
        Number(hits[0]?.total ?? 0),
        hits.map((r) => ({
          id: r.id,
          title: `${r.reference} · ${r.head_name}`,
          detail: r.street ? `${r.street}, ${r.postal_code ?? ''} ${r.city ?? ''}`.replace(/\s+/g, ' ').trim() : null,
          due: bucket === 'ending' ? r.granted_until : r.next_visit_due,
          link: caseLink(r.id),
        })),
        clock,
        '/aftercare',
      );
    })
    .filter((s) => s.total > 0);
}

/** The Fachstelle's waiting work: referrals to check for comparable help and to decide. */
async function officeSections(req: DeskRequest) {
  const { rows, total } = await aftercareDeskRepository(req.tx, req.ctx.actor.agencyId).toDecide(
    access.aftercareScope(req.ctx.actor),
    req.limit,
  );
  if (total === 0) return [];
  return [
    section(
      'aftercare',
      'referral_to_decide',
      total,
      rows.map((r) => ({ id: r.id, title: `${r.reference} · ${r.head_name}`, detail: null, due: null, link: caseLink(r.id) })),
      req.clock,
    ),
  ];
}

/** Aftercare on the start page: the carrier's visits, the Fachstelle's referrals to decide. */
export const aftercareDesk: DeskContribution = {
  module: 'aftercare',
  sections: (req) => {
    const { actor } = req.ctx;
    if (roleHas(actor.role, 'aftercare.queue')) return carrierSections(req);
    if (roleHas(actor.role, 'aftercare.decide')) return officeSections(req);
    return Promise.resolve([]);
  },
  async programmes(tx, actor, householdId) {
    if (!roleHas(actor.role, 'aftercare.list')) return [];
    const rows = await aftercareDeskRepository(tx, actor.agencyId).ofHousehold(householdId, access.aftercareScope(actor));
    return rows.map((r) => ({
      module: 'aftercare',
      kind: 'aftercare_case' as const,
      id: r.id,
      reference: r.reference,
      state: r.state,
      address: addressLine(r.street, r.postal_code, r.city),
      rank: null,
      from: r.referred_on,
      until: r.ended_on,
      link: caseLink(r.id),
    }));
  },
  // The consent to the transfer to the carrier (§ 67b SGB X), of the cases the actor may see.
  file: {
    states: { aftercare_case: AFTERCARE_EXPORT_LABELS.state },
    consentForms: AFTERCARE_EXPORT_LABELS.consentForm,
    async consents(tx, actor, householdId) {
      if (!roleHas(actor.role, 'aftercare.read')) return null;
      const rows = await aftercareDeskRepository(tx, actor.agencyId).consentsOf(householdId, access.aftercareScope(actor));
      return rows.map((r) => ({
        purpose: `${r.purpose} (${r.reference})`,
        recipient: r.carrier_name,
        form: r.form,
        givenBy: null,
        givenOn: r.given_on,
        validUntil: null,
        withdrawnOn: r.withdrawn_on,
        withdrawalNote: r.withdrawal_note,
      }));
    },
  },
  recent: {
    aftercare_case: async (req, ids) => {
      const { actor } = req.ctx;
      if (!roleHas(actor.role, 'aftercare.read')) return new Map();
      const rows = await aftercareDeskRepository(req.tx, actor.agencyId).names(ids, access.aftercareScope(actor));
      // A carrier's copy of a name is a logged transfer: its list of recent records names only the case number.
      const carrier = access.isCarrierView(actor);
      return new Map(
        rows.map((r) => [r.id, { title: carrier ? r.reference : `${r.reference} · ${r.head_name}`, detail: null, link: caseLink(r.id) }]),
      );
    },
  },
};
