import type { Kysely } from 'kysely';
import { inAgency } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import type { FigurePeriod, FigureResult } from '../../platform/steering/figure.contribution.js';
import { agencyFacts } from '../agencies/agencies.service.js';
import type { SnapshotStore } from './snapshots.service.js';

/** Member agencies computed at once (each holds a connection for its transaction). */
export const CONCURRENCY = 4;

export interface AgencyFigures {
  id: string;
  name: string;
  /** The time of this agency's data. */
  asOf: Date;
  results: Map<string, FigureResult>;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** One member agency's figures (all of them, as materialised), in its own transaction. */
function agencyFigures(db: Kysely<DB>, store: SnapshotStore, agencyId: string, period: FigurePeriod) {
  return inAgency(
    db,
    agencyId,
    async (tx): Promise<AgencyFigures> => {
      const { name, state } = await agencyFacts(tx, agencyId);
      const { data, asOf } = await store.figures(tx, agencyId, state, period);
      return { id: agencyId, name, asOf, results: new Map(Object.entries(data)) };
    },
    { isolation: 'repeatable read' },
  );
}

/**
 * Every member agency's (materialised) figures for a period, `CONCURRENCY` agencies at a time, each in
 * its own agency transaction; sorted by name. Used by the city comparison and its benchmark.
 */
export async function memberFigures(
  db: Kysely<DB>,
  store: SnapshotStore,
  memberIds: readonly string[],
  period: FigurePeriod,
): Promise<AgencyFigures[]> {
  const agencies = await mapLimit(memberIds, CONCURRENCY, (id) => agencyFigures(db, store, id, period));
  return agencies.sort((a, b) => a.name.localeCompare(b.name, 'de'));
}
