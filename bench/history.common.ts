/** What the parts of the bench history (./history.ts) share. */
import type { Kysely } from 'kysely';
import type { DB } from '../src/server/db/types.js';

/** Five years back from today. */
export const HISTORY_DAYS = 1826;

export type Tx = Kysely<DB>;

export interface HistoryContext {
  agencyId: string;
  households: number;
  caseManagers: string[];
  socialWorkers: string[];
  providers: string[];
  districts: string[];
  postal: string;
  city: string;
}
