import * as access from '../../platform/access/access.js';
import { roleHas } from '../../platform/access/registry.js';
import type { DeskContribution } from '../../platform/desk/desk.contribution.js';
import { householdDeskRepository } from './desk.repository.js';

/** Households on the start page: the records the user opened recently (through `householdScope`). */
export const householdDesk: DeskContribution = {
  module: 'households',
  recent: {
    household: async (req, ids) => {
      const { actor } = req.ctx;
      if (!roleHas(actor.role, 'household.read')) return new Map();
      const rows = await householdDeskRepository(req.tx, actor.agencyId).names(ids, access.householdScope(actor));
      return new Map(rows.map((r) => [r.id, { title: `${r.reference} · ${r.head_name}`, detail: null, link: `/households/${r.id}` }]));
    },
  },
};
