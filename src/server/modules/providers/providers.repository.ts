import type { Tx } from '../../db/database.js';

/** Housing providers (Wohnungsunternehmen) and NGO carriers: the same shape, two tables. */
export const ORG_TABLES = { provider: 'housing_providers', carrier: 'carriers' } as const;
export type OrgKind = keyof typeof ORG_TABLES;

export interface OrgFields {
  name: string;
  contact_name: string | null;
  email: string | null;
  phone: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
}

/** Data access for one kind of organisation, bound to one agency: no query here can leave it. */
export function organisationRepository(tx: Tx, agencyId: string, kind: OrgKind) {
  const table = ORG_TABLES[kind];
  return {
    list: () => tx.selectFrom(table).selectAll().where('agency_id', '=', agencyId).orderBy('name').execute(),
    find: (id: string) => tx.selectFrom(table).selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    insert: (fields: OrgFields) =>
      tx
        .insertInto(table)
        .values({ agency_id: agencyId, ...fields })
        .returningAll()
        .executeTakeFirstOrThrow(),
    /** Writes the fields if `version` is still current; undefined when it is not. */
    update: (id: string, version: number, fields: OrgFields) =>
      tx
        .updateTable(table)
        .set({ ...fields, version: version + 1 })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst(),
  };
}
