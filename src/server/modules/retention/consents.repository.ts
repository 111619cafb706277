import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

export interface ConsentReportRow {
  kind: 'expiring' | 'withdrawn' | 'refused';
  programme: 'placement' | 'aftercare';
  household_id: string;
  reference: string;
  head_name: string;
  consent_id: string | null;
  recipient: string;
  on: string;
  reason: 'withdrawn' | 'expired' | 'missing' | null;
}

/*
 * The consent report reads the consents of placement (to housing companies) and aftercare (to
 * carriers) and the refused transfers: one statement, bound parameters.
 */
export function consentReportRepository(tx: Tx, agencyId: string) {
  return {
    /** Consents expiring between today and `until`, withdrawn in the last `sinceDays`, and refusals since then. */
    report: (today: string, until: string, since: string) =>
      sql<ConsentReportRow>`
        SELECT * FROM (
          SELECT 'expiring' AS kind, 'placement' AS programme, c.household_id, h.reference, h.head_name, c.id AS consent_id,
                 p.name AS recipient, c.valid_until::text AS on, NULL AS reason
          FROM consents c JOIN households h ON h.agency_id = c.agency_id AND h.id = c.household_id
          JOIN housing_providers p ON p.agency_id = c.agency_id AND p.id = c.recipient_provider_id
          WHERE c.agency_id = ${agencyId} AND c.withdrawn_at IS NULL AND c.valid_until BETWEEN ${today}::date AND ${until}::date
          UNION ALL
          SELECT 'expiring', 'aftercare', c.household_id, h.reference, h.head_name, c.id, k.name, c.valid_until::text, NULL
          FROM aftercare_consents c JOIN households h ON h.agency_id = c.agency_id AND h.id = c.household_id
          JOIN carriers k ON k.agency_id = c.agency_id AND k.id = c.carrier_id
          WHERE c.agency_id = ${agencyId} AND c.withdrawn_on IS NULL AND c.valid_until BETWEEN ${today}::date AND ${until}::date
          UNION ALL
          SELECT 'withdrawn', 'placement', c.household_id, h.reference, h.head_name, c.id, p.name,
                 (c.withdrawn_at AT TIME ZONE 'Europe/Berlin')::date::text, NULL
          FROM consents c JOIN households h ON h.agency_id = c.agency_id AND h.id = c.household_id
          JOIN housing_providers p ON p.agency_id = c.agency_id AND p.id = c.recipient_provider_id
          WHERE c.agency_id = ${agencyId} AND (c.withdrawn_at AT TIME ZONE 'Europe/Berlin')::date >= ${since}::date
          UNION ALL
          SELECT 'withdrawn', 'aftercare', c.household_id, h.reference, h.head_name, c.id, k.name, c.withdrawn_on::text, NULL
          FROM aftercare_consents c JOIN households h ON h.agency_id = c.agency_id AND h.id = c.household_id
          JOIN carriers k ON k.agency_id = c.agency_id AND k.id = c.carrier_id
          WHERE c.agency_id = ${agencyId} AND c.withdrawn_on >= ${since}::date
          UNION ALL
          SELECT 'refused', r.programme, r.household_id, h.reference, h.head_name, r.consent_id, r.recipient,
                 to_char(r.attempted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), r.reason
          FROM consent_refusals r JOIN households h ON h.agency_id = r.agency_id AND h.id = r.household_id
          WHERE r.agency_id = ${agencyId} AND (r.attempted_at AT TIME ZONE 'Europe/Berlin')::date >= ${since}::date) x
        ORDER BY kind, "on" DESC, reference
        LIMIT 1000`
        .execute(tx)
        .then((r) => r.rows),

    /** Records a refused transfer (in a transaction of its own, after the refused step rolled back). */
    refusal: (r: {
      household_id: string;
      programme: string;
      consent_id: string | null;
      recipient: string;
      reason: string;
      attempted_by: string | null;
    }) =>
      tx
        .insertInto('consent_refusals')
        .values({ agency_id: agencyId, ...r })
        .execute(),

    /** The household's latest consent to this company, valid or not (why a transfer was refused). */
    latestPlacementConsent: (householdId: string, providerId: string) =>
      tx
        .selectFrom('consents')
        .select(['id', 'withdrawn_at', 'valid_until'])
        .where('agency_id', '=', agencyId)
        .where('household_id', '=', householdId)
        .where('recipient_provider_id', '=', providerId)
        .orderBy('recorded_at', 'desc')
        .limit(1)
        .executeTakeFirst(),

    providerName: (providerId: string) =>
      tx
        .selectFrom('housing_providers')
        .select('name')
        .where('agency_id', '=', agencyId)
        .where('id', '=', providerId)
        .executeTakeFirst()
        .then((r) => r?.name ?? providerId),
  };
}
