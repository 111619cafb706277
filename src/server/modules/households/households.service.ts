import type { Kysely } from 'kysely';
import type { DeskContribution } from '../../platform/desk/desk.contribution.js';
import type { z } from 'zod';
import type {
  ZHousehold,
  ZHouseholdCreate,
  ZHouseholdListQuery,
  ZHouseholdUpdate,
  ZJournalCreate,
  ZJournalEntry,
} from '../../../contracts/households.js';
import type { TSearchHits } from '../../../contracts/search.js';
import type { TWhereaboutsKind } from '../../../contracts/householdAddresses.js';
import { roleHas } from '../../platform/access/registry.js';
import type { DB } from '../../db/types.js';
import type { Tx } from '../../db/database.js';
import * as access from '../../platform/access/access.js';
import { auditCorrection } from '../retention/corrections.js';
import { audit } from '../../platform/audit/audit.js';
import { AccessDenied, AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { Actor, Ctx } from '../../platform/http/context.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { actorTx } from '../../platform/http/tx.js';
import type { ExportLang } from '../../platform/export/columns.js';
import { exportList } from '../../platform/export/export.js';
import type { ExportFormat } from '../../platform/export/render.js';
import { householdExport } from './households.export.js';
import { present, presentAccessLog, presentJournal } from './households.present.js';
import { householdSearchRepository } from './households.search.repository.js';
import { addressRepository } from './addresses.repository.js';
import { householdRepository, type HouseholdRepository, type HouseholdWrite, type ListRow } from './households.repository.js';
import { householdDeskRepository } from './desk.repository.js';

export { present, presentAccessLog, presentJournal };

type Household = z.infer<typeof ZHousehold>;
type JournalEntry = z.infer<typeof ZJournalEntry>;
const iso = (d: Date) => d.toISOString();

export async function programmeEntries(tx: Tx, actor: Actor, id: string, contributions: readonly DeskContribution[]) {
  return Promise.all(contributions.map((c) => c.programmes?.(tx, actor, id) ?? Promise.resolve([])));
}

/** Loads a household the actor may see for `permission`, or fails with 404. */
export async function visibleDetail(
  repo: HouseholdRepository,
  ctx: Ctx,
  id: string,
  permission: Parameters<typeof access.requireHousehold>[1],
) {
  access.require(ctx.actor, permission, { type: 'household', id });
  return access.requireHousehold(ctx.actor, permission, await repo.findVisible(id, access.householdScope(ctx.actor)), id);
}

/** Assigned staff must be of this agency and of a fitting role; reported per field. */
async function checkAssignments(repo: HouseholdRepository, w: HouseholdWrite): Promise<void> {
  const users = await repo.userNames([w.caseManagerId, w.socialWorkerId]);
  const errors: FieldError[] = [];
  const roleOf = (id: string) => users.find((u) => u.id === id)?.role;
  if (w.caseManagerId && !['case_manager', 'lead'].includes(roleOf(w.caseManagerId) ?? '')) {
    errors.push({ field: 'caseManagerId', code: 'invalid_value', message: 'Keine Sachbearbeitung dieser Behörde.' });
  }
  if (w.socialWorkerId && roleOf(w.socialWorkerId) !== 'social_worker') {
    errors.push({ field: 'socialWorkerId', code: 'invalid_value', message: 'Keine Sozialarbeit dieser Behörde.' });
  }
  const heads = w.members.filter((m) => m.relationship === 'head').length;
  if (heads > 1) errors.push({ field: 'members', code: 'custom', message: 'Nur eine Bezugsperson je Haushalt.' });
  if (errors.length) throw new AppError('validation_failed', 'Die Eingaben sind ungültig.', { errors });
}

function toWrite(input: z.output<typeof ZHouseholdCreate>, ctx: Ctx): HouseholdWrite {
  return {
    situation: input.situation,
    situationSince: input.situationSince ?? null,
    seekingHousing: input.seekingHousing,
    needs: input.needs,
    caseManagerId: input.caseManagerId ?? null,
    // A social worker who records a household looks after it, unless someone else is named.
    socialWorkerId: input.socialWorkerId ?? (ctx.actor.role === 'social_worker' ? ctx.actor.userId : null),
    members: input.members,
  };
}

type ListQuery = z.output<typeof ZHouseholdListQuery>;

/** "Street 1, 70173 Stuttgart" (the parts there are), or null. */
const addressLine = (a: { street: string | null; postal_code: string | null; city: string | null }) =>
  [a.street, [a.postal_code, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null;

/** One page of the household list as the API shows it (the list and its export). */
async function listPage(tx: Tx, ctx: Ctx, q: ListQuery) {
  const now = Date.now();
  const { items, total } = await householdRepository(tx, ctx.actor.agencyId).list(access.householdScope(ctx.actor), q, ctx.actor.userId);
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: items.map((h: ListRow) => ({
      id: h.id,
      reference: h.reference,
      name: h.head_name,
      persons: h.persons,
      situation: h.situation as Household['situation'],
      situationSince: h.situation_since,
      seekingHousing: h.seeking_housing,
      caseManager: h.case_manager_id ? { id: h.case_manager_id, displayName: h.case_manager_name ?? '' } : null,
      updatedAt: iso(h.updated_at as Date),
      address: addressLine(h),
      whereabouts: h.whereabouts as TWhereaboutsKind | null,
      district: h.district,
      nextDeadline: h.next_due_at ? { dueAt: iso(h.next_due_at), overdue: h.next_due_at.getTime() < now } : null,
    })),
  };
}

/**
 * `contributions`: the registered modules (see desk/contributions.ts); each lists the household's
 * cases for the programme overview through its own service, permission and scope.
 */
export function householdService(db: Kysely<DB>, contributions: readonly DeskContribution[] = []) {
  const repoOf = (tx: Tx, ctx: Ctx) => householdRepository(tx, ctx.actor.agencyId);

  const visible = visibleDetail;

  return {
    async list(ctx: Ctx, q: ListQuery) {
      // Search, filters, order, page and total in one statement (one snapshot), then the audit row.
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'household.list');
        const page = await listPage(tx, ctx, q);
        // Only the query's length: a name typed into the filter is personal data, and the sealed trail
        // is kept for years and must hold none (anonymisation could not remove it, see retention).
        audit(tx, ctx, { action: 'household.list', details: { qLength: q.q?.length ?? 0, page: q.page, results: page.items.length } });
        return page;
      });
    },

    /** The list as a file: the same query and scope without paging (cut at the export limit), audited as an export. */
    export(ctx: Ctx, q: Omit<ListQuery, 'page' | 'pageSize'>, out: { format: ExportFormat; lang: ExportLang }) {
      return exportList(db, ctx, { def: householdExport, permission: 'household.list', filters: q, ...out }, (tx, limit) =>
        listPage(tx, ctx, { ...q, page: 1, pageSize: limit }),
      );
    },

    /**
     * The hottest read: permission in memory; the audit row is sent ahead of the scoped read (no
     * round trip of its own) and rolled back with the transaction when the household is hidden.
     */
    get(ctx: Ctx, id: string) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'household.read', { type: 'household', id });
        audit(tx, ctx, { action: 'household.read', entityId: id });
        const row = await repoOf(tx, ctx).findVisible(id, access.householdScope(ctx.actor));
        if (!row) throw new AccessDenied('household.read', { type: 'household', id });
        return present(ctx, row);
      });
    },

    create(ctx: Ctx, input: z.output<typeof ZHouseholdCreate>, idempotencyKey: string | undefined) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'household.create');
        return idempotent(tx, ctx, idempotencyKey, input, async () => {
          const repo = repoOf(tx, ctx);
          const w = toWrite(input, ctx);
          await checkAssignments(repo, w);
          const reference = await repo.nextReference();
          const row = await repo.insert(reference, w, ctx.actor.userId);
          audit(tx, ctx, { action: 'household.create', entityId: row.id });
          return present(ctx, (await repo.findById(row.id))!);
        });
      });
    },

    update(ctx: Ctx, id: string, input: z.output<typeof ZHouseholdUpdate>, version: number) {
      return actorTx(db, ctx, async (tx) => {
        const repo = repoOf(tx, ctx);
        const current = await visible(repo, ctx, id, 'household.update');
        if (current.version !== version) throw new AppError('precondition_failed', undefined, { currentState: String(current.version) });
        const w = { ...toWrite(input, ctx), socialWorkerId: input.socialWorkerId ?? null };
        await checkAssignments(repo, w);
        const row = await repo.update(id, version, current.reference, w);
        if (!row) throw new AppError('precondition_failed');
        const after = present(ctx, (await repo.findById(id))!);
        // The old values stay in the audit (Art. 16 DSGVO): fields changed, values beside the chain.
        const correction = await auditCorrection(tx, ctx.actor.agencyId, id, present(ctx, current), after, CORRECTION_IGNORED);
        audit(tx, ctx, { action: 'household.update', entityId: id, details: { version: row.version, ...correction } });
        return after;
      });
    },

    /**
     * The programme overview: every case of the household across the registered modules, each
     * module showing only what the actor may see of it; one snapshot, one audit row.
     */
    programmes(ctx: Ctx, id: string) {
      return actorTx(db, ctx, async (tx) => {
        await visible(repoOf(tx, ctx), ctx, id, 'household.read');
        const parts = await programmeEntries(tx, ctx.actor, id, contributions);
        const items = parts.flat();
        audit(tx, ctx, {
          action: 'household.programmes',
          entityId: id,
          details: { results: Object.fromEntries(contributions.map((c, i) => [c.module, parts[i]!.length])) },
        });
        return { items };
      });
    },

    journal(ctx: Ctx, id: string, page: number, pageSize: number) {
      return actorTx(db, ctx, async (tx) => {
        const repo = repoOf(tx, ctx);
        await visible(repo, ctx, id, 'journal.list');
        const [rows, total] = await Promise.all([repo.journal(id, page, pageSize), repo.journalCount(id)]);
        audit(tx, ctx, { action: 'journal.list', entityId: id });
        return {
          total,
          page,
          pageSize,
          items: rows.map(presentJournal),
        };
      });
    },

    addJournal(ctx: Ctx, id: string, input: z.output<typeof ZJournalCreate>, idempotencyKey: string | undefined) {
      return actorTx(db, ctx, async (tx) => {
        const repo = repoOf(tx, ctx);
        // A replay must not answer for a household the actor no longer sees; without a key the
        // insert itself checks the household and the actor's scope (one statement).
        if (idempotencyKey) await visible(repo, ctx, id, 'journal.create');
        else access.require(ctx.actor, 'journal.create', { type: 'household', id });
        return idempotent(tx, ctx, idempotencyKey, { id, input }, async () => {
          const j = await repo.addJournal(id, input, ctx.actor.userId, access.householdScope(ctx.actor));
          if (!j) throw new AccessDenied('journal.create', { type: 'household', id });
          audit(tx, ctx, { action: 'journal.create', entityId: id, details: { entry: j.id } });
          return {
            id: j.id,
            occurredAt: iso(j.occurred_at as Date),
            kind: j.kind as JournalEntry['kind'],
            participation: j.participation,
            text: j.text,
            author: { id: ctx.actor.userId, displayName: j.author_name ?? '' },
            createdAt: iso(j.created_at),
          } satisfies JournalEntry;
        });
      });
    },

    accessLog(ctx: Ctx, id: string) {
      return actorTx(db, ctx, async (tx) => {
        const repo = repoOf(tx, ctx);
        await visible(repo, ctx, id, 'household.accessLog');
        const rows = await repo.accessLog(id);
        audit(tx, ctx, { action: 'household.access_log', entityId: id });
        return { items: presentAccessLog(rows) };
      });
    },
  };
}
export type HouseholdService = ReturnType<typeof householdService>;

