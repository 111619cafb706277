import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

/*
 * Steering bodies and target agreements (platform data, read-only for the app). Row-level security
 * shows a steering body's tenant its own body and agreements, and a member agency the agreements it
 * joined with their member lists (migration 2026-12-09T10-00_steering_bodies).
 */

export interface AgreementRow {
  id: string;
  name: string;
  valid_from: string;
  valid_to: string | null;
  figure_ids: string[];
}

export function cityRepository(tx: Tx, agencyId: string) {
  return {
    /** The steering body whose tenant this is, if any. */
    body: () => tx.selectFrom('steering_bodies').select(['id', 'name']).where('agency_id', '=', agencyId).executeTakeFirst(),

    /** The steering body's agreements, the latest begun first. */
    agreementsOfBody: () =>
      tx
        .selectFrom('target_agreements')
        .select(['id', 'name', 'valid_from', 'valid_to', 'figure_ids'])
        .where('agency_id', '=', agencyId)
        .orderBy('valid_from', 'desc')
        .orderBy('name')
        .execute(),

    /** The agreements this agency joined that overlap a period, the latest begun first. */
    agreementsJoined: (from: string, to: string) =>
      tx
        .selectFrom('target_agreements as a')
        .innerJoin('target_agreement_members as m', 'm.agreement_id', 'a.id')
        .select(['a.id', 'a.name', 'a.valid_from', 'a.valid_to', 'a.figure_ids'])
        .where('m.member_agency_id', '=', agencyId)
        .where('m.joined_on', '<=', to)
        .where('a.valid_from', '<=', to)
        .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>=', from)]))
        .orderBy('a.valid_from', 'desc')
        .execute(),

    /** Member agencies of agreements that had joined by `day`, per agreement in a stable order. */
    members: (agreementIds: string[], day: string) =>
      agreementIds.length === 0
        ? Promise.resolve([])
        : sql<{ agreement_id: string; member_agency_id: string; joined_on: string }>`
            SELECT agreement_id, member_agency_id, joined_on::text AS joined_on
            FROM target_agreement_members
            WHERE agreement_id = ANY (${agreementIds}::uuid[]) AND joined_on <= ${day}::date
            ORDER BY agreement_id, joined_on, member_agency_id`
            .execute(tx)
            .then((r) => r.rows),
  };
}
