import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodepoints, SearchIndex, type Row, type SearchFilter, type SortKey } from './search-index.js';


const byCodepoints = (a: string, b: string) => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return Buffer.compare(x, y);
};

/** The reference: what the SQL list returns — filter, ORDER BY column NULLS LAST, id; then the page. */
function reference(rows: Row[], needle: string, f: SearchFilter, key: SortKey, offset: number, limit: number) {
  const col = { name: 'head_name', reference: 'reference', updatedAt: 'updated_us', situationSince: 'since_day' }[key] as keyof Row;
  const desc = key === 'reference' || key === 'updatedAt';
  const hits = rows.filter((r) => r.search_text.includes(needle)
    && (f.scope.kind !== 'socialWorker' || r.social_worker_id === f.scope.userId)
    && (f.seekingHousing === undefined || r.seeking_housing === f.seekingHousing)
    && (!f.minPersons || r.persons >= f.minPersons));
  hits.sort((a, b) => {
    const x = a[col] as string | number | null;
    const y = b[col] as string | number | null;
    if (x === null && y !== null) return 1;
    if (y === null && x !== null) return -1;
    if (x !== null && y !== null && x !== y) {
      const c = typeof x === 'string' ? byCodepoints(x, y as string) : x - (y as number);
      if (c !== 0) return desc ? -c : c;
    }
    return byCodepoints(a.id, b.id);
  });
  return { total: hits.length, ids: hits.slice(offset, offset + limit).map((r) => r.id) };
}

const text = fc.string({ unit: fc.constantFrom('a', 'b', 'ä', 'Ä', 'ß', ' ', '-', '\u{1D538}', '\uE000', 'z'), maxLength: 6 });
const rowArb = (id: number) => fc.record({
  head_name: fc.option(text, { nil: null }),
  reference: text,
  search_text: text,
  persons: fc.integer({ min: 1, max: 4 }),
  seeking_housing: fc.boolean(),
  social_worker_id: fc.constantFrom('sw1', 'sw2', null),
  updated_us: fc.integer({ min: 0, max: 5 }),
  since_day: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
}).map((r): Row => ({
  ...r, id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`, situation: 'in_accommodation', wheelchair: false, case_manager_id: null,
}));

type Change = { id: number; del: true } | { id: number; del: false; row: Row };

describe('search index', () => {
  it('orders by code point as UTF-8 bytes do, astral characters included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
      expect(Math.sign(compareCodepoints(a, b))).toBe(Math.sign(byCodepoints(a, b)));
    }));
    expect(compareCodepoints('\u{1D538}', '\uE000')).toBeGreaterThan(0);
    expect(compareCodepoints('Z', 'Ä')).toBeLessThan(0);
  });

  it('answers like the SQL list — after any sequence of changes and deletions, with few or many hits', () => {
    const ids = fc.integer({ min: 0, max: 39 });
    fc.assert(fc.property(
      fc.array(ids, { minLength: 1, maxLength: 40 }).chain((start) => fc.tuple(
        fc.tuple(...[...new Set(start)].map(rowArb)),
        fc.array(fc.tuple(ids, fc.boolean()).chain(([id, del]): fc.Arbitrary<Change> => (del ? fc.constant({ id, del: true }) : rowArb(id).map((row) => ({ id, del: false, row })))), { maxLength: 12 }),
        fc.array(fc.array(fc.nat(), { maxLength: 3 }), { maxLength: 3 }),
      )),
      text,
      fc.constantFrom<SortKey>('name', 'reference', 'updatedAt', 'situationSince'),
      fc.record({ seekingHousing: fc.option(fc.boolean(), { nil: undefined }), minPersons: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }), sw: fc.boolean() }),
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: 1, max: 7 }),
      ([initial, changes, batches], needle, key, flt, offset, limit) => {
        // The kept orders are built before the changes, so the changes are merged into them.
        const index = new SearchIndex(initial);
        const f: SearchFilter = { scope: flt.sw ? { kind: 'socialWorker', userId: 'sw1' } : { kind: 'all' }, userId: 'u', seekingHousing: flt.seekingHousing, minPersons: flt.minPersons };
        index.search('', f, key, 0, 1);
        const current = new Map(initial.map((r) => [r.id, r]));
        let at = 0;
        for (const size of [...batches.map((b) => b.length), changes.length]) {
          const batch = changes.slice(at, at + size);
          at += size;
          index.apply(batch.map((c) => {
            const id = `00000000-0000-4000-8000-${String(c.id).padStart(12, '0')}`;
            if (c.del) {
              current.delete(id);
              return { ...initial[0]!, id, present: false };
            }
            current.set(id, c.row);
            return c.row;
          }));
        }
        const rows = [...current.values()];
        expect(index.search(needle, f, key, offset, limit)).toEqual(reference(rows, needle, f, key, offset, limit));
      },
    ), { numRuns: 300 });
  });

  it('pages correctly when a search hits thousands of households', () => {
    const rows: Row[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String((i * 7919) % 5000).padStart(12, '0')}`, reference: `S-${i % 97}`, head_name: i % 13 ? `Name ${(i * 31) % 1000}` : null,
      search_text: `name ${i}`, persons: 1 + (i % 4), situation: 'in_accommodation', since_day: i % 11 ? i % 50 : null, seeking_housing: i % 3 > 0,
      wheelchair: false, case_manager_id: null, social_worker_id: null, updated_us: i % 200,
    }));
    const index = new SearchIndex(rows);
    const f: SearchFilter = { scope: { kind: 'all' }, userId: 'u', seekingHousing: true };
    for (const key of ['name', 'reference', 'updatedAt', 'situationSince'] as const) {
      expect(index.search('name', f, key, 2500, 25)).toEqual(reference(rows, 'name', f, key, 2500, 25));
    }
    index.apply([{ ...rows[10]!, head_name: 'Aaa', seeking_housing: true }, { ...rows[11]!, present: false }]);
    const changed = rows.map((r, i) => (i === 10 ? { ...r, head_name: 'Aaa', seeking_housing: true } : r)).filter((_, i) => i !== 11);
    expect(index.search('name', f, 'name', 0, 30)).toEqual(reference(changed, 'name', f, 'name', 0, 30));
  });
});
