import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  TFigure,
  TFigureCases,
  TFigures,
  TRefreshed,
  TTargetInput,
  TTargets,
  ZFigureCasesQuery,
  ZFiguresQuery,
  ZTargetsQuery,
} from '../../../contracts/steering.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { berlinDate } from '../../platform/deadlines/workdays.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import type { FigureContribution, FigureDeclaration, FigureFamily, FigurePeriod } from '../../platform/steering/figure.contribution.js';
import { agencyFacts } from '../agencies/agencies.service.js';
import { householdFileNumbers } from '../households/households.service.js';
import { userFacts } from '../users/users.service.js';
import type { SnapshotStore } from './snapshots.service.js';
import { steeringRepository } from './steering.repository.js';
import { previousPeriod, quarterOf, targetStatus, targetsConsistent } from './steering.status.js';

/** The longest period the dashboard computes at once (a year and a day, for a leap year). */
const MAX_DAYS = 366;
const SHARE_UNITS = new Set(['share']);

const num = (v: string | null) => (v === null ? null : Number(v));

/** Every version (of one figure or all), newest first per figure, with the name of who set it. */
async function history(tx: Tx, agencyId: string, figureId: string | null): Promise<TTargets['items']> {
  const rows = await steeringRepository(tx, agencyId).history(figureId);
  const names = new Map(
    (
      await userFacts(
        tx,
        agencyId,
        rows.map((r) => r.created_by),
      )
    ).map((u) => [u.id, u.display_name]),
  );
  return rows.map((r) => ({
    id: r.id,
    figureId: r.figure_id,
    minimum: num(r.minimum),
    target: num(r.target),
    validFrom: r.valid_from,
    note: r.note,
    createdBy: r.created_by ? (names.get(r.created_by) ?? null) : null,
    createdAt: r.created_at.toISOString(),
  }));
}

/**
 * The steering dashboard ("Berichte"): each contributed figure for a period and the period before,
 * with the agency's minimum and target value in force at the period's end and the status. Knows no
 * module: the figures come from the contributions.
 */
