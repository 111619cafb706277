import { sql, type Kysely } from 'kysely';
import { inAgency, readInAgency, type Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import { stampOf } from '../../db/stamped-cache.js';
import type { HouseholdScope } from '../../platform/access/access.js';

/*
 * The household search, answered from memory. Each instance keeps per agency the few columns the
 * search matches, filters and orders by (no names beyond the head's, no notes), exact by the agency's
 * household stamp (db/stamped-cache.ts). When the stamp moved, only the households changed since are
 * read (the feed `household_changes`, written by the stamp trigger in the same statement as the change).
 *
 * The search text is matched as PostgreSQL's `LIKE '%…%'` does: a plain substring of the stored,
 * lower-cased text. Orders are those of the SQL list (column, NULLS LAST, then id), compared by code
 * point — which is what the database does under a C/C.UTF-8 collation. A probe checks that once per
 * process; under any other collation the caller searches in SQL instead. The index is read outside
 * the caller's transaction (it holds only what is committed); the page's rows are read, with the
 * audit row, by one statement of their own.
 */

export type SortKey = 'name' | 'reference' | 'updatedAt' | 'situationSince';

export interface SearchFilter {
  scope: HouseholdScope;
  userId: string;
  situation?: string;
  seekingHousing?: boolean;
  caseManagerId?: string;
  mine?: boolean;
  wheelchair?: boolean;
  minPersons?: number;
}

export interface Row {
  id: string;
  reference: string;
  head_name: string | null;
  search_text: string;
  persons: number;
  situation: string;
  since_day: number | null;
  seeking_housing: boolean;
  wheelchair: boolean;
  case_manager_id: string | null;
  social_worker_id: string | null;
  updated_us: number;
  present?: boolean;
}

/** Code-point order (UTF-8 byte order): UTF-16 units agree except that surrogates sort above U+E000–U+FFFF. */
export function compareCodepoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) return xs ? 1 : -1;
      return x - y;
    }
  }
  return a.length - b.length;
}

/** Three UTF-16 units as one number (exact below 2^53). */
const gram = (t: string, i: number): number => t.charCodeAt(i) * 4294967296 + t.charCodeAt(i + 1) * 65536 + t.charCodeAt(i + 2);

/** One agency's households in columns; slot numbers are stable, freed slots are marked dead. */
export class SearchIndex {
  ids: string[] = [];
  text: string[] = [];
  head: (string | null)[] = [];
  ref: string[] = [];
  updated: number[] = [];
  since: (number | null)[] = [];
  situation: string[] = [];
  seeking: boolean[] = [];
  wheel: boolean[] = [];
  persons: number[] = [];
  cm: (string | null)[] = [];
  sw: (string | null)[] = [];
  alive: boolean[] = [];
  private slotOf = new Map<string, number>();
  /** Trigram → slots whose text had it when stored (stale and repeated entries are checked away on use). */
  private grams = new Map<number, number[]>();
  private gramEntries = 0;
  private seen: Int32Array = new Int32Array(0);
  private generation = 0;
  private orders = new Map<SortKey, Int32Array>();
  /** Per order, each slot's position in it (-1: not in it). */
  private ranks = new Map<SortKey, Int32Array>();

  constructor(rows: Row[]) {
    for (const r of rows) this.put(r);
  }

  /** Applies changed rows (`present: false` for a deleted household); orders are merged, not resorted, for small batches. */
  apply(rows: Row[]): void {
    const touched: number[] = [];
    for (const r of rows) {
      if (r.present === false) {
        const s = this.slotOf.get(r.id);
        if (s === undefined) continue;
        this.alive[s] = false;
        this.slotOf.delete(r.id);
        touched.push(s);
      } else {
        touched.push(this.put(r));
      }
    }
    // Stale entries pile up with changes: past twice the live entries, the trigram index is built anew.
    if (this.gramEntries > 2 * this.liveGramEntries()) this.rebuildGrams();
    this.ranks.clear();
    if (touched.length > 1000) return this.orders.clear();
    for (const [key, order] of this.orders) this.orders.set(key, this.merge(key, order, touched));
  }

  private put(r: Row): number {
    let s = this.slotOf.get(r.id);
    if (s === undefined) {
      s = this.ids.length;
      this.ids.push(r.id);
      this.slotOf.set(r.id, s);
    }
    if (this.text[s] !== r.search_text) this.addGrams(s, r.search_text);
    this.text[s] = r.search_text;
    this.head[s] = r.head_name;
    this.ref[s] = r.reference;
    this.updated[s] = Number(r.updated_us);
    this.since[s] = r.since_day;
    this.situation[s] = r.situation;
    this.seeking[s] = r.seeking_housing;
    this.wheel[s] = r.wheelchair;
    this.persons[s] = r.persons;
    this.cm[s] = r.case_manager_id;
    this.sw[s] = r.social_worker_id;
    this.alive[s] = true;
    return s;
  }

