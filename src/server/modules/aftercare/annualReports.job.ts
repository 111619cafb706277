import type { Kysely } from 'kysely';
import { z } from 'zod';
import { inAgency } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import { recordAudit, type AuditSubject } from '../../platform/audit/audit.js';
import { berlinDate, germanDate } from '../../platform/deadlines/workdays.js';
import { defineJob, eachAgency } from '../../platform/jobs/job.js';
import { notify } from '../../platform/notify/notify.js';
import { agencyFacts } from '../agencies/agencies.service.js';
import { activeCarrierLeads } from '../users/users.service.js';
import { agenciesWithAgreements, annualReportRepository } from './annualReports.repository.js';
import { annualReportLink, planAnnualDeadline } from './annualReports.service.js';
import { annualDueOn } from './reports.service.js';

/** The schedule acts for nobody: its audit events carry no actor. */
const system = (agencyId: string): AuditSubject => ({ agencyId, actorId: null, actorRole: null, ip: null, purpose: 'Jahresbericht' });

/**
 * Opens last year's annual report for every carrier that had a cooperation agreement in force during
 * it and has none yet: a draft, the due date (agency setting, default 30 April) a deadline for the
 * carrier's lead, and a notice to its leads. Idempotent (a report exists once per carrier and year),
 * so the daily run only acts in the first days of a year or after a late agreement. `only` limits
 * it to some agencies (tests share one database).
 */
export async function openAnnualReports(db: Kysely<DB>, today = berlinDate(new Date()), only?: readonly string[]) {
  const year = Number(today.slice(0, 4)) - 1;
  const agencies = (await agenciesWithAgreements(db, year)).filter((id) => !only || only.includes(id));
  const opened = await eachAgency(agencies, (agencyId) =>
    inAgency(db, agencyId, async (tx) => {
      const repo = annualReportRepository(tx, agencyId);
      const { settings } = await agencyFacts(tx, agencyId);
      let n = 0;
      for (const carrierId of await repo.carriersToOpen(year)) {
        if (!(await repo.insert(carrierId, year, null))) continue;
        const row = (await repo.findByYear(carrierId, year))!;
        await planAnnualDeadline(tx, agencyId, row, { notBefore: null, by: null, fallback: null });
        await notify(tx, agencyId, {
          userIds: await activeCarrierLeads(tx, agencyId, carrierId),
          kind: 'aftercare.annual_report',
          title: `Jahresbericht ${year} der Wohnintegrationshilfe bereitgestellt`,
          body:
            `Der Jahresbericht ${year} für ${row.carrier_name} ist als Entwurf angelegt; die Zahlen stehen bereit. ` +
            `Bitte bis ${germanDate(annualDueOn(year, settings.aftercare.reportDueMonthDay))} einreichen.`,
          link: annualReportLink(row.id),
          text: {
            key: 'notice.annualReportOpened',
            params: { year, carrier: row.carrier_name, dueOn: annualDueOn(year, settings.aftercare.reportDueMonthDay) },
          },
        });
        recordAudit(tx, system(agencyId), {
          action: 'aftercare.annual_report_open',
          entityId: row.id,
          details: { year, scheduled: true },
        });
        n += 1;
      }
      return n;
    }),
  );
  return { year, opened: opened.reduce((a, b) => a + b, 0) };
}

/** Every morning at 05:30 (Europe/Berlin); a failed run is retried by the next day's. */
export const annualReportsOpen = defineJob({
  id: 'aftercare.annual_reports_open',
  payload: z.object({ agencyIds: z.array(z.uuid()).optional() }),
  policy: 'stately',
  schedule: { cron: '30 5 * * *', payload: {} },
  expireInSeconds: 600,
  handler: ({ agencyIds }, ctx) => openAnnualReports(ctx.db, berlinDate(new Date()), agencyIds),
});
