import { sql, type Selectable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { CandidatesTable, ConsentsTable, RoundTablesTable, ViewingsTable } from '../../db/types.js';

export type CandidateRow = Selectable<CandidatesTable> & {
  reference: string;
  head_name: string;
  first_name: string | null;
  persons: number;
  children: number;
  pets: boolean;
  social_worker_id: string | null;
  situation: string;
  picked_by_name: string | null;
};
export type ViewingRow = Selectable<ViewingsTable>;
export type RoundTableRow = Selectable<RoundTablesTable>;

/** Candidates, consents, disclosures, meetings and tenancies, bound to one agency. */
export function candidateRepository(tx: Tx, agencyId: string) {
  const candidates = () =>
    tx
      .selectFrom('candidates as c')
      .innerJoin('households as h', 'h.id', 'c.household_id')
      .leftJoin('users as u', 'u.id', 'c.picked_by')
      .selectAll('c')
      .select([
        'h.reference',
        'h.head_name',
        'h.persons',
        'h.children',
        'h.pets',
        'h.social_worker_id',
        'h.situation',
        'u.display_name as picked_by_name',
      ])
      .select((eb) =>
        eb
          .selectFrom('household_members as m')
          .select('m.first_name')
          .whereRef('m.household_id', '=', 'h.id')
          .orderBy(sql`m.relationship = 'head'`, 'desc')
          .orderBy('m.position')
          .limit(1)
          .as('first_name'),
      )
      .where('c.agency_id', '=', agencyId);

  return {
    ofOffer(offerId: string, round?: number): Promise<CandidateRow[]> {
      return candidates()
        .where('c.offer_id', '=', offerId)
        .$if(round !== undefined, (q) => q.where('c.round', '=', round!))
        .orderBy('c.round', 'desc')
        .orderBy('c.created_at')
        .execute();
    },
    find(id: string): Promise<CandidateRow | undefined> {
      return candidates().where('c.id', '=', id).executeTakeFirst();
    },
    countInRound(offerId: string, round: number) {
      return tx
        .selectFrom('candidates')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('agency_id', '=', agencyId)
        .where('offer_id', '=', offerId)
        .where('round', '=', round)
        .executeTakeFirstOrThrow();
    },
    insert(values: {
      offer_id: string;
      household_id: string;
      round: number;
      ranking_id: string | null;
      rank: number | null;
      score: number | null;
      pseudonym: string;
      comment: string;
      move_in_from: string | null;
      picked_by: string;
    }) {
      return tx
        .insertInto('candidates')
        .values({ agency_id: agencyId, status: 'shortlisted', ...values })
        .returning('id')
        .executeTakeFirstOrThrow();
    },
    set(
      id: string,
      values: Partial<{
        status: string;
        consent_id: string | null;
        refusal_reason: string | null;
        refusal_text: string | null;
        veto_reason: string | null;
        decision_due_at: Date | null;
      }>,
    ) {
      return tx
        .updateTable('candidates')
        .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute();
    },
    /** Moves every open candidate of the offer's round (but `except`) to not_selected; returns them. */
    releaseOthers(offerId: string, round: number, except: string | null, states: readonly string[]) {
      return tx
        .updateTable('candidates')
        .set({ status: 'not_selected', decision_due_at: null, version: sql`version + 1`, updated_at: new Date() })
        .where('agency_id', '=', agencyId)
        .where('offer_id', '=', offerId)
        .where('round', '=', round)
        .where('status', 'in', [...states])
        .$if(!!except, (q) => q.where('id', '<>', except!))
        .returning(['id', 'household_id', 'pseudonym'])
        .execute();
    },
    // --- consent ------------------------------------------------------------------------------
    consents(householdId: string) {
      return tx
        .selectFrom('consents as c')
        .innerJoin('housing_providers as p', 'p.id', 'c.recipient_provider_id')
        .leftJoin('users as u', 'u.id', 'c.recorded_by')
        .selectAll('c')
        .select(['p.name as provider_name', 'u.display_name as recorded_by_name'])
        .where('c.agency_id', '=', agencyId)
        .where('c.household_id', '=', householdId)
        .orderBy('c.recorded_at', 'desc')
        .execute();
    },
    /** The household's valid consent to disclose to this provider for placement, today. */
    async validConsent(householdId: string, providerId: string, today: string) {
      return (await this.validConsents([householdId], providerId, today)).get(householdId);
    },
    /** The newest valid placement consent per household for this provider, today (one query for a list). */
    async validConsents(householdIds: string[], providerId: string, today: string) {
      if (!householdIds.length) return new Map<string, Selectable<ConsentsTable>>();
      const rows = await tx
        .selectFrom('consents')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('household_id', 'in', householdIds)
        .where('recipient_provider_id', '=', providerId)
        .where('purpose', '=', 'placement_disclosure')
        .where('withdrawn_at', 'is', null)
        .where('given_on', '<=', today)
        .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', today)]))
        .orderBy('given_on', 'asc')
        .execute();
      return new Map(rows.map((r) => [r.household_id, r]));
    },
    insertConsent(values: {
      household_id: string;
      recipient_provider_id: string;
      given_by: string;
      given_on: string;
      form: string;
      minute: string | null;
      text_version: string;
      valid_until: string | null;
      recorded_by: string;
    }) {
      return tx
        .insertInto('consents')
        .values({ agency_id: agencyId, purpose: 'placement_disclosure', ...values })
        .returning('id')
        .executeTakeFirstOrThrow();
    },
    withdrawConsent(householdId: string, id: string, by: string, note: string | null) {
      return tx
        .updateTable('consents')
        .set({ withdrawn_at: new Date(), withdrawn_by: by, withdrawal_note: note })
        .where('agency_id', '=', agencyId)
        .where('household_id', '=', householdId)
        .where('id', '=', id)
        .where('withdrawn_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
    },
    addDisclosure(values: {
      candidate_id: string;
      household_id: string;
      provider_id: string;
      consent_id: string;
      fields: string[];
      disclosed_by: string;
    }) {
      return tx
        .insertInto('disclosures')
        .values({ agency_id: agencyId, ...values })
        .execute();
    },

    // --- round tables and viewings ------------------------------------------------------------
    roundTables(offerId: string) {
      return tx
        .selectFrom('round_tables')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('offer_id', '=', offerId)
        .orderBy('starts_at')
        .execute();
    },
    roundTable(id: string) {
      return tx.selectFrom('round_tables').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst();
    },
    insertRoundTable(values: {
      offer_id: string;
      round: number;
      starts_at: Date;
      ends_at: Date;
      participant_ids: string[];
      video_url: string | null;
      ics_uid: string;
      created_by: string;
    }) {
      return tx
        .insertInto('round_tables')
        .values({ agency_id: agencyId, ...values })
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    updateRoundTable(
      id: string,
      version: number,
      values: Partial<{
        starts_at: Date;
        ends_at: Date;
        participant_ids: string[];
        status: string;
        minutes: string;
        bumpSequence: boolean;
      }>,
    ) {
      const { bumpSequence, ...rest } = values;
      return tx
        .updateTable('round_tables')
        .set({ ...rest, version: sql`version + 1`, ...(bumpSequence ? { sequence: sql`sequence + 1` } : {}) })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
    },
    viewingsOfOffer(offerId: string) {
      return tx
        .selectFrom('viewings')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('offer_id', '=', offerId)
        .orderBy('starts_at')
        .execute();
    },
    viewing(id: string) {
      return tx.selectFrom('viewings').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst();
    },
    insertViewing(values: {
      offer_id: string;
      candidate_id: string;
      starts_at: Date;
      ends_at: Date;
      place: string;
      attendee_ids: string[];
      ics_uid: string;
      created_by: string;
    }) {
      return tx
        .insertInto('viewings')
        .values({ agency_id: agencyId, ...values })
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    updateViewing(
      id: string,
      version: number,
      values: Partial<{
        starts_at: Date;
        ends_at: Date;
        place: string;
        attendee_ids: string[];
        status: string;
        outcome: string;
        bumpSequence: boolean;
      }>,
    ) {
      const { bumpSequence, ...rest } = values;
      return tx
        .updateTable('viewings')
        .set({ ...rest, version: sql`version + 1`, ...(bumpSequence ? { sequence: sql`sequence + 1` } : {}) })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
    },
  };
}
export type CandidateRepository = ReturnType<typeof candidateRepository>;
