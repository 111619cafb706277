import { sql, type Insertable, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import type { Tx } from '../../db/database.js';
import { nextReference } from '../../db/references.js';
import type { TenanciesTable } from '../../db/types.js';
import { containsPattern, PLAN_PER_CALL } from '../../db/patterns.js';

export interface TenancyFilter {
  /** The actor's `providerScope` on `t.provider_id`. */
  scope: RawBuilder<SqlBool>;
  providerId: string | null;
  status?: 'active' | 'ended' | undefined;
  /** Guarantee ends on or before this date (and the tenancy is still active). */
  guaranteeEndsBy?: string | undefined;
  q?: string | undefined;
}

/** Tenancies, the guarantee ledger and household follow-up, bound to one agency. */
export function tenancyRepository(tx: Tx, agencyId: string) {
  const tenancies = (relation: RawBuilder<SqlBool> = sql<SqlBool>`false`) =>
    tx
      .selectFrom('tenancies as t')
      .innerJoin('housing_providers as p', 'p.id', 't.provider_id')
      .innerJoin('households as h', 'h.id', 't.household_id')
      .leftJoin('users as cp', 'cp.id', 't.contact_person_id')
      .leftJoin('users as sw', 'sw.id', 't.social_worker_id')
      .leftJoin('users as cr', 'cr.id', 't.closing_reviewed_by')
      .selectAll('t')
      .select([
        'p.name as provider_name',
        'h.reference as household_reference',
        'h.head_name',
        'h.social_worker_id as household_social_worker_id',
        'h.case_manager_id as household_case_manager_id',
        'cp.display_name as contact_person_name',
        'sw.display_name as social_worker_name',
        'cr.display_name as closing_reviewer_name',
      ])
      .select(relation.as('related'))
      .where('t.agency_id', '=', agencyId);

  return {
    /**
     * The tenancy; with `scope`, only if `scope.visible` (the actor's `providerScope` on
     * `t.provider_id`) shows it, and `related` says whether the actor stands in the sustainment
     * relationship to it (`incidentScope` on `t.provider_id`).
     */
    find(id: string, lock = false, scope?: { visible: RawBuilder<SqlBool>; related: RawBuilder<SqlBool> }) {
      // Steps that move money or state lock the tenancy row first, so two at once are serialised.
      return tenancies(scope?.related)
        .where('t.id', '=', id)
        .$if(!!scope, (q) => q.where(scope!.visible))
        .$if(lock, (q) => q.forUpdate('t'))
        .executeTakeFirst();
    },

    /**
     * The global search: tenancies `scope` (the actor's `providerScope` on `t.provider_id`) shows whose
     * number, address or tenant's name contains `text` (with `householdNumbers`, also the household's
     * file number); an exact number first, then the newest lease.
     */
    search: (scope: RawBuilder<SqlBool>, text: string, limit: number, householdNumbers: boolean) => {
      const like = containsPattern(text);
      return tx
        .selectFrom('tenancies as t')
        .innerJoin('households as h', 'h.id', 't.household_id')
        .select(['t.id', 't.reference', 't.status', 't.household_id', 'h.head_name', 't.street', 't.postal_code', 't.city'])
        .where('t.agency_id', '=', agencyId)
        .where(scope)
        .where((eb) =>
          eb.or([
            eb(eb.fn('lower', ['t.reference']), 'like', like),
            eb(eb.fn('lower', ['t.street']), 'like', like),
            eb(eb.fn('lower', ['t.postal_code']), 'like', like),
            eb(eb.fn('lower', ['t.city']), 'like', like),
            eb(eb.fn('lower', ['h.head_name']), 'like', like),
            ...(householdNumbers ? [eb(eb.fn('lower', ['h.reference']), 'like', like)] : []),
          ]),
        )
        .orderBy(sql`lower(t.reference) = ${text}`, 'desc')
        .orderBy('t.lease_start', 'desc')
        .orderBy('t.id')
        .limit(limit)
        .modifyEnd(PLAN_PER_CALL)
        .execute();
    },

    async list(f: TenancyFilter, page: number, pageSize: number) {
      let base = tenancies()
        .where(f.scope)
        .$if(!!f.providerId, (q) => q.where('t.provider_id', '=', f.providerId!))
        .$if(!!f.status, (q) => q.where('t.status', '=', f.status!))
        .$if(!!f.guaranteeEndsBy, (q) => q.where('t.guarantee_end', '<=', f.guaranteeEndsBy!).where('t.status', '=', 'active'));
      if (f.q) {
        const like = containsPattern(f.q);
        base = base
          .where((eb) =>
            eb.or([
              eb('t.reference', 'ilike', like),
              eb('t.street', 'ilike', like),
              eb('t.city', 'ilike', like),
              eb('t.postal_code', 'ilike', like),
              eb('h.reference', 'ilike', like),
              eb('h.head_name', 'ilike', like),
            ]),
          )
          .modifyEnd(PLAN_PER_CALL);
      }
      const { n } = await base
        .clearSelect()
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const rows = await base
        .orderBy('t.guarantee_end')
        .orderBy('t.reference')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { total: Number(n), rows };
    },

    /** Open incidents per tenancy, counting only those the scope may see. */
    async openIncidentCounts(tenancyIds: string[], scope: RawBuilder<SqlBool>, closed: readonly string[]) {
      if (tenancyIds.length === 0) return new Map<string, number>();
      const rows = await tx
        .selectFrom('incidents as i')
        .innerJoin('tenancies as t', 't.id', 'i.tenancy_id')
        .innerJoin('households as h', 'h.id', 't.household_id')
        .select(['i.tenancy_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('i.tenancy_id', 'in', tenancyIds)
        .where('i.state', 'not in', [...closed])
        .where(scope)
        .groupBy('i.tenancy_id')
        .execute();
      return new Map(rows.map((r) => [r.tenancy_id, Number(r.n)]));
    },

    nextReference: () => nextReference(tx, agencyId, 'tenancy', 'M', 4),

    insert(values: Omit<Insertable<TenanciesTable>, 'agency_id'>) {
      return tx
        .insertInto('tenancies')
        .values({ agency_id: agencyId, ...values })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    /** Updates with a version check; undefined when the version was stale. */
    update(id: string, values: Updateable<TenanciesTable>, expectedVersion?: number) {
      return tx
        .updateTable('tenancies')
        .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .$if(expectedVersion !== undefined, (q) => q.where('version', '=', expectedVersion!))
        .returning(['id', 'version'])
        .executeTakeFirst();
    },

    household(id: string) {
      return tx
        .selectFrom('households')
        .select(['id', 'reference', 'head_name', 'case_manager_id', 'social_worker_id', 'situation', 'status'])
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    provider: (id: string) =>
      tx.selectFrom('housing_providers').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    staff: (ids: string[]) =>
      ids.length
        ? tx
            .selectFrom('users')
            .select(['id', 'role', 'active', 'display_name'])
            .where('agency_id', '=', agencyId)
            .where('id', 'in', ids)
            .execute()
        : Promise.resolve([]),

    // --- ledger ---------------------------------------------------------------------------------
    payouts: (tenancyId: string) =>
      tx.selectFrom('guarantee_payouts').selectAll().where('tenancy_id', '=', tenancyId).orderBy('paid_on').orderBy('created_at').execute(),
    agreements: (tenancyId: string) =>
      tx
        .selectFrom('recovery_agreements as a')
        .leftJoin('users as u', 'u.id', 'a.created_by')
        .selectAll('a')
        .select('u.display_name as created_by_name')
        .where('a.tenancy_id', '=', tenancyId)
        .orderBy('a.starts_on')
        .orderBy('a.created_at')
        .execute(),
    payments: (tenancyId: string) =>
      tx
        .selectFrom('recovery_payments as r')
        .leftJoin('users as u', 'u.id', 'r.created_by')
        .selectAll('r')
        .select('u.display_name as created_by_name')
        .where('r.tenancy_id', '=', tenancyId)
        .orderBy('r.paid_on')
        .orderBy('r.created_at')
        .execute(),

    insertPayout(v: {
      tenancy_id: string;
      incident_id: string | null;
      amount_cents: number;
      paid_on: string;
      months: string[];
      note: string | null;
      created_by: string;
    }) {
      return tx
        .insertInto('guarantee_payouts')
        .values({ agency_id: agencyId, ...v })
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    payoutsAwaitingAssignment: async (incidentId: string) =>
      (
        await tx
          .selectFrom('guarantee_payouts')
          .select('id')
          .where('incident_id', '=', incidentId)
          .where('assignment_received_on', 'is', null)
          .execute()
      ).map((p) => p.id),
    /** The active tenancy of a household, if one is entered. */
    activeOfHousehold: (householdId: string) =>
      tx.selectFrom('tenancies').select('id').where('household_id', '=', householdId).where('status', '=', 'active').executeTakeFirst(),
    /** Whether this incident belongs to this tenancy. */
    hasIncident: async (tenancyId: string, incidentId: string) =>
      !!(await tx.selectFrom('incidents').select('id').where('id', '=', incidentId).where('tenancy_id', '=', tenancyId).executeTakeFirst()),
    setPayout(id: string, v: { assignment_document_id?: string; assignment_received_on?: string }) {
      return tx.updateTable('guarantee_payouts').set(v).where('agency_id', '=', agencyId).where('id', '=', id).execute();
    },
    insertAgreement(v: {
      tenancy_id: string;
      incident_id: string | null;
      instalment_cents: number;
      starts_on: string;
      interval_months: number;
      note: string | null;
      created_by: string;
    }) {
      return tx
        .insertInto('recovery_agreements')
        .values({ agency_id: agencyId, ...v })
        .returning('id')
        .executeTakeFirstOrThrow();
    },
    agreement: (tenancyId: string, id: string) =>
      tx.selectFrom('recovery_agreements').select('id').where('tenancy_id', '=', tenancyId).where('id', '=', id).executeTakeFirst(),
    insertPayment(v: {
      tenancy_id: string;
      agreement_id: string | null;
      amount_cents: number;
      paid_on: string;
      note: string | null;
      created_by: string;
    }) {
      return tx
        .insertInto('recovery_payments')
        .values({ agency_id: agencyId, ...v })
        .returning('id')
        .executeTakeFirstOrThrow();
    },
  };
}
export type TenancyRepository = ReturnType<typeof tenancyRepository>;
export type TenancyRow = NonNullable<Awaited<ReturnType<TenancyRepository['find']>>>;
