import { sql, type Selectable } from 'kysely';
import type { Tx } from '../../db/database.js';
import { nextReference } from '../../db/references.js';
import type { PrivacyRequestsTable } from '../../db/types.js';

export type RequestRow = Selectable<PrivacyRequestsTable> & {
  household_reference: string;
  member_name: string | null;
  produced_by_name: string | null;
};

/** The access requests of one agency (RLS is the second wall; every query names the agency). */
export function privacyRepository(tx: Tx, agencyId: string) {
  const base = () =>
    tx
      .selectFrom('privacy_requests as r')
      .innerJoin('households as h', 'h.id', 'r.household_id')
      .leftJoin('household_members as m', 'm.id', 'r.member_id')
      .leftJoin('users as pu', 'pu.id', 'r.produced_by')
      .selectAll('r')
      .select(['h.reference as household_reference', 'pu.display_name as produced_by_name'])
      .select(sql<string | null>`CASE WHEN m.id IS NULL THEN NULL ELSE m.first_name || ' ' || m.last_name END`.as('member_name'))
      .where('r.agency_id', '=', agencyId);
  return {
    nextReference: () => nextReference(tx, agencyId, 'privacy', 'A', 4),

    async insert(v: {
      reference: string;
      householdId: string;
      memberId: string | null;
      channel: string;
      receivedOn: string;
      dueOn: string;
      requestedBy: string;
      note: string | null;
      createdBy: string;
    }): Promise<string> {
      const row = await tx
        .insertInto('privacy_requests')
        .values({
          agency_id: agencyId,
          reference: v.reference,
          household_id: v.householdId,
          member_id: v.memberId,
          channel: v.channel,
          received_on: v.receivedOn,
          due_on: v.dueOn,
          requested_by: v.requestedBy,
          note: v.note,
          created_by: v.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    find(id: string): Promise<RequestRow | undefined> {
      return base().where('r.id', '=', id).executeTakeFirst();
    },

    /** The row locked for a step. */
    lock(id: string) {
      return tx
        .selectFrom('privacy_requests')
        .select(['id', 'state', 'version', 'household_id', 'member_id'])
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    async list(q: { state?: string; householdId?: string }, limit: number) {
      const rows = await base()
        .$if(!!q.state, (b) => b.where('r.state', '=', q.state!))
        .$if(!!q.householdId, (b) => b.where('r.household_id', '=', q.householdId!))
        .orderBy('r.due_on', 'asc')
        .orderBy('r.created_at', 'desc')
        .limit(limit)
        .execute();
      return rows;
    },

    async update(
      id: string,
      version: number,
      set: Partial<{
        state: string;
        refusal_reason: string;
        export: string;
        produced_at: Date;
        produced_by: string;
        handed_over_on: string;
        handover_channel: string;
        handed_over_by: string;
      }>,
    ) {
      const res = await tx
        .updateTable('privacy_requests')
        .set({ ...set, updated_at: new Date(), version: sql`version + 1` })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
  };
}
export type PrivacyRepository = ReturnType<typeof privacyRepository>;
