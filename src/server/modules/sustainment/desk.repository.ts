import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../../db/database.js';

/* The sustainment queries behind the start page's names and the hand-over of tenancies (see desk.service.ts). */

export function sustainmentDeskRepository(tx: Tx, agencyId: string) {
  const tenancies = () =>
    tx.selectFrom('tenancies as t').innerJoin('households as h', 'h.id', 't.household_id').where('t.agency_id', '=', agencyId);
  return {
    /** The household's tenancies within the scope (the actor's `providerScope` on `t.provider_id`), newest first. */
    ofHousehold: (householdId: string, scope: RawBuilder<SqlBool>) =>
      tx
        .selectFrom('tenancies as t')
        .where('t.agency_id', '=', agencyId)
        .where('t.household_id', '=', householdId)
        .where(scope)
        .select(['t.id', 't.reference', 't.status', 't.street', 't.postal_code', 't.city', 't.lease_start', 't.ended_on'])
        .orderBy('t.lease_start', 'desc')
        .orderBy('t.id')
        .execute(),

    /** Names of these tenancies that `scope` (the actor's `providerScope` on `t.provider_id`) shows. */
    tenancyNames: (ids: string[], scope: RawBuilder<SqlBool>) =>
      ids.length
        ? tenancies().where('t.id', 'in', ids).where(scope).select(['t.id', 't.reference', 't.street', 'h.head_name']).execute()
        : Promise.resolve([]),

    countsByContactPerson: () =>
      tenancies()
        .where('t.status', '=', 'active')
        .groupBy('t.contact_person_id')
        .select((eb) => ['t.contact_person_id', eb.fn.countAll<number>().as('open')])
        .execute(),

    activeOf: (holderId: string | null) =>
      tenancies()
        .where('t.status', '=', 'active')
        .where('t.contact_person_id', holderId === null ? 'is' : '=', holderId)
        .select(['t.id', 't.reference', 't.street', 't.guarantee_end', 'h.head_name'])
        .orderBy('t.reference')
        .limit(500)
        .execute(),

    holdings: (ids: string[]) =>
      ids.length
        ? tx
            .selectFrom('tenancies')
            .where('agency_id', '=', agencyId)
            .where('id', 'in', ids)
            .select(['id', 'contact_person_id', 'status'])
            .forUpdate()
            .execute()
        : Promise.resolve([]),

    setContactPerson: async (ids: string[], to: string) => {
      if (ids.length === 0) return;
      await tx
        .updateTable('tenancies')
        .set({ contact_person_id: to, version: sql`version + 1`, updated_at: new Date() })
        .where('agency_id', '=', agencyId)
        .where('id', 'in', ids)
        .execute();
    },
  };
}
