import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

/*
 * The platform's writes of steering bodies and target agreements, as the table owner (CLI and seed;
 * the app role may only read these tables). A steering body gets a tenant of its own (an `agencies`
 * row) for its users, sessions and audit trail; it never holds case data.
 */

export interface NewSteeringBody {
  /** The tenant's id (the demo fixes it; otherwise generated). */
  agencyId?: string;
  name: string;
  ags: string;
  federalState: string;
}

export interface NewAgreement {
  bodyAgencyId: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  figureIds: string[];
  members: { agencyId: string; joinedOn: string }[];
}

export function bodiesRepository(owner: Kysely<DB>) {
  return {
    /** Creates the body and its tenant; returns the tenant's id. */
    createBody: (b: NewSteeringBody) =>
      owner.transaction().execute(async (trx) => {
        const agency = await trx
          .insertInto('agencies')
          .values({
            ...(b.agencyId ? { id: b.agencyId } : {}),
            name: b.name,
            ags: b.ags,
            federal_state: b.federalState,
            reference_prefix: 'ST',
            settings: JSON.stringify({ totpRequiredRoles: ['steering'], sessionIdleMinutes: 30 }),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.insertInto('steering_bodies').values({ agency_id: agency.id, name: b.name }).execute();
        return agency.id;
      }),

    bodyByAgs: (ags: string) =>
      owner
        .selectFrom('steering_bodies as b')
        .innerJoin('agencies as a', 'a.id', 'b.agency_id')
        .select(['b.id', 'b.agency_id', 'b.name'])
        .where('a.ags', '=', ags)
        .executeTakeFirst(),

    /** Agencies of case data with this AGS (never another steering body's tenant). */
    memberAgenciesByAgs: (ags: string[]) =>
      owner
        .selectFrom('agencies as a')
        .select(['a.id', 'a.ags', 'a.name'])
        .where('a.ags', 'in', ags)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('steering_bodies as b').select('b.id').whereRef('b.agency_id', '=', 'a.id'))))
        .execute(),

    createAgreement: (a: NewAgreement) =>
      owner.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('target_agreements')
          .values({ agency_id: a.bodyAgencyId, name: a.name, valid_from: a.validFrom, valid_to: a.validTo, figure_ids: a.figureIds })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (a.members.length)
          await trx
            .insertInto('target_agreement_members')
            .values(
              a.members.map((m) => ({
                agreement_id: row.id,
                agency_id: a.bodyAgencyId,
                member_agency_id: m.agencyId,
                joined_on: m.joinedOn,
              })),
            )
            .execute();
        return row.id;
      }),
  };
}