/** Bookkeeping that changes with every update, not a correction of the record. */
const CORRECTION_IGNORED = ['version', 'updatedAt', 'actions', 'nextDeadline', 'members.*.id'];

/** For other modules: the facts of one household if the actor's scope shows it (else undefined). */
export function visibleHousehold(tx: Tx, actor: Actor, id: string) {
  return householdRepository(tx, actor.agencyId).facts(id, access.householdScope(actor));
}

const ANY_HOUSEHOLD: ReturnType<typeof access.householdScope> = (eb) => eb.lit(true);

/** For other modules, on a step they have already authorised: the facts of one household of the agency. */
/**
 * For other modules (the steering drill-down): the file numbers of the given households that the
 * actor may see (household scope); a household outside it has none in the map.
 */
export async function householdFileNumbers(tx: Tx, actor: Actor, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await householdDeskRepository(tx, actor.agencyId).names(unique, access.householdScope(actor));
  return new Map(rows.map((r) => [r.id, r.reference]));
}

export function householdFacts(tx: Tx, agencyId: string, id: string) {
  return householdRepository(tx, agencyId).facts(id, ANY_HOUSEHOLD);
}

/**
 * For other modules: adds a journal entry to a household of the agency on behalf of a step the
 * calling module has already authorised (a candidate's follow-up talk); undefined if there is none.
 */
