import { sql, type Insertable, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import { CLOSED_INCIDENT_STATES } from '../../../contracts/sustainment.js';
import type { Tx } from '../../db/database.js';
import { nextReference } from '../../db/references.js';
import type { IncidentsTable } from '../../db/types.js';

export interface IncidentFilter {
  kind?: string | undefined;
  state: string;
  /** Only incidents where this user is the contact person or the social worker. */
  mineUserId: string | null;
  tenancyId?: string | undefined;
}

/** Rent-default and conflict incidents, their step log and contacts, bound to one agency. */
export function incidentRepository(tx: Tx, agencyId: string) {
  const incidents = () =>
    tx
      .selectFrom('incidents as i')
      .innerJoin('tenancies as t', 't.id', 'i.tenancy_id')
      .innerJoin('housing_providers as p', 'p.id', 'i.provider_id')
      .innerJoin('households as h', 'h.id', 't.household_id')
      .leftJoin('users as cp', 'cp.id', 't.contact_person_id')
      .leftJoin('users as sw', 'sw.id', 't.social_worker_id')
      .leftJoin('users as rb', 'rb.id', 'i.reported_by')
      .selectAll('i')
      .select([
        't.reference as tenancy_reference',
        't.street',
        't.postal_code',
        't.city',
        't.household_id',
        't.contact_person_id',
        't.social_worker_id',
        't.status as tenancy_status',
        'p.name as provider_name',
        'h.reference as household_reference',
        'h.head_name',
        'h.social_worker_id as household_social_worker_id',
        'h.case_manager_id as household_case_manager_id',
        'cp.display_name as contact_person_name',
        'sw.display_name as social_worker_name',
        'rb.display_name as reported_by_name',
      ])
      .where('i.agency_id', '=', agencyId);

  return {
    /** The incident; with `scope` (the actor's `incidentScope`) only if it shows it. */
    find(id: string, lock = false, scope?: RawBuilder<SqlBool>) {
      return incidents()
        .where('i.id', '=', id)
        .$if(!!scope, (q) => q.where(scope!))
        .$if(lock, (q) => q.forUpdate('i'))
        .executeTakeFirst();
    },

    /** The tenancy's incidents that `scope` (the actor's `incidentScope`) shows. */
    ofTenancy: (tenancyId: string, scope: RawBuilder<SqlBool>) =>
      incidents().where('i.tenancy_id', '=', tenancyId).where(scope).orderBy('i.reported_at').execute(),

    /** The queue: incidents in scope, open ones by next deadline (none last), then newest report first. */
    async list(scope: RawBuilder<SqlBool>, f: IncidentFilter, page: number, pageSize: number) {
      const base = incidents()
        .where(scope)
        .$if(!!f.kind, (q) => q.where('i.kind', '=', f.kind!))
        .$if(f.state === 'open', (q) => q.where('i.state', 'not in', [...CLOSED_INCIDENT_STATES]))
        .$if(f.state !== 'open' && f.state !== 'all', (q) => q.where('i.state', '=', f.state))
        .$if(!!f.mineUserId, (q) =>
          q.where((eb) =>
            eb.or([
              eb('t.contact_person_id', '=', f.mineUserId!),
              eb('t.social_worker_id', '=', f.mineUserId!),
              eb('h.social_worker_id', '=', f.mineUserId!),
            ]),
          ),
        )
        .$if(!!f.tenancyId, (q) => q.where('i.tenancy_id', '=', f.tenancyId!));
      const { n } = await base
        .clearSelect()
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const rows = await base
        .leftJoinLateral(
          (eb) =>
            eb
              .selectFrom('deadlines as d')
              .select(['d.id', 'd.kind', 'd.title', 'd.due_at'])
              .whereRef('d.subject_id', '=', 'i.id')
              .where('d.status', '=', 'open')
              .orderBy('d.due_at')
              .limit(1)
              .as('nd'),
          (j) => j.onTrue(),
        )
        .select(['nd.id as nd_id', 'nd.kind as nd_kind', 'nd.title as nd_title', 'nd.due_at as nd_due_at'])
        .orderBy(sql`nd.due_at`, (ob) => ob.asc().nullsLast())
        .orderBy('i.reported_at', 'desc')
        .orderBy('i.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { total: Number(n), rows };
    },

    nextReference: () => nextReference(tx, agencyId, 'incident', 'V', 4),

    insert(values: Omit<Insertable<IncidentsTable>, 'agency_id'>) {
      return tx
        .insertInto('incidents')
        .values({ agency_id: agencyId, ...values })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    set(id: string, values: Updateable<IncidentsTable>) {
      return tx
        .updateTable('incidents')
        .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute();
    },

    addEvent(e: {
      incident_id: string;
      actor_id: string;
      step: string;
      from_state: string | null;
      to_state: string;
      round: number;
      details: Record<string, unknown>;
      provider_details: Record<string, unknown> | null;
    }) {
      return tx
        .insertInto('incident_events')
        .values({
          agency_id: agencyId,
          ...e,
          details: JSON.stringify(e.details),
          provider_details: e.provider_details ? JSON.stringify(e.provider_details) : null,
        })
        .execute();
    },

    events(incidentIds: string[]) {
      if (incidentIds.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('incident_events as e')
        .leftJoin('users as u', 'u.id', 'e.actor_id')
        .selectAll('e')
        .select('u.display_name as actor_name')
        .where('e.incident_id', 'in', incidentIds)
        .orderBy('e.id')
        .execute();
    },

    addContact(c: { incident_id: string; occurred_at: string; channel: string; reached: boolean; note: string; recorded_by: string }) {
      return tx
        .insertInto('incident_contacts')
        .values({ agency_id: agencyId, ...c })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    contacts(incidentIds: string[]) {
      if (incidentIds.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('incident_contacts as c')
        .leftJoin('users as u', 'u.id', 'c.recorded_by')
        .selectAll('c')
        .select('u.display_name as recorded_by_name')
        .where('c.incident_id', 'in', incidentIds)
        .orderBy('c.occurred_at')
        .orderBy('c.created_at')
        .execute();
    },

    payouts: (incidentId: string) =>
      tx.selectFrom('guarantee_payouts').selectAll().where('incident_id', '=', incidentId).orderBy('created_at').execute(),
  };
}
export type IncidentRepository = ReturnType<typeof incidentRepository>;
export type IncidentRow = NonNullable<Awaited<ReturnType<IncidentRepository['find']>>>;
