import { sql } from 'kysely';
import type { z } from 'zod';
import type { ZHouseholdListQuery } from '../../../contracts/households.js';
import type { Tx } from '../../db/database.js';
import { stampedCache } from '../../db/stamped-cache.js';
import type { HouseholdScope } from '../../platform/access/access.js';

/*
 * Household search by name or case reference. A common name ("anna") matches thousands of an
 * agency's households; finding, counting and ordering them through the trigram index visits every
 * matching row. Instead each instance keeps, per agency, the lowercased search text, the filter
 * columns and each household's position in every list order (computed by PostgreSQL, so the order
 * is exactly the database's, collation included). The cache is exact: it is read again whenever a
 * household of the agency changed (db/stamped-cache.ts). Only the ids of one page leave it; their
 * rows are then read from `households` under row-level security as before.
 */

type ListQuery = z.output<typeof ZHouseholdListQuery>;
export type SortKey = ListQuery['sort'];

interface Indexed {
  id: string;
  text: string;
  situation: string;
  seeking: boolean;
  caseManagerId: string | null;
  socialWorkerId: string | null;
  wheelchair: boolean;
  persons: number;
}

interface SearchIndex {
  entries: Indexed[];
  /** Every search text, joined by a separator no query contains, and where each one starts. */
  haystack: string;
  starts: Int32Array;
  /** Position of each entry (same index) in each list order. */
  positions: Record<SortKey, Int32Array>;
}

interface Row {
  id: string;
  search_text: string;
  situation: string;
  seeking_housing: boolean;
  case_manager_id: string | null;
  social_worker_id: string | null;
  wheelchair: boolean;
  persons: number;
  p_name: number;
  p_reference: number;
  p_updated: number;
  p_since: number;
}

async function load(tx: Tx, agencyId: string): Promise<SearchIndex> {
  // The same orders as the list: column, direction, NULLS LAST, then id.
  const { rows } = await sql<Row>`
    SELECT id, search_text, situation, seeking_housing, case_manager_id, social_worker_id, wheelchair, persons,
      (row_number() OVER (ORDER BY head_name ASC NULLS LAST, id))::int AS p_name,
      (row_number() OVER (ORDER BY reference DESC NULLS LAST, id))::int AS p_reference,
      (row_number() OVER (ORDER BY updated_at DESC NULLS LAST, id))::int AS p_updated,
      (row_number() OVER (ORDER BY situation_since ASC NULLS LAST, id))::int AS p_since
    FROM households WHERE agency_id = ${agencyId}`.execute(tx);
  const positions = { name: new Int32Array(rows.length), reference: new Int32Array(rows.length), updatedAt: new Int32Array(rows.length), situationSince: new Int32Array(rows.length) };
  const entries = rows.map((r, i) => {
    positions.name[i] = r.p_name;
    positions.reference[i] = r.p_reference;
    positions.updatedAt[i] = r.p_updated;
    positions.situationSince[i] = r.p_since;
    return {
      id: r.id, text: r.search_text, situation: r.situation, seeking: r.seeking_housing, caseManagerId: r.case_manager_id,
      socialWorkerId: r.social_worker_id, wheelchair: r.wheelchair, persons: r.persons,
    };
  });
  const starts = new Int32Array(entries.length);
  let offset = 0;
  entries.forEach((e, i) => {
    starts[i] = offset;
    offset += e.text.length + 1;
  });
  return { entries, positions, haystack: entries.map((e) => e.text).join(SEPARATOR), starts };
}

const SEPARATOR = '\u0000';

/** Entries whose text contains `needle`: one scan of the joined texts instead of one per household. */
function matching(index: SearchIndex, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0 || needle.includes(SEPARATOR)) return found;
  let pos = index.haystack.indexOf(needle);
  while (pos >= 0) {
    // The entry the match lies in: the last start at or before it.
    let lo = 0;
    let hi = index.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (index.starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    found.push(lo);
    const next = index.starts[lo + 1];
    if (next === undefined) break;
    pos = index.haystack.indexOf(needle, next);
  }
  return found;
}

const indexes = stampedCache(load);

/** Forgets every cached search index (tests and maintenance). */
export function clearSearchIndexes(): void {
  indexes.clear();
}

function inScope(e: Indexed, scope: HouseholdScope): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'socialWorker':
      return e.socialWorkerId === scope.userId;
    case 'situation':
      return e.situation === scope.situation;
    case 'none':
      return false;
  }
}

/**
 * The ids of one page of households whose search text contains `q` (case-insensitive, literally:
 * as `LIKE '%q%'`), filtered and ordered as the list is, and the number of all matches.
 */
export async function searchHouseholds(tx: Tx, agencyId: string, scope: HouseholdScope, q: ListQuery & { q: string }, userId: string): Promise<{ ids: string[]; total: number }> {
  const { value: index } = await indexes.get(tx, agencyId);
  const needle = q.q.toLowerCase();
  const order = index.positions[q.sort];
  const hits = matching(index, needle).filter((i) => {
    const e = index.entries[i]!;
    if (!inScope(e, scope)) return false;
    if (q.situation && e.situation !== q.situation) return false;
    if (q.seekingHousing !== undefined && e.seeking !== q.seekingHousing) return false;
    if (q.caseManagerId && e.caseManagerId !== q.caseManagerId) return false;
    if (q.mine === true && e.caseManagerId !== userId && e.socialWorkerId !== userId) return false;
    if (q.wheelchair === true && !e.wheelchair) return false;
    if (q.minPersons && e.persons < q.minPersons) return false;
    return true;
  });
  hits.sort((a, b) => order[a]! - order[b]!);
  const start = (q.page - 1) * q.pageSize;
  return { ids: hits.slice(start, start + q.pageSize).map((i) => index.entries[i]!.id), total: hits.length };
}