export function addJournalEntry(
  tx: Tx,
  ctx: Ctx,
  householdId: string,
  entry: { occurredAt: string; kind: string; participation: boolean; text: string },
) {
  return householdRepository(tx, ctx.actor.agencyId).addJournal(householdId, entry, ctx.actor.userId, ANY_HOUSEHOLD);
}

/**
 * For other modules, on a step they have already authorised: moves a household of the agency to a
 * new situation (a notice puts a housed household at risk; closing a case houses it again or not).
 */
export function changeHouseholdSituation(
  tx: Tx,
  agencyId: string,
  id: string,
  to: { situation: string; since: string; seekingHousing?: boolean; from?: string; unlessAlready?: boolean },
) {
  return householdRepository(tx, agencyId).setSituation(id, to);
}

/**
 * For other modules, on a step they have already authorised: marks a household for prevention or
 * placement follow-up (a lost tenancy) and says why in its journal.
 */
export async function flagHouseholdFollowUp(tx: Tx, ctx: Ctx, id: string, reason: string, text: string): Promise<void> {
  await householdRepository(tx, ctx.actor.agencyId).flagFollowUp(id, reason);
  await addJournalEntry(tx, ctx, id, { occurredAt: new Date().toISOString(), kind: 'note', participation: false, text });
}

