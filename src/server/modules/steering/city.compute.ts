import type { Kysely } from 'kysely';
import { inAgency } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import type { FigureContribution, FigurePeriod, FigureResult } from '../../platform/steering/figure.contribution.js';
import { agencyFacts } from '../agencies/agencies.service.js';

/** Member agencies computed at once (each holds a connection for its transaction). */
export const CONCURRENCY = 4;

export interface AgencyFigures {
  id: string;
  name: string;
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

/** One member agency's figures of an agreement, in its own transaction (one snapshot). */
function agencyFigures(
  db: Kysely<DB>,
  contributions: readonly FigureContribution[],
  agencyId: string,
  wanted: ReadonlySet<string>,
  period: FigurePeriod,
) {
  return inAgency(
    db,
    agencyId,
    async (tx): Promise<AgencyFigures> => {
      const { name, state } = await agencyFacts(tx, agencyId);
      const results = new Map<string, FigureResult>();
      for (const c of contributions)
        for (const family of c.families) {
          if (!family.figures.some((f) => wanted.has(f.id))) continue;
          const values = await family.compute(tx, { agencyId, period, state });
          for (const f of family.figures) if (wanted.has(f.id)) results.set(f.id, values[f.id] ?? { value: null });
        }
      return { id: agencyId, name, results };
    },
    { isolation: 'repeatable read' },
  );
}

/**
 * The wanted figures of every member agency for a period, `CONCURRENCY` agencies at a time, each in
 * its own agency transaction; sorted by name. Used by the city comparison and its benchmark.
 */
export async function memberFigures(
  db: Kysely<DB>,
  contributions: readonly FigureContribution[],
  memberIds: readonly string[],
  wanted: ReadonlySet<string>,
  period: FigurePeriod,
): Promise<AgencyFigures[]> {
  const agencies = await mapLimit(memberIds, CONCURRENCY, (id) => agencyFigures(db, contributions, id, wanted, period));
  return agencies.sort((a, b) => a.name.localeCompare(b.name, 'de'));
}
