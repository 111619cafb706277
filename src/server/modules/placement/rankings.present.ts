import { RANKING_PAGE_SIZE, type TRanking } from '../../../contracts/placement.js';
import {
  explainEntries,
  explainExclusions,
  type RankingBasis,
  type StoredEntry,
  type StoredExclusion,
  type Weights,
} from './ranking.explain.js';

/*
 * A stored ranking as shown, a page of entries and a page of exclusions at a time. Rankings stored
 * compactly (with a basis) are explained here; rankings stored before that carry their explained
 * entries and are only paged.
 */

/** What is shown of a ranking besides its entries and exclusions. */
export type RankingHead = Omit<
  TRanking,
  'entries' | 'exclusions' | 'entriesTotal' | 'exclusionsTotal' | 'entriesPage' | 'exclusionsPage' | 'pageSize'
>;

/** The stored lists: compact with a basis, or explained (older rankings, basis null). */
export type StoredLists =
  | { basis: RankingBasis; entries: StoredEntry[]; exclusions: StoredExclusion[] }
  | { basis: null; entries: TRanking['entries']; exclusions: TRanking['exclusions'] };

export interface RankingPages {
  entriesPage: number;
  exclusionsPage: number;
}

/** The stored columns as read (jsonb), typed by whether a basis was stored. */
export const storedLists = (r: { basis: unknown; entries: unknown; exclusions: unknown }): StoredLists =>
  r.basis
    ? { basis: r.basis as RankingBasis, entries: r.entries as StoredEntry[], exclusions: r.exclusions as StoredExclusion[] }
    : { basis: null, entries: r.entries as TRanking['entries'], exclusions: r.exclusions as TRanking['exclusions'] };

const slice = <T>(list: readonly T[], page: number): T[] => list.slice((page - 1) * RANKING_PAGE_SIZE, page * RANKING_PAGE_SIZE);

/** Households whose names the pages show (none for older rankings: their names were stored). */
export function shownIds(lists: StoredLists, pages: RankingPages): string[] {
  if (!lists.basis) return [];
  return [...slice(lists.entries, pages.entriesPage).map((e) => e[0]), ...slice(lists.exclusions, pages.exclusionsPage).map((x) => x[0])];
}

/** One page of entries and one of exclusions, explained; `names` maps household ids to names. */
export function rankingPage(head: RankingHead, lists: StoredLists, pages: RankingPages, names: ReadonlyMap<string, string>): TRanking {
  const offset = (pages.entriesPage - 1) * RANKING_PAGE_SIZE;
  const paged = lists.basis
    ? {
        entries: explainEntries(slice(lists.entries, pages.entriesPage), lists.basis, head.weights as Weights, names, offset),
        exclusions: explainExclusions(slice(lists.exclusions, pages.exclusionsPage), lists.basis, names),
      }
    : { entries: slice(lists.entries, pages.entriesPage), exclusions: slice(lists.exclusions, pages.exclusionsPage) };
  return {
    ...head,
    ...paged,
    entriesTotal: lists.entries.length,
    exclusionsTotal: lists.exclusions.length,
    entriesPage: pages.entriesPage,
    exclusionsPage: pages.exclusionsPage,
    pageSize: RANKING_PAGE_SIZE,
  };
}

/** Rank and score of a household in a stored ranking, if it was ranked. */
export function rankedEntry(lists: StoredLists | undefined, householdId: string): { rank: number; score: number } | undefined {
  if (!lists) return undefined;
  if (lists.basis) {
    const i = lists.entries.findIndex((e) => e[0] === householdId);
    return i < 0 ? undefined : { rank: i + 1, score: lists.entries[i]![3] / 100 };
  }
  return lists.entries.find((e) => e.householdId === householdId);
}
