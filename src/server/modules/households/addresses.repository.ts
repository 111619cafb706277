import { sql, type Selectable } from 'kysely';
import type { Tx } from '../../db/database.js';
import { containsPattern } from '../../db/patterns.js';
import type { HouseholdAddressesTable } from '../../db/types.js';

export type AddressRow = Selectable<HouseholdAddressesTable> & { created_by_name: string | null };

export interface AddressWrite {
  kind: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  district: string | null;
  validFrom: string;
  validTo: string | null;
  note: string | null;
}

const columns = (w: AddressWrite) => ({
  kind: w.kind,
  street: w.street,
  postal_code: w.postalCode,
  city: w.city,
  district: w.district,
  valid_from: w.validFrom,
  valid_to: w.validTo,
  note: w.note,
});

/** The address and whereabouts history of households, bound to one agency. */
export function addressRepository(tx: Tx, agencyId: string) {
  const withAuthor = () =>
    tx
      .selectFrom('household_addresses as a')
      .leftJoin('users as u', 'u.id', 'a.created_by')
      .selectAll('a')
      .select('u.display_name as created_by_name')
      .where('a.agency_id', '=', agencyId);

  return {
    /** Every entry of the household, the current one first, then newest first. */
    history(householdId: string): Promise<AddressRow[]> {
      return withAuthor()
        .where('a.household_id', '=', householdId)
        .orderBy(sql`a.valid_to IS NULL`, 'desc')
        .orderBy('a.valid_from', 'desc')
        .orderBy('a.created_at', 'desc')
        .execute();
    },

    find(householdId: string, id: string): Promise<AddressRow | undefined> {
      return withAuthor().where('a.household_id', '=', householdId).where('a.id', '=', id).executeTakeFirst();
    },

    /** The current entry, locked for the move (a concurrent move waits, then sees the new one). */
    currentForUpdate(householdId: string) {
      return tx
        .selectFrom('household_addresses')
        .select(['id', 'valid_from'])
        .where('agency_id', '=', agencyId)
        .where('household_id', '=', householdId)
        .where('valid_to', 'is', null)
        .forUpdate()
        .executeTakeFirst();
    },

    /** Ends an entry on `validTo` (the day before the next one begins). */
    async close(id: string, validTo: string, by: string): Promise<void> {
      await tx
        .updateTable('household_addresses')
        .set((eb) => ({ valid_to: validTo, version: eb('version', '+', 1), updated_by: by, updated_at: new Date() }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute();
    },

    insert(householdId: string, w: AddressWrite, by: string) {
      return tx
        .insertInto('household_addresses')
        .values({ agency_id: agencyId, household_id: householdId, ...columns(w), created_by: by, updated_by: by })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    /** Updates only when `version` is still current; undefined means someone else was first. */
    update(householdId: string, id: string, version: number, w: AddressWrite, by: string) {
      return tx
        .updateTable('household_addresses')
        .set((eb) => ({ ...columns(w), version: eb('version', '+', 1), updated_by: by, updated_at: new Date() }))
        .where('agency_id', '=', agencyId)
        .where('household_id', '=', householdId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst();
    },

    /**
     * For the global search: households whose current address contains `text` (street, postal code,
     * city or district; lower case), at most `limit`. A scan of the agency's current entries (one per
     * household); the caller applies the actor's household scope.
     */
    searchCurrent(text: string, limit: number) {
      return tx
        .selectFrom('household_addresses')
        .select(['household_id', 'street', 'postal_code', 'city'])
        .where('agency_id', '=', agencyId)
        .where('valid_to', 'is', null)
        .where(sql<string>`lower(concat_ws(' ', street, postal_code, city, district))`, 'like', containsPattern(text))
        .orderBy('household_id')
        .limit(limit)
        .execute();
    },

    /** Another entry of the household overlapping [from, to] (to null = open-ended), if any. */
    overlapping(householdId: string, from: string, to: string | null, exceptId: string | null) {
      return tx
        .selectFrom('household_addresses')
        .select(['id', 'valid_from', 'valid_to'])
        .where('agency_id', '=', agencyId)
        .where('household_id', '=', householdId)
        .$if(!!exceptId, (q) => q.where('id', '<>', exceptId!))
        .where(sql<boolean>`daterange(valid_from, valid_to, '[]') && daterange(${from}::date, ${to}::date, '[]')`)
        .orderBy('valid_from')
        .executeTakeFirst();
    },
  };
}
export type AddressRepository = ReturnType<typeof addressRepository>;