export function steeringService(db: Kysely<DB>, contributions: readonly FigureContribution[], store: SnapshotStore) {
  const declared = new Map<string, { module: string; figure: FigureDeclaration; family: FigureFamily }>();
  for (const c of contributions)
    for (const family of c.families)
      for (const f of family.figures) {
        if (declared.has(f.id)) throw new Error(`figure ${f.id} declared twice`);
        declared.set(f.id, { module: c.module, figure: f, family });
      }

  function period(q: Pick<z.output<typeof ZFiguresQuery>, 'from' | 'to'>): FigurePeriod {
    if (!q.from && !q.to) return quarterOf(berlinDate(new Date()));
    if (!q.from) throw fieldError('from', 'Bitte den Beginn des Zeitraums angeben.', 'required');
    if (!q.to) throw fieldError('to', 'Bitte das Ende des Zeitraums angeben.', 'required');
    if (q.from > q.to) throw fieldError('to', 'Das Ende des Zeitraums liegt vor seinem Beginn.', 'range');
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
    if (days > MAX_DAYS) throw fieldError('to', 'Der Zeitraum ist länger als ein Jahr.', 'range');
    return { from: q.from, to: q.to };
  }

  return {
    figures: (ctx: Ctx, q: z.output<typeof ZFiguresQuery>) =>
      actorTx(db, ctx, async (tx): Promise<TFigures> => {
        access.require(ctx.actor, 'steering.figures');
        const agencyId = ctx.actor.agencyId;
        const p = period(q);
        const prev = previousPeriod(p.from, p.to);
        const { state } = await agencyFacts(tx, agencyId);
        const now = await store.figures(tx, agencyId, state, p);
        const then = await store.figures(tx, agencyId, state, prev);
        const current = new Map(Object.entries(now.data));
        const before = new Map(Object.entries(then.data));
        const asOf = now.asOf < then.asOf ? now.asOf : then.asOf;
        const targets = new Map((await steeringRepository(tx, agencyId).inForce(p.to)).map((t) => [t.figure_id, t]));
        const figures: TFigure[] = [...declared.values()].map(({ module, figure: f }) => {
          const r = current.get(f.id) ?? { value: null };
          const t = targets.get(f.id);
          const limits = t ? { minimum: num(t.minimum), target: num(t.target) } : null;
          return {
            id: f.id,
            module,
            title: f.title,
            definition: f.definition,
            unit: f.unit,
            higherIsBetter: f.higherIsBetter,
            value: r.value,
            previous: before.get(f.id)?.value ?? null,
            breakdown: f.categories ? f.categories.map((c) => ({ key: c.key, label: c.label, count: r.breakdown?.[c.key] ?? 0 })) : null,
            minimum: limits?.minimum ?? null,
            target: limits?.target ?? null,
            targetsFrom: t?.valid_from ?? null,
            status: targetStatus(r.value, limits, f.higherIsBetter),
          };
        });
        audit(tx, ctx, { action: 'steering.figures', details: { from: p.from, to: p.to } });
        return { from: p.from, to: p.to, previousFrom: prev.from, previousTo: prev.to, computedAt: asOf.toISOString(), figures };
      }),

    /**
     * Drill-down: the cases behind one figure for the period (its base, as the module counted it),
     * a page at a time, each with the household's file number where the user may see the household.
     * A read of personal data: audited with the cases listed.
     */
    cases: (ctx: Ctx, figureId: string, q: z.output<typeof ZFigureCasesQuery>) =>
      actorTx(db, ctx, async (tx): Promise<TFigureCases> => {
        access.require(ctx.actor, 'steering.cases');
        const d = declared.get(figureId);
        if (!d) throw new AppError('not_found');
        const agencyId = ctx.actor.agencyId;
        const p = period(q);
        const { state } = await agencyFacts(tx, agencyId);
        const page = d.family.drill
          ? await d.family.drill(tx, { agencyId, period: p, state, figureId, limit: q.pageSize, offset: (q.page - 1) * q.pageSize })
          : { items: [], total: 0 };
        const files = await householdFileNumbers(
          tx,
          ctx.actor,
          page.items.flatMap((i) => (i.householdId ? [i.householdId] : [])),
        );
        audit(tx, ctx, {
          action: 'steering.cases',
          details: { figureId, from: p.from, to: p.to, page: q.page, total: page.total, cases: page.items.map((i) => i.caseId) },
        });
        return {
          figureId,
          title: d.figure.title,
          from: p.from,
          to: p.to,
          page: q.page,
          pageSize: q.pageSize,
          total: page.total,
          items: page.items.map((i) => ({ ...i, fileNumber: i.householdId ? (files.get(i.householdId) ?? null) : null })),
        };
      }),

    /**
     * "Neu berechnen": the figures and breakdowns of the period and the one before computed now and
     * stored, instead of waiting for the hourly refresh. Answers the time of the new data.
     */
    refresh: (ctx: Ctx, q: z.output<typeof ZFiguresQuery>) =>
      actorTx(db, ctx, async (tx): Promise<TRefreshed> => {
        access.require(ctx.actor, 'steering.figures');
        const agencyId = ctx.actor.agencyId;
        const p = period(q);
        const { state } = await agencyFacts(tx, agencyId);
        let asOf = new Date();
        for (const x of [p, previousPeriod(p.from, p.to)]) {
          const f = await store.figures(tx, agencyId, state, x, true);
          await store.breakdowns(tx, agencyId, state, x, true);
          if (f.asOf < asOf) asOf = f.asOf;
        }
        audit(tx, ctx, { action: 'steering.refresh', details: { from: p.from, to: p.to } });
        return { from: p.from, to: p.to, computedAt: asOf.toISOString() };
      }),

    targets: (ctx: Ctx, q: z.output<typeof ZTargetsQuery>) =>
      actorTx(db, ctx, async (tx): Promise<TTargets> => {
        access.require(ctx.actor, 'steering.figures');
        const items = await history(tx, ctx.actor.agencyId, q.figureId ?? null);
        audit(tx, ctx, { action: 'steering.targets', details: { figureId: q.figureId ?? null, count: items.length } });
        return { items };
      }),

    /** A new version of a figure's minimum and target value from a day on; earlier versions stay. */
    setTarget: (ctx: Ctx, input: TTargetInput) =>
      actorTx(db, ctx, async (tx): Promise<TTargets> => {
        access.require(ctx.actor, 'steering.targets.write');
        const d = declared.get(input.figureId);
        if (!d) throw fieldError('figureId', 'Diese Kennzahl gibt es nicht.', 'unknown');
        const f = d.figure;
        if (SHARE_UNITS.has(f.unit)) {
          if (input.minimum > 100) throw fieldError('minimum', 'Ein Anteil liegt zwischen 0 und 100 %.', 'range');
          if (input.target > 100) throw fieldError('target', 'Ein Anteil liegt zwischen 0 und 100 %.', 'range');
        }
        if (f.unit === 'count' && !Number.isInteger(input.minimum))
          throw fieldError('minimum', 'Bitte eine ganze Zahl angeben.', 'integer');
        if (f.unit === 'count' && !Number.isInteger(input.target)) throw fieldError('target', 'Bitte eine ganze Zahl angeben.', 'integer');
        if (!targetsConsistent(input.minimum, input.target, f.higherIsBetter))
          throw fieldError(
            'target',
            f.higherIsBetter
              ? 'Der Zielwert darf nicht unter dem Mindestwert liegen (hier ist ein höherer Wert besser).'
              : 'Der Zielwert darf nicht über dem Mindestwert liegen (hier ist ein niedrigerer Wert besser).',
            'order',
          );
        const row = await steeringRepository(tx, ctx.actor.agencyId).insert({
          figure_id: f.id,
          minimum: input.minimum,
          target: input.target,
          valid_from: input.validFrom,
          note: input.note || null,
          created_by: ctx.actor.userId,
        });
        audit(tx, ctx, {
          action: 'steering.target_set',
          entityId: row.id,
          details: { figureId: f.id, minimum: input.minimum, target: input.target, validFrom: input.validFrom },
        });
        return { items: await history(tx, ctx.actor.agencyId, f.id) };
      }),
  };
}
export type SteeringService = ReturnType<typeof steeringService>;
