import type { Kysely } from 'kysely';
import type { TStatisticsOverview, TStatMissing } from '../../../contracts/accommodationStatistics.js';
import { inAgency, type Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { roleHas } from '../../platform/access/registry.js';
import { audit, recordAudit, type AuditSubject } from '../../platform/audit/audit.js';
import { closeDeadlines, openDeadline } from '../../platform/deadlines/deadlines.service.js';
import { addWorkingDays, berlinDate, endOfDayBerlin, type FederalState } from '../../platform/deadlines/workdays.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { eachAgency } from '../../platform/jobs/job.js';
import { agencyFacts } from '../agencies/agencies.service.js';
import { statisticsPersons } from '../households/statistics.service.js';
import { activeUsersWithRoles } from '../users/users.service.js';
import { publishedTable, recordsCsv, recordsXlsx } from './wobericht.export.js';
import { accommodationAgencies, woberichtRepository } from './wobericht.repository.js';

/*
 * The federal statistics of accommodated homeless persons (WoBerichtsG): the reference day is
 * 31 January, counted is the night to 1 February. The report is due 30 working days after the
 * reference day (weekends and the agency's state holidays do not count). Its deadline is opened by
 * the daily job (openStatisticsReports) once the reference night is over — not on a first visit, so
 * the lead is reminded even when nobody opens the page — for the agency's first active lead, the
 * leads alerted when it passes; marking the export as submitted closes it.
 */

export const ENTITY = 'accommodation_statistics_report';
const DEADLINE = 'accommodation_statistics';
const MISSING_LIMIT = 500;
const REMIND_DAYS = 14;

export const referenceDayOf = (year: number) => `${year}-01-31`;
/** The due date: 30 working days after the reference day in the agency's state. */
export const statisticsDueOn = (year: number, state: FederalState) => addWorkingDays(referenceDayOf(year), 30, state);
/** The latest year whose reference night is over on `today` (from 1 February on: this year). */
export const latestYear = (today: string) => Number(today.slice(0, 4)) - (today.slice(5) >= '02-01' ? 0 : 1);
export const statisticsLink = (year: number) => `/accommodation/statistics?year=${year}`;

const minusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** The year's report row with its deadline, once (idempotent); true when this call opened it. */
async function ensureReport(tx: Tx, agencyId: string, year: number, today: string): Promise<boolean> {
  const { state } = await agencyFacts(tx, agencyId);
  const dueOn = statisticsDueOn(year, state);
  const id = await woberichtRepository(tx, agencyId).insertReport(year, dueOn);
  if (!id) return false;
  const remindOn = minusDays(dueOn, REMIND_DAYS);
  await openDeadline(tx, agencyId, {
    subjectType: ENTITY,
    subjectId: id,
    kind: DEADLINE,
    title: `Bundesstatistik untergebrachter Wohnungsloser ${year} melden`,
    text: { key: 'deadlineTitle.accommodation_statistics', params: { year } },
    link: statisticsLink(year),
    dueAt: endOfDayBerlin(dueOn),
    remindAt: remindOn > today ? endOfDayBerlin(remindOn) : null,
    assigneeId: (await activeUsersWithRoles(tx, agencyId, ['lead']))[0] ?? null,
    escalateToLead: true,
  });
  return true;
}

/** The schedule acts for nobody: its audit events carry no actor. */
const system = (agencyId: string): AuditSubject => ({ agencyId, actorId: null, actorRole: null, ip: null, purpose: 'Bundesstatistik' });

/**
 * Daily: for every agency with facilities, opens this year's report and its deadline once the
 * reference night is over (idempotent: a report exists once per agency and year). `only` limits it
 * to some agencies (tests share one database).
 */
export async function openStatisticsReports(db: Kysely<DB>, today = berlinDate(new Date()), only?: readonly string[]) {
  const year = latestYear(today);
  const agencies = (await accommodationAgencies(db)).filter((id) => !only || only.includes(id));
  const opened = await eachAgency(agencies, (agencyId) =>
    inAgency(db, agencyId, async (tx) => {
      if (!(await ensureReport(tx, agencyId, year, today))) return 0;
      const row = (await woberichtRepository(tx, agencyId).report(year))!;
      recordAudit(tx, system(agencyId), { action: 'accommodation.statistics_open', entityId: row.id, details: { year, scheduled: true } });
      return 1;
    }),
  );
  return { year, opened: opened.reduce((a: number, b: number) => a + b, 0) };
}

export function woberichtService(db: Kysely<DB>) {
  /** The year asked for (default: the latest past reference night); a year whose night is not over is refused. */
  const yearOf = (asked: number | undefined) => {
    const latest = latestYear(berlinDate(new Date()));
    const year = asked ?? latest;
    if (year > latest) throw fieldError('year', 'Die Stichtagsnacht dieses Jahres ist noch nicht vorbei.');
    return year;
  };

  const load = async (tx: Tx, agencyId: string, year: number) => {
    const day = referenceDayOf(year);
    const attrs = (persons: Parameters<typeof statisticsPersons>[2]) => statisticsPersons(agencyId, day, persons);
    const repo = woberichtRepository(tx, agencyId);
    const facts = await agencyFacts(tx, agencyId);
    return { day, attrs, repo, facts };
  };

  async function overview(tx: Tx, ctx: Ctx, year: number): Promise<TStatisticsOverview> {
    const { day, attrs, repo, facts } = await load(tx, ctx.actor.agencyId, year);
    const [counts, missing, report] = await Promise.all([
      repo.table(day, attrs),
      repo.missing(day, attrs, MISSING_LIMIT),
      repo.report(year),
    ]);
    const persons = counts.find((c) => c.dim === 'sex_age' && c.sex === null && c.key === null)?.n ?? 0;
    return {
      year,
      referenceDay: day,
      dueOn: report?.due_on ?? statisticsDueOn(year, facts.state),
      ags: facts.ags,
      persons,
      missingTotal: missing[0]?.total ?? 0,
      missing: missing.map((m) => ({
        householdId: m.household_id,
        reference: m.reference,
        memberId: m.member_id,
        name: m.name,
        missing: (['sex', 'birthDate', 'nationality'] as TStatMissing[]).filter((k) =>
          k === 'sex' ? m.sex : k === 'birthDate' ? m.birth_date : m.nationality,
        ),
      })),
      table: publishedTable(counts),
      submittedAt: report?.submitted_at ? new Date(report.submitted_at).toISOString() : null,
      submittedBy: report?.submitted_by_name ?? null,
      submittedPersons: report?.submitted_persons ?? null,
      note: report?.note ?? null,
      canSubmit: roleHas(ctx.actor.role, 'accommodation.statistics_submit') && !report?.submitted_at,
    };
  }

  return {
    /** The year's overview: counts, the check of missing attributes, the published table, the report's state. */
    overview: (ctx: Ctx, asked: number | undefined) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.statistics');
        const year = yearOf(asked);
        const o = await overview(tx, ctx, year);
        audit(tx, ctx, { action: 'accommodation.statistics_read', details: { year, persons: o.persons, missing: o.missingTotal } });
        return o;
      }),

    /** The records as CSV (or XLSX with the published table). */
    export: (ctx: Ctx, asked: number, format: 'csv' | 'xlsx') =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.statistics');
        const year = yearOf(asked);
        const { day, attrs, repo, facts } = await load(tx, ctx.actor.agencyId, year);
        const rows = await repo.records(day, attrs);
        audit(tx, ctx, { action: 'accommodation.statistics_export', details: { year, format, persons: rows.length } });
        const stem = `wobericht-${year}-${facts.ags}`;
        if (format === 'csv')
          return { filename: `${stem}.csv`, contentType: 'text/csv; charset=utf-8', content: recordsCsv(rows, day, facts.ags) };
        const table = publishedTable(await repo.table(day, attrs));
        return {
          filename: `${stem}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          content: await recordsXlsx(rows, table, day, facts.ags, year),
        };
      }),

    /** Marks the year's export as submitted (once): the deadline is done. */
    submit: (ctx: Ctx, asked: number, note: string | null) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.statistics_submit');
        const year = yearOf(asked);
        const agencyId = ctx.actor.agencyId;
        await ensureReport(tx, agencyId, year, berlinDate(new Date()));
        const repo = woberichtRepository(tx, agencyId);
        const row = (await repo.report(year))!;
        if (row.submitted_at) throw new AppError('conflict', 'Die Meldung dieses Jahres ist bereits als übermittelt vermerkt.');
        const { day, attrs } = await load(tx, agencyId, year);
        const persons = (await repo.table(day, attrs)).find((c) => c.dim === 'sex_age' && c.sex === null && c.key === null)?.n ?? 0;
        await repo.submit(row.id, ctx.actor.userId, persons, note);
        await closeDeadlines(tx, { subjectId: row.id, kinds: [DEADLINE], status: 'done', by: ctx.actor.userId });
        audit(tx, ctx, { action: 'accommodation.statistics_submit', entityId: row.id, details: { year, persons } });
        return overview(tx, ctx, year);
      }),
  };
}
export type WoberichtService = ReturnType<typeof woberichtService>;
