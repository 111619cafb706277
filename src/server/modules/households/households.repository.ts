import { sql, type Selectable, type SelectQueryBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { z } from 'zod';
import type { ZHouseholdListQuery, ZMemberInput, ZNeeds } from '../../../contracts/households.js';
import type { Tx } from '../../db/database.js';
import { nextReference } from '../../db/references.js';
import { containsPattern, PLAN_PER_CALL } from '../../db/patterns.js';
import type { DB, HouseholdMembersTable, HouseholdRow } from '../../db/types.js';
import type { householdScope } from '../../platform/access/access.js';

/** The actor's household scope, as `householdScope` declares it. */
type HouseholdPredicate = ReturnType<typeof householdScope>;

type ListQuery = z.output<typeof ZHouseholdListQuery>;
export type HouseholdDetail = HouseholdRow & {
  members: Selectable<HouseholdMembersTable>[];
  case_manager_name: string | null;
  social_worker_name: string | null;
};
type MemberInput = z.output<typeof ZMemberInput>;
type Needs = z.output<typeof ZNeeds>;

export interface HouseholdWrite {
  situation: string;
  situationSince: string | null;
  seekingHousing: boolean;
  needs: Needs;
  caseManagerId: string | null;
  socialWorkerId: string | null;
  members: MemberInput[];
}

/** Birth dates after this are of minors today. */
const adultCutoff = () => {
  const d = new Date();
  return `${d.getFullYear() - 18}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const headOf = (members: MemberInput[]): MemberInput => members.find((m) => m.relationship === 'head') ?? members[0]!;

function derived(w: HouseholdWrite, reference: string) {
  const head = headOf(w.members);
  return {
    head_name: `${head.lastName}, ${head.firstName}`,
    search_text: [reference, ...w.members.map((m) => `${m.firstName} ${m.lastName}`)].join(' ').toLowerCase(),
    persons: w.members.length,
    situation: w.situation,
    situation_since: w.situationSince,
    seeking_housing: w.seekingHousing,
    needs: JSON.stringify(w.needs),
    wheelchair: w.needs.wheelchair,
    // Denormalised for the placement ranking, which filters and scores the whole pool in one scan.
    step_free: w.needs.stepFree,
    pets: w.needs.pets,
    health: w.needs.health,
    districts_avoid: w.needs.districtsAvoid,
    districts_prefer: w.needs.districtsPrefer,
    children: w.members.filter((m) => m.relationship === 'child' || (m.birthDate != null && m.birthDate > adultCutoff())).length,
    eldest_birth_date: w.members.reduce<string | null>((min, m) => (m.birthDate && (!min || m.birthDate < min) ? m.birthDate : min), null),
    case_manager_id: w.caseManagerId,
    social_worker_id: w.socialWorkerId,
  };
}

const SORTS = {
  name: ['head_name', 'asc'],
  reference: ['reference', 'desc'],
  updatedAt: ['updated_at', 'desc'],
  situationSince: ['situation_since', 'asc'],
} as const;

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */

/** Data access for households, bound to one agency: no query here can leave it. */
export function householdRepository(tx: Tx, agencyId: string) {
  const detail = (id: string) =>
    tx
      .selectFrom('households')
      .selectAll('households')
      .select((eb) => [
        jsonArrayFrom(
          eb
            .selectFrom('household_members as m')
            .selectAll('m')
            .whereRef('m.household_id', '=', 'households.id')
            .where('m.agency_id', '=', agencyId)
            .orderBy('m.position'),
        ).as('members'),
        eb.selectFrom('users as u').select('u.display_name').whereRef('u.id', '=', 'households.case_manager_id').as('case_manager_name'),
        eb.selectFrom('users as u').select('u.display_name').whereRef('u.id', '=', 'households.social_worker_id').as('social_worker_name'),
      ])
      .where('households.agency_id', '=', agencyId)
      .where('households.id', '=', id);

  return {
    async list(scope: HouseholdPredicate, q: ListQuery, userId: string) {
      const [col, dir] = SORTS[q.sort];
      // Filters and order apply to either source of candidate rows (same column names).
      const refine = <QB extends SelectQueryBuilder<DB, 'households', object>>(qb: QB): QB =>
        qb
          .where(scope)
          .$if(!!q.situation, (b) => b.where('households.situation', '=', q.situation!))
          .$if(q.seekingHousing !== undefined, (b) => b.where('households.seeking_housing', '=', q.seekingHousing!))
          .$if(!!q.caseManagerId, (b) => b.where('households.case_manager_id', '=', q.caseManagerId!))
          .$if(q.mine === true, (b) =>
            b.where((eb) => eb.or([eb('households.case_manager_id', '=', userId), eb('households.social_worker_id', '=', userId)])),
          )
          .$if(q.wheelchair === true, (b) => b.where('households.wheelchair', '=', true))
          .$if(!!q.minPersons, (b) => b.where('households.persons', '>=', q.minPersons!))
          // The current address (one row by the partial unique index) in the district.
          .$if(!!q.district, (b) =>
            b.where(
              sql<boolean>`EXISTS (SELECT 1 FROM household_addresses a WHERE a.agency_id = ${agencyId}
                AND a.household_id = households.id AND a.valid_to IS NULL AND a.district = ${q.district!})`,
            ),
          )
          // An open deadline already due (the household's deadlines index).
          .$if(q.overdue === true, (b) =>
            b.where(
              sql<boolean>`EXISTS (SELECT 1 FROM deadlines d WHERE d.agency_id = ${agencyId}
                AND d.household_id = households.id AND d.status = 'open' AND d.due_at < now())`,
            ),
          ) as QB;
      // Candidates: a search reads household_search_v (the transaction's agency, applied by the
      // view itself, so that the LIKE can use the trigram index; under RLS it could not, see the
      // view's migration), else the agency's households. Total and page in one statement, so they
      // come from one snapshot and agree.
      const candidates = (q.q
        ? tx.selectFrom('household_search_v as households').where('households.search_text', 'like', containsPattern(q.q.toLowerCase()))
        : tx.selectFrom('households').where('households.agency_id', '=', agencyId)) as unknown as SelectQueryBuilder<
        DB,
        'households',
        object
      >;
      const hits = refine(candidates).select([
        'households.id',
        'households.head_name',
        'households.reference',
        'households.updated_at',
        'households.situation_since',
      ]);
      const order = (alias: string) =>
        sql`${sql.ref(`${alias}.${col}`)} ${dir === 'asc' ? sql`ASC` : sql`DESC`} NULLS LAST, ${sql.ref(`${alias}.id`)}`;
      // The function's hits are computed once; the plain list lets count and page each use their index.
      const { rows } = await sql<ListRow & { total: number }>`
        WITH hits AS ${q.q ? sql`MATERIALIZED` : sql`NOT MATERIALIZED`} (${hits}),
        page AS (SELECT h.id FROM hits h ORDER BY ${order('h')} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize})
        SELECT t.total, p.* FROM (SELECT count(*)::int AS total FROM hits) t
        LEFT JOIN (
          -- The page's rows are read from households, under RLS (the second wall).
          SELECT households.id, households.reference, households.head_name, households.persons, households.situation,
            households.situation_since, households.seeking_housing, households.updated_at, households.case_manager_id,
            cm.display_name AS case_manager_name,
            addr.kind AS whereabouts, addr.street, addr.postal_code, addr.city, addr.district, nd.due_at AS next_due_at
          FROM page JOIN households ON households.id = page.id AND households.agency_id = ${agencyId}
          LEFT JOIN users cm ON cm.id = households.case_manager_id
          -- The current address (partial unique index) and the earliest open deadline (one probe of
          -- deadlines_household_open per row of the page).
          LEFT JOIN household_addresses addr
            ON addr.agency_id = ${agencyId} AND addr.household_id = households.id AND addr.valid_to IS NULL
          LEFT JOIN LATERAL (
            SELECT d.due_at FROM deadlines d
            WHERE d.agency_id = ${agencyId} AND d.household_id = households.id AND d.status = 'open'
            ORDER BY d.due_at LIMIT 1
          ) nd ON true
        ) p ON true
        ORDER BY ${order('p')} ${q.q ? PLAN_PER_CALL : sql``}`.execute(tx);
      const total = Number(rows[0]?.total ?? 0);
      return { items: rows.filter((r) => r.id !== null).map(({ total: _, ...r }) => r), total };
    },

    /** The household with its members and the names of its assigned staff, in one query. */
    findById(id: string): Promise<HouseholdDetail | undefined> {
      return detail(id).executeTakeFirst() as Promise<HouseholdDetail | undefined>;
    },

    /** The facts other modules check of a household, if `scope` shows it to the actor. */
    facts(id: string, scope: HouseholdPredicate) {
      return tx
        .selectFrom('households')
        .select([
          'households.id',
          'households.reference',
          'households.head_name',
          'households.persons',
          'households.situation',
          'households.situation_since',
          'households.seeking_housing',
          'households.social_worker_id',
          'households.case_manager_id',
          'households.status',
        ])
        .where('households.agency_id', '=', agencyId)
        .where('households.id', '=', id)
        .where(scope)
        .executeTakeFirst();
    },

    /** The household with its members and staff names, if `scope` shows it to the actor. */
    findVisible(id: string, scope: HouseholdPredicate): Promise<HouseholdDetail | undefined> {
      return detail(id).where(scope).executeTakeFirst() as Promise<HouseholdDetail | undefined>;
    },

    userNames(ids: (string | null)[]) {
      const wanted = ids.filter((x): x is string => !!x);
      if (!wanted.length) return Promise.resolve([] as { id: string; display_name: string; role: string }[]);
      return tx
        .selectFrom('users')
        .select(['id', 'display_name', 'role'])
        .where('agency_id', '=', agencyId)
        .where('id', 'in', wanted)
        .execute();
    },

    nextReference: () => nextReference(tx, agencyId, 'household', null, 5),

    /** A new situation from another module's step; with `from`, only a household still in that situation moves. */
    async setSituation(
      id: string,
      to: { situation: string; since: string; seekingHousing?: boolean; from?: string; unlessAlready?: boolean },
    ): Promise<void> {
      await tx
        .updateTable('households')
        .set((eb) => ({
          situation: to.situation,
          situation_since: to.since,
          ...(to.seekingHousing === undefined ? {} : { seeking_housing: to.seekingHousing }),
          version: eb('version', '+', 1),
          updated_at: new Date(),
        }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .$if(to.from !== undefined, (b) => b.where('situation', '=', to.from!))
        .$if(!!to.unlessAlready, (b) => b.where('situation', '<>', to.situation))
        .execute();
    },

    async flagFollowUp(id: string, reason: string): Promise<void> {
      await tx
        .updateTable('households')
        .set({ follow_up_reason: reason, follow_up_at: new Date() })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute();
    },

    async insert(reference: string, w: HouseholdWrite, createdBy: string): Promise<HouseholdRow> {
      const row = await tx
        .insertInto('households')
        .values({ agency_id: agencyId, reference, created_by: createdBy, updated_at: new Date(), ...derived(w, reference) })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.replaceMembers(row.id, w.members);
      return row;
    },

    /** Updates only when `version` is still current; undefined means someone else was first. */
    async update(id: string, version: number, reference: string, w: HouseholdWrite): Promise<HouseholdRow | undefined> {
      const row = await tx
        .updateTable('households')
        .set({ ...derived(w, reference), version: sql`version + 1`, updated_at: new Date() })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
      if (row) await this.replaceMembers(id, w.members);
      return row;
    },

    async replaceMembers(householdId: string, members: MemberInput[]): Promise<void> {
      await tx.deleteFrom('household_members').where('agency_id', '=', agencyId).where('household_id', '=', householdId).execute();
      await tx
        .insertInto('household_members')
        .values(
          members.map((m, i) => ({
            ...(m.id ? { id: m.id } : {}),
            agency_id: agencyId,
            household_id: householdId,
            position: i,
            first_name: m.firstName,
            last_name: m.lastName,
            birth_date: m.birthDate ?? null,
            gender: m.gender,
            nationality: m.nationality ?? null,
            relationship: m.relationship,
            phone: m.phone ?? null,
            email: m.email ?? null,
          })),
        )
        .execute();
    },

    journal(householdId: string, page: number, pageSize: number) {
      return tx
        .selectFrom('journal_entries as j')
        .leftJoin('users as u', 'u.id', 'j.author_id')
        .select([
          'j.id',
          'j.occurred_at',
          'j.kind',
          'j.participation',
          'j.text',
          'j.created_at',
          'j.author_id',
          'u.display_name as author_name',
        ])
        .where('j.agency_id', '=', agencyId)
        .where('j.household_id', '=', householdId)
        .orderBy('j.occurred_at', 'desc')
        .orderBy('j.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
    },

    async journalCount(householdId: string): Promise<number> {
      const r = await tx
        .selectFrom('journal_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('agency_id', '=', agencyId)
        .where('household_id', '=', householdId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /**
     * Adds the entry only to a household the scope shows, with the author's name, in one statement;
     * undefined when the household is not there for this actor.
     */
    addJournal(
      householdId: string,
      e: { occurredAt: string; kind: string; participation: boolean; text: string },
      authorId: string,
      scope: HouseholdPredicate,
    ) {
      return tx
        .insertInto('journal_entries')
        .columns(['agency_id', 'household_id', 'occurred_at', 'kind', 'participation', 'text', 'author_id'])
        .expression((eb) =>
          eb
            .selectFrom('households')
            .select([
              'households.agency_id',
              'households.id',
              sql<string>`cast(${e.occurredAt} as timestamptz)`.as('occurred_at'),
              sql<string>`cast(${e.kind} as text)`.as('kind'),
              sql<boolean>`cast(${e.participation} as boolean)`.as('participation'),
              sql<string>`cast(${e.text} as text)`.as('text'),
              sql<string>`cast(${authorId} as uuid)`.as('author_id'),
            ])
            .where('households.agency_id', '=', agencyId)
            .where('households.id', '=', householdId)
            .where(scope),
        )
        .returning(['id', 'occurred_at', 'kind', 'participation', 'text', 'created_at', 'author_id'])
        .returning(sql<string | null>`(SELECT u.display_name FROM users u WHERE u.id = journal_entries.author_id)`.as('author_name'))
        .executeTakeFirst();
    },

    accessLog(householdId: string, limit = 200) {
      return tx
        .selectFrom('audit_events_v as e')
        .leftJoin('users as u', 'u.id', 'e.actor_id')
        .select(['e.occurred_at', 'e.actor_role', 'e.action', 'e.purpose', 'e.outcome', 'u.display_name'])
        .where('e.entity_type', '=', 'household')
        .where('e.entity_id', '=', householdId)
        .orderBy('e.occurred_at', 'desc')
        .limit(limit)
        .execute();
    },
  };
}
export type HouseholdRepository = ReturnType<typeof householdRepository>;
/** A row of the household list. */
export interface ListRow {
  id: string;
  reference: string;
  head_name: string;
  persons: number;
  situation: string;
  situation_since: string | null;
  seeking_housing: boolean;
  updated_at: Date;
  case_manager_id: string | null;
  case_manager_name: string | null;
  whereabouts: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  district: string | null;
  next_due_at: Date | null;
}
