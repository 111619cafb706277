import type { TRole } from '../../../contracts/common.js';
import * as access from '../../platform/access/access.js';
import { roleHas } from '../../platform/access/registry.js';
import { moveSubjectDeadlines } from '../../platform/deadlines/deadlines.service.js';
import { addressLine } from '../../platform/search/hits.js';
import { section, type DeskContribution, type DeskRequest } from '../../platform/desk/desk.contribution.js';
import { incidentRepository } from './incidents.repository.js';
import { sustainmentDeskRepository } from './desk.repository.js';
import { incidentLink, tenancyLink } from './sustainment.effects.js';
import { TENANCY_EXPORT_LABELS } from './tenancies.export.js';

const CONTACT_PERSONS: readonly TRole[] = ['case_manager', 'lead'];

/** Open incidents (rent default, conflict) in the user's sustainment scope, next deadline first. */
async function openIncidents(req: DeskRequest) {
  const { actor } = req.ctx;
  if (!roleHas(actor.role, 'incident.list')) return [];
  const { rows, total } = await incidentRepository(req.tx, actor.agencyId).list(
    access.incidentScope(actor),
    { state: 'open', mineUserId: null },
    1,
    req.limit,
  );
  if (total === 0) return [];
  return [
    section(
      'sustainment',
      'open_incident',
      total,
      rows.map((r) => ({
        id: r.id,
        title: `${r.reference} · ${r.tenancy_reference}`,
        // A company sees no household names on its incidents' list, so the desk shows it none either.
        detail: access.isProviderView(actor) ? r.street : `${r.head_name}, ${r.street}`,
        // The office's deadlines are not the company's: it sees the incident, not their dates.
        due: access.isProviderView(actor) ? null : ((r.nd_due_at as Date | null) ?? null),
        link: incidentLink(r.id),
      })),
      req.clock,
      '/sustainment',
    ),
  ];
}

/** Sustainment on the start page: open incidents; tenancies (fixed contact person) as work to hand over. */
export const sustainmentDesk: DeskContribution = {
  module: 'sustainment',
  sections: openIncidents,
  recent: {
    tenancy: async (req, ids) => {
      const { actor } = req.ctx;
      if (!roleHas(actor.role, 'tenancy.read')) return new Map();
      const rows = await sustainmentDeskRepository(req.tx, actor.agencyId).tenancyNames(ids, access.providerScope(actor, 't.provider_id'));
      return new Map(
        rows.map((r) => [
          r.id,
          {
            title: access.isProviderView(actor) ? `${r.reference} · ${r.street}` : `${r.reference} · ${r.head_name}`,
            detail: null,
            link: tenancyLink(r.id),
          },
        ]),
      );
    },
  },
  file: { states: { tenancy: TENANCY_EXPORT_LABELS.status } },
  async programmes(tx, actor, householdId) {
    if (!roleHas(actor.role, 'tenancy.list')) return [];
    const rows = await sustainmentDeskRepository(tx, actor.agencyId).ofHousehold(householdId, access.providerScope(actor, 't.provider_id'));
    return rows.map((r) => ({
      module: 'sustainment',
      kind: 'tenancy' as const,
      id: r.id,
      reference: r.reference,
      state: r.status,
      address: addressLine(r.street, r.postal_code, r.city),
      rank: null,
      from: r.lease_start,
      until: r.ended_on,
      link: tenancyLink(r.id),
    }));
  },
  work: [
    {
      type: 'tenancy',
      async counts(tx, agencyId) {
        const rows = await sustainmentDeskRepository(tx, agencyId).countsByContactPerson();
        return rows.map((r) => ({ holderId: r.contact_person_id, open: Number(r.open), overdue: 0 }));
      },
      async list(tx, agencyId, holderId) {
        const rows = await sustainmentDeskRepository(tx, agencyId).activeOf(holderId);
        return rows.map((r) => ({
          id: r.id,
          title: `${r.reference} · ${r.head_name}`,
          detail: r.street,
          due: null,
          link: tenancyLink(r.id),
          roles: CONTACT_PERSONS,
        }));
      },
      async load(tx, agencyId, ids) {
        const rows = await sustainmentDeskRepository(tx, agencyId).holdings(ids);
        return rows.map((r) => ({ id: r.id, holderId: r.contact_person_id, open: r.status === 'active', roles: CONTACT_PERSONS }));
      },
      async move(tx, agencyId, items, toUserId) {
        await sustainmentDeskRepository(tx, agencyId).setContactPerson(
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
