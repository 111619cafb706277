import type { TRole } from '../../../contracts/common.js';
import { roleHas } from '../../platform/access/registry.js';
import { addressLine } from '../../platform/search/hits.js';
import { moveSubjectDeadlines } from '../../platform/deadlines/deadlines.service.js';
import { section, type DeskContribution, type DeskRequest } from '../../platform/desk/desk.contribution.js';
import { caseLink } from './prevention.derive.js';
import { PREVENTION_EXPORT_LABELS } from './prevention.export.js';
import { preventionDeskRepository } from './desk.repository.js';

/** Who may be a case's case manager (the role the `prevention.assign` picker offers). */
const CASE_MANAGERS: readonly TRole[] = ['case_manager', 'lead'];

async function newNotices(req: DeskRequest) {
  const { actor } = req.ctx;
  // Only those who work on cases get them as work; an auditor reads, it has no desk work here.
  if (!roleHas(actor.role, 'prevention.update')) return [];
  const filter =
    actor.role === 'lead'
      ? null
      : actor.role === 'case_manager'
        ? { column: 'case_manager_id' as const, userId: actor.userId, mineOrNobody: true }
        : { column: 'social_worker_id' as const, userId: actor.userId, mineOrNobody: false };
  const { rows, total } = await preventionDeskRepository(req.tx, actor.agencyId).newNotices(filter, req.limit);
  if (total === 0) return [];
  return [
    section(
      'prevention',
      'new_notice',
      total,
      rows.map((r) => ({
        id: r.id,
        title: `${r.reference} · ${r.head_name}`,
        detail: `${r.street}, ${r.city}`,
        due: r.next_contact_due_on,
        link: caseLink(r.id),
      })),
      req.clock,
      '/prevention',
    ),
  ];
}

/** Prevention on the start page: new notices without a contact attempt; its cases as work to hand over. */
export const preventionDesk: DeskContribution = {
  module: 'prevention',
  sections: newNotices,
  recent: {
    prevention_case: async (req, ids) => {
      if (!roleHas(req.ctx.actor.role, 'prevention.read')) return new Map();
      const rows = await preventionDeskRepository(req.tx, req.ctx.actor.agencyId).names(ids);
      return new Map(rows.map((r) => [r.id, { title: `${r.reference} · ${r.head_name}`, detail: null, link: caseLink(r.id) }]));
    },
  },
  file: { states: { prevention_case: PREVENTION_EXPORT_LABELS.state } },
  // The module has no scope narrower than its permission (as its list).
  async programmes(tx, actor, householdId) {
    if (!roleHas(actor.role, 'prevention.list')) return [];
    const rows = await preventionDeskRepository(tx, actor.agencyId).ofHousehold(householdId);
    return rows.map((r) => ({
      module: 'prevention',
      kind: 'prevention_case' as const,
      id: r.id,
      reference: r.reference,
      state: r.status,
      address: addressLine(r.street, r.postal_code, r.city),
      rank: null,
      from: r.received_on,
      until: r.closed_on,
      link: caseLink(r.id),
    }));
  },
  work: [
    {
      type: 'prevention_case',
      async counts(tx, agencyId) {
        const rows = await preventionDeskRepository(tx, agencyId).countsByCaseManager();
        return rows.map((r) => ({ holderId: r.case_manager_id, open: Number(r.open), overdue: 0 }));
      },
      async list(tx, agencyId, holderId) {
        const rows = await preventionDeskRepository(tx, agencyId).openOf(holderId);
        return rows.map((r) => ({
          id: r.id,
          title: `${r.reference} · ${r.head_name}`,
          detail: null,
          due: r.next_contact_due_on ?? r.cure_end,
          link: caseLink(r.id),
          roles: CASE_MANAGERS,
        }));
      },
      async load(tx, agencyId, ids) {
        const rows = await preventionDeskRepository(tx, agencyId).holdings(ids);
        return rows.map((r) => ({ id: r.id, holderId: r.case_manager_id, open: r.status !== 'closed', roles: CASE_MANAGERS }));
      },
      async move(tx, agencyId, items, toUserId) {
        await preventionDeskRepository(tx, agencyId).setCaseManager(
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
