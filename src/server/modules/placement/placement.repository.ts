import { sql, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { ZOfferInput, ZOfferListQuery } from '../../../contracts/placement.js';
import type { Tx } from '../../db/database.js';
import { nextReference } from '../../db/references.js';
import type { OffersTable } from '../../db/types.js';
import { conditionsRepository } from './conditions.repository.js';
import { OPEN_OFFER_STATES } from './placement.machine.js';
import { containsPattern, PLAN_PER_CALL } from '../../db/patterns.js';

export type OfferRow = Selectable<OffersTable> & { provider_name: string; case_manager_name: string | null };
type OfferInput = z.output<typeof ZOfferInput>;
type ListQuery = z.output<typeof ZOfferListQuery>;

const columnsOf = (i: OfferInput) => ({
  street: i.street,
  postal_code: i.postalCode,
  city: i.city,
  district: i.district,
  floor: i.floor,
  lift: i.lift,
  living_space: i.livingSpace,
  rooms: i.rooms,
  cold_rent_cents: i.coldRentCents,
  service_charges_cents: i.serviceChargesCents,
  heating_cents: i.heatingCents,
  heating_type: i.heatingType,
  deposit_cents: i.depositCents,
  equipment: i.equipment,
  step_free: i.stepFree,
  wheelchair: i.wheelchair,
  available_from: i.availableFrom,
  pets_allowed: i.petsAllowed,
  preferred: i.preferred,
  hints: i.hints,
});

/** Offers, their timeline and programme conditions, bound to one agency (rankings: rankings.repository.ts). */
export function placementRepository(tx: Tx, agencyId: string) {
  const offers = () =>
    tx
      .selectFrom('offers')
      .innerJoin('housing_providers as p', 'p.id', 'offers.provider_id')
      .leftJoin('users as cm', 'cm.id', 'offers.case_manager_id')
      .selectAll('offers')
      .select(['p.name as provider_name', 'cm.display_name as case_manager_name'])
      .where('offers.agency_id', '=', agencyId);

  return {
    ...conditionsRepository(tx, agencyId),
    /** The offer, if `scope` (the actor's `providerScope` on `offers.provider_id`) shows it; any offer of the agency without one. */
    findOffer(id: string, lock = false, scope?: RawBuilder<SqlBool>): Promise<OfferRow | undefined> {
      // Every step on an offer locks its row first: two people acting at once are serialised, and
      // the second sees the state the first left (and gets a 409 if its step no longer fits).
      return offers()
        .where('offers.id', '=', id)
        .$if(!!scope, (q) => q.where(scope!))
        .$if(lock, (q) => q.forUpdate('offers'))
        .executeTakeFirst();
    },

    /** The global search: offers `scope` shows whose number or flat address contains `text`; an exact number first, then the newest. */
    searchOffers: (scope: RawBuilder<SqlBool>, text: string, limit: number) => {
      const like = containsPattern(text);
      return tx
        .selectFrom('offers')
        .select(['offers.id', 'offers.reference', 'offers.status', 'offers.street', 'offers.postal_code', 'offers.city', 'offers.district'])
        .where('offers.agency_id', '=', agencyId)
        .where(scope)
        .where((eb) =>
          eb.or([
            eb(eb.fn('lower', ['offers.reference']), 'like', like),
            eb(eb.fn('lower', ['offers.street']), 'like', like),
            eb(eb.fn('lower', ['offers.postal_code']), 'like', like),
            eb(eb.fn('lower', ['offers.city']), 'like', like),
            eb(eb.fn('lower', ['offers.district']), 'like', like),
          ]),
        )
        .orderBy(sql`lower(offers.reference) = ${text}`, 'desc')
        .orderBy('offers.created_at', 'desc')
        .orderBy('offers.id')
        .limit(limit)
        .modifyEnd(PLAN_PER_CALL)
        .execute();
    },

    /** `scope`: the actor's `providerScope` on `offers.provider_id`; `providerView`: a company sees only candidates presented to it. */
    async listOffers(scope: RawBuilder<SqlBool>, providerView: boolean, q: ListQuery, userId: string) {
      let base = tx
        .selectFrom('offers')
        .where('offers.agency_id', '=', agencyId)
        .where(scope)
        .$if(q.status === 'open', (b) => b.where('offers.status', 'in', [...OPEN_OFFER_STATES]))
        .$if(!!q.status && q.status !== 'open', (b) => b.where('offers.status', '=', q.status!))
        .$if(q.scope === 'mine', (b) => b.where('offers.case_manager_id', '=', userId));
      if (q.q) {
        const like = containsPattern(q.q);
        base = base
          .where((eb) =>
            eb.or([eb('offers.reference', 'ilike', like), eb('offers.street', 'ilike', like), eb('offers.district', 'ilike', like)]),
          )
          .modifyEnd(PLAN_PER_CALL);
      }
      const [{ n }] = [await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()];
      const rows = await base
        .innerJoin('housing_providers as p', 'p.id', 'offers.provider_id')
        .leftJoin('users as cm', 'cm.id', 'offers.case_manager_id')
        .leftJoinLateral(
          (eb) =>
            eb
              .selectFrom('deadlines as d')
              .select(['d.id', 'd.kind', 'd.title', 'd.due_at'])
              .where((w) =>
                w.or([
                  w('d.subject_id', '=', w.ref('offers.id')),
                  w('d.subject_id', 'in', w.selectFrom('candidates as c2').select('c2.id').whereRef('c2.offer_id', '=', 'offers.id')),
                ]),
              )
              .where('d.status', '=', 'open')
              .orderBy('d.due_at')
              .limit(1)
              .as('nd'),
          (j) => j.onTrue(),
        )
        .selectAll('offers')
        .select([
          'p.name as provider_name',
          'cm.display_name as case_manager_name',
          'nd.id as nd_id',
          'nd.kind as nd_kind',
          'nd.title as nd_title',
          'nd.due_at as nd_due_at',
        ])
        .select((eb) =>
          eb
            .selectFrom('candidates as c')
            .select(eb.fn.countAll<string>().as('n'))
            .whereRef('c.offer_id', '=', 'offers.id')
            .whereRef('c.round', '=', 'offers.round')
            // A company learns only of the households presented to it.
            .$if(providerView, (q) => q.where('c.consent_id', 'is not', null))
            .as('candidates'),
        )
        .$call((b) =>
          q.sort === 'nextDeadline'
            ? b.orderBy(sql`nd.due_at`, (ob) => ob.asc().nullsLast()).orderBy('offers.updated_at', 'desc')
            : q.sort === 'reference'
              ? b.orderBy('offers.reference', 'desc')
              : b.orderBy('offers.updated_at', 'desc'),
        )
        .orderBy('offers.id')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute();
      return { total: Number(n), rows };
    },

    nextReference: () => nextReference(tx, agencyId, 'offer', 'W', 4),

    insertOffer(reference: string, providerId: string, status: string, input: OfferInput, userId: string, caseManagerId: string | null) {
      return tx
        .insertInto('offers')
        .values({
          agency_id: agencyId,
          reference,
          provider_id: providerId,
          status,
          ...columnsOf(input),
          created_by: userId,
          case_manager_id: caseManagerId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    updateOffer(id: string, version: number, input: OfferInput) {
      return tx
        .updateTable('offers')
        .set({
          ...columnsOf(input),
          check_result: null,
          conditions_id: null,
          checked_at: null,
          version: sql`version + 1`,
          updated_at: new Date(),
        })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('version')
        .executeTakeFirst();
    },

    /** Sets the offer's state and any extra columns; bumps its version. */
    setOffer(
      id: string,
      values: Partial<{
        status: string;
        check_result: string | null;
        conditions_id: string | null;
        checked_at: Date;
        decline_reason: string | null;
        round: number;
        case_manager_id: string;
      }>,
    ) {
      return tx
        .updateTable('offers')
        .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute();
    },

    addEvent(
      offerId: string,
      actorId: string | null,
      kind: string,
      details: Record<string, unknown> = {},
      opts: { candidateId?: string | null; providerVisible?: boolean } = {},
    ) {
      return tx
        .insertInto('offer_events')
        .values({
          agency_id: agencyId,
          offer_id: offerId,
          actor_id: actorId,
          kind,
          details: JSON.stringify(details),
          candidate_id: opts.candidateId ?? null,
          provider_visible: opts.providerVisible ?? false,
        })
        .execute();
    },

    events(offerId: string, providerView: boolean) {
      return tx
        .selectFrom('offer_events as e')
        .leftJoin('users as u', 'u.id', 'e.actor_id')
        .select([
          'e.id',
          'e.at',
          'e.kind',
          'e.details',
          'e.candidate_id',
          'e.actor_id',
          'u.display_name as actor_name',
          'u.role as actor_role',
        ])
        .where('e.agency_id', '=', agencyId)
        .where('e.offer_id', '=', offerId)
        .$if(providerView, (q) => q.where('e.provider_visible', '=', true))
        .orderBy('e.id')
        .execute();
    },

    attachments(offerId: string) {
      return tx
        .selectFrom('offer_attachments')
        .select(['id', 'filename', 'content_type', 'size_bytes', 'created_at'])
        .where('agency_id', '=', agencyId)
        .where('offer_id', '=', offerId)
        .orderBy('created_at')
        .execute();
    },
    attachment(offerId: string, id: string) {
      return tx
        .selectFrom('offer_attachments')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('offer_id', '=', offerId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    addAttachment(offerId: string, file: { filename: string; contentType: string; content: Buffer }, userId: string) {
      return tx
        .insertInto('offer_attachments')
        .values({
          agency_id: agencyId,
          offer_id: offerId,
          filename: file.filename,
          content_type: file.contentType,
          size_bytes: file.content.length,
          content: file.content,
          uploaded_by: userId,
        })
        .returning(['id', 'filename', 'content_type', 'size_bytes', 'created_at'])
        .executeTakeFirstOrThrow();
    },
    deleteAttachment(offerId: string, id: string) {
      return tx
        .deleteFrom('offer_attachments')
        .where('agency_id', '=', agencyId)
        .where('offer_id', '=', offerId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    documents(ownerIds: string[]) {
      if (!ownerIds.length) return Promise.resolve([]);
      return tx
        .selectFrom('documents')
        .select(['id', 'kind', 'filename', 'created_at', 'owner_id'])
        .where('agency_id', '=', agencyId)
        .where('owner_id', 'in', ownerIds)
        .orderBy('created_at')
        .execute();
    },
    openDeadlines(subjectIds: string[]) {
      if (!subjectIds.length) return Promise.resolve([]);
      return tx
        .selectFrom('deadlines')
        .select(['id', 'kind', 'title', 'due_at', 'subject_id', 'assignee_id'])
        .where('agency_id', '=', agencyId)
        .where('subject_id', 'in', subjectIds)
        .where('status', '=', 'open')
        .orderBy('due_at')
        .execute();
    },
    tenancyOfOffer(offerId: string) {
      return tx
        .selectFrom('tenancies')
        .select('id')
        .where('agency_id', '=', agencyId)
        .where('offer_id', '=', offerId)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
    },

    users(ids: string[]) {
      if (!ids.length) return Promise.resolve([]);
      return tx
        .selectFrom('users')
        .select(['id', 'display_name', 'email', 'role', 'provider_id', 'active'])
        .where('agency_id', '=', agencyId)
        .where('id', 'in', ids)
        .execute();
    },
    providerUsers(providerId: string) {
      return tx
        .selectFrom('users')
        .select(['id', 'display_name', 'email'])
        .where('agency_id', '=', agencyId)
        .where('provider_id', '=', providerId)
        .where('active', '=', true)
        .execute();
    },
    agency() {
      return tx
        .selectFrom('agencies')
        .select(['id', 'name', 'federal_state', 'settings'])
        .where('id', '=', agencyId)
        .executeTakeFirstOrThrow();
    },
    provider(id: string) {
      return tx.selectFrom('housing_providers').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst();
    },
  };
}
export type PlacementRepository = ReturnType<typeof placementRepository>;