/** For other modules, on a step they have already authorised: the members of one household of the agency, in order. */
export async function householdMembers(tx: Tx, agencyId: string, id: string) {
  return (await householdRepository(tx, agencyId).findById(id))?.members ?? [];
}

/** Households' part of the start page (recently opened households). */
export { householdDesk } from './desk.service.js';
/**
 * For the global search: the households the actor may list (`household.list`, `householdScope`)
 * matching the terms, or among `ids` (households the other modules found by address, each through
 * its own scope); null when the actor may not list households at all.
 */
export async function searchHouseholds(
  tx: Tx,
  actor: Actor,
  terms: { text: string | null; birthDate: string | null; ids: string[]; addresses: Map<string, string> },
  limit: number,
): Promise<TSearchHits | null> {
  if (!roleHas(actor.role, 'household.list')) return null;
  // The household's own current address is searched too (and named in the hit before a case's).
  if (terms.text && terms.text.length >= 3) {
    const own = await addressRepository(tx, actor.agencyId).searchCurrent(terms.text, limit * 4);
    const addresses = new Map(terms.addresses);
    for (const a of own)
      addresses.set(a.household_id, [a.street, [a.postal_code, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', '));
    terms = { ...terms, addresses, ids: [...new Set([...terms.ids, ...own.map((a) => a.household_id)])] };
  }
  const rows = await householdSearchRepository(tx, actor.agencyId).search(access.householdScope(actor), terms, limit + 1);
  return {
    more: rows.length > limit,
    items: rows.slice(0, limit).map((r) => {
      const matched = r.birth_match
        ? 'birthDate'
        : terms.text && r.reference.toLowerCase().includes(terms.text)
          ? 'reference'
          : r.text_match
            ? 'name'
            : 'address';
      return {
        id: r.id,
        reference: r.reference,
        title: r.head_name,
        address: terms.addresses.get(r.id) ?? null,
        state: r.situation,
        matched,
      };
    }),
  };
}
