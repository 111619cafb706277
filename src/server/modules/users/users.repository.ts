import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { containsPattern, PLAN_PER_CALL } from '../../db/patterns.js';
import type { Tx } from '../../db/database.js';

export interface UserWrite {
  display_name: string;
  role: string;
  active: boolean;
  provider_id: string | null;
  carrier_id: string | null;
  carrier_lead: boolean;
  operator_id: string | null;
}

/** Data access for the agency's users, bound to one agency: no query here can leave it. */
export function userRepository(tx: Tx, agencyId: string) {
  const users = () => tx.selectFrom('users').where('agency_id', '=', agencyId);
  return {
    /** Every account, or those whose name or e-mail address contains `search` (case-insensitive). */
    list: (search?: string) =>
      users()
        .selectAll()
        .$if(!!search, (b) =>
          b
            .where((eb) => eb.or([eb('display_name', 'ilike', containsPattern(search!)), eb('email', 'ilike', containsPattern(search!))]))
            .modifyEnd(PLAN_PER_CALL),
        )
        .orderBy('display_name')
        .execute(),
    find: (id: string) => users().selectAll().where('id', '=', id).executeTakeFirst(),
    /** Active office staff (no housing companies, carriers, admins or auditors), for assignment pickers. */
    staff: () =>
      users()
        .select(['id', 'display_name', 'role'])
        .where('active', '=', true)
        .where('role', 'in', ['case_manager', 'social_worker', 'accommodation_worker', 'lead'])
        .orderBy('display_name')
        .execute(),
    /** Whether the address is taken in this agency; the unique index catches the others (23505). */
    emailTaken: async (email: string) => !!(await users().select('id').where('email', '=', email).executeTakeFirst()),
    insert: (u: Omit<UserWrite, 'active'> & { email: string; password_hash: string }) =>
      tx
        .insertInto('users')
        .values({ agency_id: agencyId, ...u })
        .returningAll()
        .executeTakeFirstOrThrow(),
    /** Writes the fields if `version` is still current; undefined when it is not. */
    update: (id: string, version: number, w: UserWrite) =>
      tx
        .updateTable('users')
        .set({ ...w, version: version + 1 })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst(),
    /** A new password also lifts the login throttle. */
    setPassword: (id: string, hash: string) =>
      tx
        .updateTable('users')
        .set({ password_hash: hash, failed_logins: 0, locked_until: null })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute(),

    /** Id, role, name and carrier of these users (unknown ids are absent). */
    facts: (ids: string[]) =>
      ids.length
        ? users().select(['id', 'role', 'display_name', 'carrier_id', 'carrier_lead', 'active']).where('id', 'in', ids).execute()
        : Promise.resolve([]),
    activeIdsWithRoles: async (roles: string[]) =>
      (await users().select('id').where('active', '=', true).where('role', 'in', roles).execute()).map((u) => u.id),
    activeIdsOfCarrier: async (carrierId: string) =>
      (await users().select('id').where('active', '=', true).where('carrier_id', '=', carrierId).execute()).map((u) => u.id),
    /** The active leads of this carrier (a carrier worker flagged `carrier_lead`). */
    activeCarrierLeads: async (carrierId: string) =>
      (
        await users().select('id').where('active', '=', true).where('carrier_id', '=', carrierId).where('carrier_lead', '=', true).execute()
      ).map((u) => u.id),
    activeIdsOfProvider: async (providerId: string) =>
      (await users().select('id').where('active', '=', true).where('provider_id', '=', providerId).execute()).map((u) => u.id),
    /** The user's own settings. */
    settings: (id: string) => users().select(['mail_digest']).where('id', '=', id).executeTakeFirst(),
    setMailDigest: (id: string, on: boolean) =>
      tx
        .updateTable('users')
        .set({ mail_digest: on })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .returning(['mail_digest'])
        .executeTakeFirst(),
    /**
     * Active users who want the digest and have had none on `day`, locked (SKIP LOCKED): a second
     * instance passes over them, and after this one commits the day no longer matches.
     */
    digestRecipients: (day: string) =>
      users()
        .select(['id', 'display_name', 'email', 'digest_sent_at'])
        .where('active', '=', true)
        .where('mail_digest', '=', true)
        .where((eb) => eb.or([eb('digest_sent_on', 'is', null), eb('digest_sent_on', '<', day)]))
        .orderBy('id')
        .forUpdate()
        .skipLocked()
        .execute(),
    markDigestSent: async (id: string, day: string, at: Date) => {
      await tx
        .updateTable('users')
        .set({ digest_sent_on: day, digest_sent_at: at })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute();
    },
    contacts: (ids: string[]) =>
      ids.length ? users().select(['id', 'display_name', 'email', 'active']).where('id', 'in', ids).execute() : Promise.resolve([]),
  };
}
export type UserRepository = ReturnType<typeof userRepository>;

/** Agencies with a user waiting for a digest on `day` — a SECURITY DEFINER function that reveals nothing else. */
export async function agenciesWithDigest(db: Kysely<DB>, day: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`SELECT wh_agencies_with_digest(${day}::date) AS id`.execute(db);
  return rows.map((r) => r.id);
}
