import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TRetentionSettings, ZRetentionDecision, ZRetentionList } from '../../../contracts/retention.js';
import { inAgency, type Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit, recordAudit, type AuditSubject } from '../../platform/audit/audit.js';
import { closeDeadlines, openDeadline } from '../../platform/deadlines/deadlines.service.js';
import { berlinDate, endOfDayBerlin } from '../../platform/deadlines/workdays.js';
import { AccessDenied, AppError } from '../../platform/errors/app-error.js';
import { actorTx } from '../../platform/http/tx.js';
import { eachAgency } from '../../platform/jobs/job.js';
import { notify } from '../../platform/notify/notify.js';
import type { Ctx } from '../../platform/http/context.js';
import { agencyFacts } from '../agencies/agencies.service.js';
import { activeUsersWithRoles } from '../users/users.service.js';
import { auditCut, pseudonymiseAudit } from '../../platform/audit/pseudonymise.js';
import type { Keyring } from '../../platform/keys/keyring.js';
import { retentionAgencies, retentionRepository } from './retention.repository.js';
import { retentionRunsRepository } from './runs.repository.js';
import { retentionRunsService } from './runs.service.js';

/** The job acts for nobody: its audit events carry no actor. */
const system = (agencyId: string): AuditSubject => ({
  agencyId,
  actorId: null,
  actorRole: null,
  ip: null,
  purpose: 'Aufbewahrungsfristen',
});

const DEADLINE = 'retention_review';
export const RETENTION_LINK = '/retention';

/** The stable pseudonym an anonymised household is shown by: its file number, which names nobody. */
export const pseudonymOf = (reference: string) => `Anonymisiert ${reference}`;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** One agency's pass: lists the households whose retention ran out, with a deadline and a notice for the leads. */
async function listDue(tx: Tx, agencyId: string, settings: TRetentionSettings, today: string, runId: string): Promise<number> {
  const repo = retentionRepository(tx, agencyId);
  const due = await repo.due(settings, today);
  let listed = 0;
  const confirmBy = addDays(today, settings.confirmDays);
  for (const d of due) {
    const row = await repo.list(d, runId);
    if (!row) continue;
    listed += 1;
    await openDeadline(tx, agencyId, {
      subjectType: DEADLINE,
      subjectId: row.id,
      kind: DEADLINE,
      title: 'Löschung nach Ablauf der Aufbewahrungsfrist bestätigen',
      text: { key: 'deadlineTitle.retention_review', params: {} },
      link: RETENTION_LINK,
      dueAt: endOfDayBerlin(confirmBy),
      householdId: d.household_id,
      escalateToLead: true,
    });
    recordAudit(tx, system(agencyId), {
      action: 'retention.listed',
      entityId: d.household_id,
      details: { review: row.id, dueOn: d.due_on, programmes: d.programmes },
    });
  }
  if (listed > 0)
    await notify(tx, agencyId, {
      userIds: await activeUsersWithRoles(tx, agencyId, ['lead']),
      kind: 'retention.due',
      title: `${listed} Haushalte zur Löschung nach Ablauf der Aufbewahrungsfrist`,
      body: `Bitte bis ${confirmBy.split('-').reverse().join('.')} bestätigen oder die weitere Aufbewahrung begründen.`,
      link: RETENTION_LINK,
      text: { key: 'notice.retentionDue', params: { count: listed, confirmByOn: confirmBy } },
    });
  return listed;
}

/**
 * The daily pass over all agencies (`only`: some agencies, for tests sharing one database): per
 * agency, one recorded run that lists the households due and pseudonymises the audit events past
 * their own period (platform/audit/pseudonymise.ts).
 */
export async function runRetention(db: Kysely<DB>, keys: Keyring, today = berlinDate(new Date()), only?: readonly string[]) {
  const agencies = (await retentionAgencies(db)).filter((id) => !only || only.includes(id));
  const runs = await eachAgency(agencies, (agencyId) =>
    inAgency(db, agencyId, async (tx) => {
      const settings = (await agencyFacts(tx, agencyId)).settings.retention;
      const runs = retentionRunsRepository(tx, agencyId);
      const cut = auditCut(today, settings.auditReadYears, settings.auditYears);
      const runId = await runs.start(today, cut);
      const listed = await listDue(tx, agencyId, settings, today, runId);
      const pseudonymised = await pseudonymiseAudit(tx, keys, cut);
      await runs.finish(runId, listed, pseudonymised);
      return { listed, pseudonymised };
    }),
  );
  return {
    listed: runs.reduce((a, r) => a + r.listed, 0),
    auditPseudonymised: runs.reduce((a, r) => a + r.pseudonymised, 0),
  };
}

type Review = Awaited<ReturnType<ReturnType<typeof retentionRepository>['reviews']>>[number];
const present = (r: Review): z.output<typeof ZRetentionList>['items'][number] => ({
  id: r.id,
  householdId: r.household_id,
  reference: r.reference,
  headName: r.head_name,
  closedOn: r.closed_on,
  dueOn: r.due_on,
  programmes: r.programmes as z.output<typeof ZRetentionList>['items'][number]['programmes'],
  status: r.status as 'due' | 'anonymised' | 'kept',
  listedAt: r.listed_at.toISOString(),
  decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
  keepReason: r.keep_reason,
  keepUntil: r.keep_until,
});

export function retentionService(db: Kysely<DB>) {
  return {
    ...retentionRunsService(db),
    list: (ctx: Ctx, status: 'due' | 'anonymised' | 'kept') =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'retention.list');
        const rows = await retentionRepository(tx, ctx.actor.agencyId).reviews(status);
        audit(tx, ctx, { action: 'retention.list', details: { status, results: rows.length } });
        return { items: rows.map(present) };
      }),

    /** The lead's decision on a listed household: anonymise it now, or keep it with a reason until a date. */
    decide: (ctx: Ctx, id: string, d: z.output<typeof ZRetentionDecision>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'retention.decide', { type: 'retention_review', id });
        const repo = retentionRepository(tx, ctx.actor.agencyId);
        const r = await repo.review(id);
        if (!r) throw new AccessDenied('retention.decide', { type: 'retention_review', id });
        if (r.status !== 'due')
          throw new AppError('invalid_transition', 'Über diesen Haushalt ist bereits entschieden.', { currentState: r.status });
        let documents = 0;
        if (d.decision === 'anonymise') {
          documents = await repo.anonymise(r.household_id, pseudonymOf(r.reference));
          await repo.decide(id, ctx.actor.userId, { status: 'anonymised', documents_deleted: documents });
        } else {
          if (d.keepUntil <= berlinDate(new Date()))
            throw new AppError('validation_failed', undefined, {
              errors: [{ field: 'keepUntil', code: 'too_small', message: 'Das Datum muss in der Zukunft liegen.' }],
            });
          await repo.decide(id, ctx.actor.userId, { status: 'kept', keep_reason: d.reason, keep_until: d.keepUntil });
        }
        await closeDeadlines(tx, { subjectId: id, kinds: [DEADLINE], status: 'done', by: ctx.actor.userId });
        audit(tx, ctx, {
          action: d.decision === 'anonymise' ? 'retention.anonymised' : 'retention.kept',
          entityId: r.household_id,
          details: d.decision === 'anonymise' ? { review: id, documents } : { review: id, keepUntil: d.keepUntil },
        });
        return present((await repo.review(id))!);
      }),
  };
}
export type RetentionService = ReturnType<typeof retentionService>;