  /** The SQL list's order: the column (NULLS LAST, in the sort's direction), then id ascending. */
  comparator(key: SortKey): (a: number, b: number) => number {
    const byId = (a: number, b: number) => compareCodepoints(this.ids[a]!, this.ids[b]!);
    const nullsLast = <T>(col: (T | null)[], cmp: (x: T, y: T) => number, desc: boolean) => (a: number, b: number) => {
      const x = col[a] ?? null;
      const y = col[b] ?? null;
      if (x === null || y === null) return x === y ? byId(a, b) : x === null ? 1 : -1;
      const c = cmp(x, y);
      return c !== 0 ? (desc ? -c : c) : byId(a, b);
    };
    const num = (x: number, y: number) => x - y;
    switch (key) {
      case 'name': return nullsLast(this.head, compareCodepoints, false);
      case 'reference': return nullsLast(this.ref, compareCodepoints, true);
      case 'updatedAt': return nullsLast(this.updated, num, true);
      case 'situationSince': return nullsLast(this.since, num, false);
    }
  }

  private order(key: SortKey): Int32Array {
    let o = this.orders.get(key);
    if (!o) {
      const live: number[] = [];
      for (let s = 0; s < this.ids.length; s++) if (this.alive[s]) live.push(s);
      o = Int32Array.from(live.sort(this.comparator(key)));
      this.orders.set(key, o);
    }
    return o;
  }

  private rank(key: SortKey): Int32Array {
    let r = this.ranks.get(key);
    if (!r) {
      const order = this.order(key);
      r = new Int32Array(this.ids.length).fill(-1);
      for (let i = 0; i < order.length; i++) r[order[i]!] = i;
      this.ranks.set(key, r);
    }
    return r;
  }

  /** The order without the touched slots, then the live touched slots merged in at their places. */
  private merge(key: SortKey, order: Int32Array, touched: number[]): Int32Array {
    const cmp = this.comparator(key);
    const gone = new Set(touched);
    const add = [...gone].filter((s) => this.alive[s]).sort(cmp);
    const out = new Int32Array(order.length - countIn(order, gone) + add.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < order.length || j < add.length) {
      if (i < order.length && gone.has(order[i]!)) {
        i++;
        continue;
      }
      if (j >= add.length || (i < order.length && cmp(order[i]!, add[j]!) <= 0)) out[k++] = order[i++]!;
      else out[k++] = add[j++]!;
    }
    return out;
  }

  private matches(s: number, f: SearchFilter): boolean {
    if (!this.alive[s]) return false;
    switch (f.scope.kind) {
      case 'none': return false;
      case 'socialWorker': if (this.sw[s] !== f.scope.userId) return false; break;
      case 'situation': if (this.situation[s] !== f.scope.situation) return false; break;
      case 'all': break;
    }
    if (f.situation && this.situation[s] !== f.situation) return false;
    if (f.seekingHousing !== undefined && this.seeking[s] !== f.seekingHousing) return false;
    if (f.caseManagerId && this.cm[s] !== f.caseManagerId) return false;
    if (f.mine === true && this.cm[s] !== f.userId && this.sw[s] !== f.userId) return false;
    if (f.wheelchair === true && !this.wheel[s]) return false;
    if (f.minPersons && this.persons[s]! < f.minPersons) return false;
    return true;
  }

  private addGrams(s: number, text: string): void {
    for (let i = 0; i + 3 <= text.length; i++) {
      const g = gram(text, i);
      const list = this.grams.get(g);
      // A trigram repeated in the text: this slot was the list's last entry already.
      if (list && list[list.length - 1] === s) continue;
      if (list) list.push(s);
      else this.grams.set(g, [s]);
      this.gramEntries++;
    }
  }

  private liveGramEntries(): number {
    let n = 0;
    for (let s = 0; s < this.ids.length; s++) if (this.alive[s]) n += Math.max(0, this.text[s]!.length - 2);
    return n;
  }

  private rebuildGrams(): void {
    this.grams = new Map();
    this.gramEntries = 0;
    for (let s = 0; s < this.ids.length; s++) if (this.alive[s]) this.addGrams(s, this.text[s]!);
  }

  /** A fresh mark for `seen`, which is sized for every slot. */
  private nextGeneration(): number {
    if (this.seen.length < this.ids.length) this.seen = new Int32Array(Math.max(this.ids.length, this.seen.length * 2));
    if (this.generation > 1 << 30) this.seen.fill(0), (this.generation = 0);
    return ++this.generation;
  }

