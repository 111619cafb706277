import type { TModuleSearchHits, TSearchHit } from '../../../contracts/search.js';

/** "Street, postal code city", leaving out the parts a record lacks; null when it has none. */
export function addressLine(street: string | null, postalCode: string | null, city: string | null): string | null {
  const place = [postalCode, city].filter(Boolean).join(' ');
  return [street, place].filter(Boolean).join(', ') || null;
}

/**
 * Which part of a record the (lowercased) query matched, for the hit's label: one of its numbers,
 * else its address, else the names it was also searched by.
 */
export function matchOf(text: string, numbers: (string | null)[], address: (string | null)[]): TSearchHit['matched'] {
  const has = (xs: (string | null)[]) => xs.some((x) => !!x && x.toLowerCase().includes(text));
  if (has(numbers)) return 'reference';
  if (has(address)) return 'address';
  return 'name';
}

/** A module's rows (fetched with `limit + 1`) as its search answer; hits found by address name their household. */
export function moduleHits<R extends object>(rows: R[], limit: number, hit: (r: R) => TSearchHit): TModuleSearchHits {
  const items = rows.slice(0, limit).map((r) => ({ row: r, hit: hit(r) }));
  return {
    items: items.map((x) => x.hit),
    more: rows.length > limit,
    byAddress: items
      .filter((x) => x.hit.matched === 'address' && householdOf(x.row) && x.hit.address)
      .map((x) => ({ householdId: householdOf(x.row)!, address: x.hit.address! })),
  };
}

const householdOf = (row: object): string | undefined => (row as { household_id?: string }).household_id;
