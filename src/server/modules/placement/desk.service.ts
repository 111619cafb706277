import type { TRole } from '../../../contracts/common.js';
import * as access from '../../platform/access/access.js';
import { roleHas } from '../../platform/access/registry.js';
import { moveSubjectDeadlines } from '../../platform/deadlines/deadlines.service.js';
import { berlinDate } from '../../platform/deadlines/workdays.js';
import { addressLine } from '../../platform/search/hits.js';
import { section, type DeskContribution, type DeskRequest } from '../../platform/desk/desk.contribution.js';
import { candidateRepository } from './candidates.repository.js';
import { CANDIDATE_STATE_LABELS, CONSENT_FORM_LABELS, CONSENT_PURPOSE_LABELS } from './offers.export.js';
import { offerLink } from './placement.effects.js';
import { OFFICE_OPEN_STATES, placementDeskRepository } from './desk.repository.js';

const CASE_MANAGERS: readonly TRole[] = ['case_manager', 'lead'];

const offerTitle = (r: { reference: string; street: string; district: string }) => `${r.reference} · ${r.street} (${r.district})`;

/**
 * The office: offers a company submitted, to check against the programme conditions (a case
 * manager those that are theirs or nobody's, the lead all). A housing company: its drafts not yet
 * sent and its offers the office is working on.
 */
async function sections(req: DeskRequest) {
  const { actor } = req.ctx;
  const repo = placementDeskRepository(req.tx, actor.agencyId);
  const scope = access.providerScope(actor, 'o.provider_id');
  const kinds: { kind: string; states: readonly string[]; mine: string | null }[] = [];
  if (roleHas(actor.role, 'offer.check'))
    kinds.push({ kind: 'offer_to_check', states: ['submitted'], mine: actor.role === 'lead' ? null : actor.userId });
  if (actor.role === 'provider_user') {
    kinds.push(
      { kind: 'offer_draft', states: ['draft'], mine: null },
      { kind: 'offer_in_progress', states: ['submitted', 'shortlisting', 'round_table'], mine: null },
    );
  }
  const out = [];
  for (const k of kinds) {
    const { rows, total } = await repo.inStates(k.states, scope, k.mine, req.limit);
    if (total === 0) continue;
    out.push(
      section(
        'placement',
        k.kind,
        total,
        rows.map((r) => ({ id: r.id, title: offerTitle(r), detail: null, due: null, link: offerLink(r.id) })),
        req.clock,
        '/placement',
      ),
    );
  }
  return out;
}

/** Placement on the start page: offers waiting for the user; offers as work to hand over. */
export const placementDesk: DeskContribution = {
  module: 'placement',
  sections,
  recent: {
    offer: async (req, ids) => {
      if (!roleHas(req.ctx.actor.role, 'offer.read')) return new Map();
      const rows = await placementDeskRepository(req.tx, req.ctx.actor.agencyId).names(
        ids,
        access.providerScope(req.ctx.actor, 'o.provider_id'),
      );
      return new Map(rows.map((r) => [r.id, { title: offerTitle(r), detail: null, link: offerLink(r.id) }]));
    },
  },
  // The consents to share data with a housing company (§ 67b SGB X), as on the household page.
  file: {
    states: { candidacy: CANDIDATE_STATE_LABELS },
    consentForms: CONSENT_FORM_LABELS,
    consentPurposes: CONSENT_PURPOSE_LABELS,
    async consents(tx, actor, householdId) {
      if (!roleHas(actor.role, 'consent.list')) return null;
      const rows = await candidateRepository(tx, actor.agencyId).consents(householdId);
      return rows.map((c) => ({
        purpose: c.purpose,
        recipient: c.provider_name,
        form: c.form,
        givenBy: c.given_by,
        givenOn: c.given_on,
        validUntil: c.valid_until,
        withdrawnOn: c.withdrawn_at ? berlinDate(c.withdrawn_at) : null,
        withdrawalNote: c.withdrawal_note,
      }));
    },
  },
  // A candidacy is shown on its offer's page; the offer's scope decides (staff all, a company its own).
  async programmes(tx, actor, householdId) {
    if (!roleHas(actor.role, 'candidate.list')) return [];
    const rows = await placementDeskRepository(tx, actor.agencyId).candidaciesOf(householdId, access.providerScope(actor, 'o.provider_id'));
    return rows.map((r) => ({
      module: 'placement',
      kind: 'candidacy' as const,
      id: r.id,
      reference: r.reference,
      state: r.status,
      address: addressLine(r.street, r.postal_code, r.city),
      rank: r.rank,
      from: r.created_on,
      until: null,
      link: offerLink(r.offer_id),
    }));
  },
  work: [
    {
      type: 'offer',
      async counts(tx, agencyId) {
        const rows = await placementDeskRepository(tx, agencyId).countsByCaseManager();
        return rows.map((r) => ({ holderId: r.case_manager_id, open: Number(r.open), overdue: 0 }));
      },
      async list(tx, agencyId, holderId) {
        const rows = await placementDeskRepository(tx, agencyId).openOf(holderId);
        return rows.map((r) => ({ id: r.id, title: offerTitle(r), detail: null, due: null, link: offerLink(r.id), roles: CASE_MANAGERS }));
      },
      async load(tx, agencyId, ids) {
        const rows = await placementDeskRepository(tx, agencyId).holdings(ids);
        return rows.map((r) => ({
          id: r.id,
          holderId: r.case_manager_id,
          open: (OFFICE_OPEN_STATES as readonly string[]).includes(r.status),
          roles: CASE_MANAGERS,
        }));
      },
      async move(tx, agencyId, items, toUserId) {
        await placementDeskRepository(tx, agencyId).setCaseManager(
          items.map((i) => i.id),
          toUserId,
        );
        await moveSubjectDeadlines(
          tx,
          items.map((i) => ({ subjectId: i.id, from: i.holderId })),
          toUserId,
        );
      },
    },
  ],
};