  /** Slots whose search text contains `needle` (already lower-cased), each once. */
  private find(needle: string): number[] {
    const found: number[] = [];
    if (needle.length < 3) {
      for (let s = 0; s < this.ids.length; s++) if (this.alive[s] && this.text[s]!.includes(needle)) found.push(s);
      return found;
    }
    // Candidates: the slots of the needle's rarest trigram; each checked against its current text.
    let rarest: number[] | undefined;
    for (let i = 0; i + 3 <= needle.length; i++) {
      const list = this.grams.get(gram(needle, i));
      if (!list) return found;
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    const gen = this.nextGeneration();
    for (const s of rarest!) {
      if (this.seen[s] === gen) continue;
      this.seen[s] = gen;
      if (this.alive[s] && this.text[s]!.includes(needle)) found.push(s);
    }
    return found;
  }

  /** Total of matching households and the ids of one page, in the list's order. */
  search(needle: string, f: SearchFilter, key: SortKey, offset: number, limit: number): { total: number; ids: string[] } {
    const hits = this.find(needle).filter((s) => this.matches(s, f));
    const total = hits.length;
    if (offset >= total) return { total, ids: [] };
    // Positions in the kept order, sorted as numbers: no comparisons of names per search.
    const rank = this.rank(key);
    const positions = new Int32Array(hits.length);
    for (let i = 0; i < hits.length; i++) positions[i] = rank[hits[i]!]!;
    positions.sort();
    const order = this.order(key);
    const page = Array.from(positions.subarray(offset, offset + limit), (p) => order[p]!);
    return { total, ids: page.map((s) => this.ids[s]!) };
  }
}

function countIn(order: Int32Array, set: Set<number>): number {
  let n = 0;
  for (const s of order) if (set.has(s)) n++;
  return n;
}

const COLUMNS = sql`h.id, h.reference, h.head_name, h.search_text, h.persons, h.situation,
  h.situation_since - DATE '1970-01-01' AS since_day, h.seeking_housing, h.wheelchair, h.case_manager_id,
  h.social_worker_id, (extract(epoch FROM h.updated_at) * 1000000)::bigint AS updated_us`;

async function loadAll(tx: Tx, agencyId: string): Promise<Row[]> {
  const { rows } = await sql<Row>`SELECT ${COLUMNS} FROM households h WHERE h.agency_id = ${agencyId}`.execute(tx);
  return rows;
}

async function loadChanged(tx: Tx, agencyId: string, since: number): Promise<Row[]> {
  const { rows } = await sql<Row & { changed_id: string }>`
    SELECT c.household_id AS changed_id, h.id IS NOT NULL AS present, ${COLUMNS}
    FROM household_changes c LEFT JOIN households h ON h.id = c.household_id AND h.agency_id = c.agency_id
    WHERE c.agency_id = ${agencyId} AND c.stamp > ${since}`.execute(tx);
  return rows.map((r) => (r.present ? r : { ...r, id: r.changed_id }));
}

/** Strings whose order tells a code-point collation from a linguistic one. */
const PROBE = ['b', 'a', 'B', 'ä', 'z', 'Ä', 'é', 'a b', 'a-b', 'ab', 'Ab', '1', 'ß', 'ss', '\u{1D538}', '\uFFFD', '\uE000'];
let codepointOrder: Promise<boolean> | null = null;

/** Whether the database orders text by code point, as the index does (asked once per process). */
function databaseOrdersByCodepoint(db: Kysely<DB>): Promise<boolean> {
  codepointOrder ??= sql<{ x: string }>`SELECT x FROM unnest(${PROBE}::text[]) x ORDER BY x`.execute(db)
    .then(({ rows }) => {
      const expected = [...PROBE].sort(compareCodepoints);
      return rows.length === expected.length && rows.every((r, i) => r.x === expected[i]);
    })
    .catch((e: unknown) => {
      codepointOrder = null;
      throw e;
    });
  return codepointOrder;
}

interface Entry { stamp: number; index: SearchIndex; usedAt: number }
const indexes = new Map<string, Entry>();
const loading = new Set<string>();
const MAX_AGENCIES = 32;

/**
 * The agency's search index as committed now, or null where the search must run in SQL (the
 * database orders text differently, or the index is being loaded by another request). Reads in its
 * own short transactions: one message for the stamp when nothing changed.
 */
export async function searchIndexOf(db: Kysely<DB>, agencyId: string): Promise<SearchIndex | null> {
  if (!(await databaseOrdersByCodepoint(db))) return null;
  const { stamp } = await readInAgency(db, agencyId, (tx) => stampOf(tx, agencyId));
  const hit = indexes.get(agencyId);
  if (hit && hit.stamp === stamp) {
    hit.usedAt = Date.now();
    return hit.index;
  }
  let index: SearchIndex;
  if (hit && hit.stamp < stamp) {
    // Rows changed after the stamp was read are applied too: the copy is newer, never older.
    hit.index.apply(await inAgency(db, agencyId, (tx) => loadChanged(tx, agencyId, hit.stamp)));
    index = hit.index;
  } else {
    // One full load per agency at a time; meanwhile other searches run in SQL rather than wait.
    if (loading.has(agencyId)) return null;
    loading.add(agencyId);
    try {
      index = new SearchIndex(await inAgency(db, agencyId, (tx) => loadAll(tx, agencyId)));
    } finally {
      loading.delete(agencyId);
    }
  }
  indexes.set(agencyId, { stamp, index, usedAt: Date.now() });
  if (indexes.size > MAX_AGENCIES) {
    const oldest = [...indexes.entries()].sort((a, b) => a[1].usedAt - b[1].usedAt)[0];
    if (oldest) indexes.delete(oldest[0]);
  }
  return index;
}
