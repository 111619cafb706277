import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  TAgreement,
  TCityAverage,
  TCityComparison,
  TPublished,
  ZCityAverageQuery,
  ZCityQuery,
} from '../../../contracts/steering-city.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { berlinDate } from '../../platform/deadlines/workdays.js';
import { fieldError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import type { FigureContribution, FigureDeclaration, FigurePeriod, FigureResult } from '../../platform/steering/figure.contribution.js';
import { memberFigures, type AgencyFigures } from './city.compute.js';
import { cityRepository, type AgreementRow } from './city.repository.js';
import type { SnapshotStore } from './snapshots.service.js';
import { quarterOf } from './steering.status.js';
import { isReportingPeriod, publishAverage, publishRow, type Cell } from './suppression.js';

/*
 * City-wide steering without personal data (issue 17).
 *
 * The steering body (e.g. a Senate administration) is platform data, not an agency of case data: a
 * `steering_bodies` row managed by the platform (CLI `steering-body`, seed), with a tenant of its
 * own that holds only its users (role `steering`), their sessions and their audit trail. Its target
 * agreements name a period, the figures they cover and the member agencies with the day they
 * joined. The steering user sees the member agencies side by side and the city total; a member
 * agency sees the city average beside its own figures. Both are computed per member agency through
 * the same FigureContribution path as the agency's dashboard, each agency's figures read inside its
 * own agency transaction (`inAgency`, one snapshot each), and only then combined — through the one
 * disclosure rule in suppression.ts. Nothing else leaves an agency: no record, no name, no case.
 */

interface Computed {
  computedAt: string;
  agencies: AgencyFigures[];
}

const agreementOf = (a: AgreementRow, members: number): TAgreement => ({
  id: a.id,
  name: a.name,
  validFrom: a.valid_from,
  validTo: a.valid_to,
  figureIds: a.figure_ids,
  members,
});

export function cityService(db: Kysely<DB>, contributions: readonly FigureContribution[], store: SnapshotStore) {
  const declared = new Map<string, { module: string; figure: FigureDeclaration }>();
  for (const c of contributions) for (const f of c.families.flatMap((x) => x.figures)) declared.set(f.id, { module: c.module, figure: f });

  /** The member agencies' materialised figures; the time of the data is the oldest of theirs. */
  async function compute(memberIds: string[], period: FigurePeriod): Promise<Computed> {
    const agencies = await memberFigures(db, store, memberIds, period);
    const oldest = agencies.reduce<Date | null>((m, a) => (m === null || a.asOf < m ? a.asOf : m), null);
    return { computedAt: (oldest ?? new Date()).toISOString(), agencies };
  }

  /** The agreement's figures that some module declares, in the dashboard's order. */
  const figuresOf = (a: AgreementRow) => [...declared.values()].filter((d) => a.figure_ids.includes(d.figure.id));

  const cellOf = (f: FigureDeclaration, r: FigureResult | undefined): Cell =>
    f.unit === 'count' ? { value: r?.value ?? 0 } : { value: r?.value ?? null, ...(r?.base !== undefined ? { base: r.base } : {}) };

  /** A calendar quarter or year (rule 7 of the suppression rule); none given: the current quarter. */
  function reportingPeriod(q: { from?: string | undefined; to?: string | undefined }): FigurePeriod {
    if (!q.from && !q.to) return quarterOf(berlinDate(new Date()));
    if (!q.from || !q.to || !isReportingPeriod(q.from, q.to))
      throw fieldError('to', 'Der Stadtvergleich gibt es nur für ein Kalenderquartal oder ein Kalenderjahr.', 'period');
    return { from: q.from, to: q.to };
  }

  const overlaps = (a: AgreementRow, p: FigurePeriod) => a.valid_from <= p.to && (a.valid_to === null || a.valid_to >= p.from);

  async function memberIdsOf(tx: Tx, agencyId: string, agreements: AgreementRow[], day: string) {
    const rows = await cityRepository(tx, agencyId).members(
      agreements.map((a) => a.id),
      day,
    );
    const by = new Map<string, string[]>();
    for (const r of rows) by.set(r.agreement_id, [...(by.get(r.agreement_id) ?? []), r.member_agency_id]);
    return by;
  }

  return {
    /** The steering body's view: its agreements, and for one of them the member agencies side by side and the city total. */
    comparison: (ctx: Ctx, q: z.output<typeof ZCityQuery>) =>
      actorTx(db, ctx, async (tx): Promise<TCityComparison> => {
        access.require(ctx.actor, 'steering.city');
        const p = reportingPeriod(q);
        const repo = cityRepository(tx, ctx.actor.agencyId);
        const body = await repo.body();
        const rows = body ? await repo.agreementsOfBody() : [];
        const members = await memberIdsOf(tx, ctx.actor.agencyId, rows, p.to);
        const agreements = rows.map((a) => agreementOf(a, members.get(a.id)?.length ?? 0));
        const chosen = q.agreementId ? rows.find((a) => a.id === q.agreementId) : (rows.find((a) => overlaps(a, p)) ?? rows[0]);
        if (q.agreementId && !chosen) throw fieldError('agreementId', 'Diese Zielvereinbarung gibt es nicht.', 'unknown');
        const base = { body: body ? { name: body.name } : null, agreements, from: p.from, to: p.to };
        if (!chosen || !overlaps(chosen, p)) {
          audit(tx, ctx, {
            action: 'steering.city',
            ...(chosen ? { entityId: chosen.id } : {}),
            details: { from: p.from, to: p.to, members: 0 },
          });
          return {
            ...base,
            agreement: chosen ? agreementOf(chosen, 0) : null,
            computedAt: new Date().toISOString(),
            agencies: [],
            figures: [],
          };
        }
        const memberIds = members.get(chosen.id) ?? [];
        const computed = await compute(memberIds, p);
        const figures = figuresOf(chosen).map(({ module, figure: f }) => ({
          id: f.id,
          module,
          title: f.title,
          definition: f.definition,
          unit: f.unit,
          higherIsBetter: f.higherIsBetter,
          ...publishRow(
            f.unit,
            computed.agencies.map((a) => cellOf(f, a.results.get(f.id))),
          ),
        }));
        audit(tx, ctx, {
          action: 'steering.city',
          entityId: chosen.id,
          details: { from: p.from, to: p.to, members: memberIds.length, figures: figures.length },
        });
        return {
          ...base,
          agreement: agreementOf(chosen, memberIds.length),
          computedAt: computed.computedAt,
          agencies: computed.agencies.map((a) => ({ id: a.id, name: a.name })),
          figures,
        };
      }),

    /** A member agency's view: the city average of the member agencies beside its own figures. */
    average: (ctx: Ctx, q: z.output<typeof ZCityAverageQuery>) =>
      actorTx(db, ctx, async (tx): Promise<TCityAverage> => {
        access.require(ctx.actor, 'steering.cityAverage');
        const p = reportingPeriod(q);
        const own = ctx.actor.agencyId;
        const [chosen] = await cityRepository(tx, own).agreementsJoined(p.from, p.to);
        if (!chosen) {
          audit(tx, ctx, { action: 'steering.city_average', details: { from: p.from, to: p.to, agreement: null } });
          return { agreement: null, from: p.from, to: p.to, computedAt: new Date().toISOString(), figures: [] };
        }
        const memberIds = (await memberIdsOf(tx, own, [chosen], p.to)).get(chosen.id) ?? [];
        const computed = await compute(memberIds, p);
        const ownIndex = computed.agencies.findIndex((a) => a.id === own);
        const figures = figuresOf(chosen).map(({ figure: f }) => {
          const cells = computed.agencies.map((a) => cellOf(f, a.results.get(f.id)));
          const average: TPublished = publishAverage(f.unit, cells, ownIndex);
          return { id: f.id, average };
        });
        audit(tx, ctx, {
          action: 'steering.city_average',
          entityId: chosen.id,
          details: { from: p.from, to: p.to, members: memberIds.length },
        });
        return { agreement: agreementOf(chosen, memberIds.length), from: p.from, to: p.to, computedAt: computed.computedAt, figures };
      }),
  };
}
export type CityService = ReturnType<typeof cityService>;
