import { z } from 'zod';
import { ZId } from './common.js';

/** What the global search answers, in the order the results are shown. */
export const SEARCH_KINDS = ['household', 'prevention', 'offer', 'tenancy', 'aftercare'] as const;
export const ZSearchKind = z.enum(SEARCH_KINDS);
export type TSearchKind = z.infer<typeof ZSearchKind>;

/** Results per kind in the header's dropdown and on the result page. */
export const SEARCH_LIMITS = { dropdown: 5, page: 50 } as const;

export const ZSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(2, 'Bitte mindestens 2 Zeichen eingeben.')
    .max(100, 'Bitte höchstens 100 Zeichen eingeben.')
    .describe('Name, Aktenzeichen, Adresse oder Geburtsdatum (TT.MM.JJJJ)'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(SEARCH_LIMITS.page)
    .default(SEARCH_LIMITS.dropdown)
    .describe('Treffer je Art (Auswahlliste 5, Ergebnisseite 50)'),
});

/** Which part of a record the query matched. */
export const ZSearchMatch = z.enum(['reference', 'name', 'address', 'birthDate']);

export const ZSearchHit = z.object({
  id: ZId,
  reference: z.string(),
  /** The household's name, or for a company the flat's address; null where the actor may not see a name. */
  title: z.string().nullable(),
  /** A second line: the address of the record, where the actor may see it. */
  address: z.string().nullable(),
  /** The record's state as the module names it (e.g. `open`, `active`, `at_risk`). */
  state: z.string(),
  matched: ZSearchMatch,
});
export type TSearchHit = z.infer<typeof ZSearchHit>;

export const ZSearchGroup = z.object({
  kind: ZSearchKind,
  items: z.array(ZSearchHit),
  /** More hits than `limit` exist. */
  more: z.boolean(),
});

export const ZSearchResult = z.object({
  q: z.string(),
  /** How the query was read: a birth date, a file number, or free text (names, addresses, numbers). */
  reading: z.enum(['birthDate', 'reference', 'text']),
  /** Only the kinds the actor may search, in display order; empty groups included. */
  groups: z.array(ZSearchGroup),
});
export type TSearchResult = z.infer<typeof ZSearchResult>;

/** One module's answer to the global search: up to `limit` hits and whether there are more. */
export interface TSearchHits {
  items: TSearchHit[];
  more: boolean;
}

/** A module's hits, and the households of those found by their address (the households search adds them). */
export interface TModuleSearchHits extends TSearchHits {
  byAddress: { householdId: string; address: string }[];
}
