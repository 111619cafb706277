import type { Kysely } from 'kysely';
import { z } from 'zod';
import { inAgency, type Tx } from '../../db/database.js';
import type { DB, TextParams } from '../../db/types.js';
import type { TextRef } from '../../../contracts/notify.js';
import { recordAudit, type AuditSubject } from '../audit/audit.js';
import { defineJob, eachAgency } from '../jobs/job.js';
import { notify } from '../notify/notify.js';
import { activeUsersWithRoles } from '../../modules/users/users.service.js';
import { agenciesWithWork, dueDeadlines, markAlerted, markReminded } from './deadlines.repository.js';
import { berlinDate, germanDate } from './workdays.js';

/**
 * A reminder's or alert's text as a key: the deadline's own key and parameters nested in it (the web
 * shows `$t(titleKey)`), or its stored German title for rows from before keys (`…Plain`).
 */
function deadlineText(
  key: 'notice.deadlineReminder' | 'notice.deadlineAlert',
  d: { title: string; title_key: string | null; title_params: TextParams | null; due_at: Date | string },
): TextRef {
  const dueOn = berlinDate(d.due_at as Date);
  return d.title_key
    ? { key, params: { ...(d.title_params ?? {}), titleKey: d.title_key, dueOn } }
    : {
        key: key === 'notice.deadlineReminder' ? 'notice.deadlineReminderPlain' : 'notice.deadlineAlertPlain',
        params: { title: d.title, dueOn },
      };
}

/** The scheduler acts for nobody: its audit events carry no actor. */
const system = (agencyId: string): AuditSubject => ({ agencyId, actorId: null, actorRole: null, ip: null, purpose: 'Fristenüberwachung' });

async function remind(tx: Tx, agencyId: string, now: Date): Promise<number> {
  const due = await dueDeadlines(tx, now, 'reminder');
  let sent = 0;
  for (const d of due) {
    // Already overdue: the alert below says more than a late reminder would.
    const skip = !d.assignee_id || (d.due_at as Date) <= now;
    if (!skip) {
      await notify(tx, agencyId, {
        userIds: [d.assignee_id!],
        kind: 'deadline.reminder',
        title: `Erinnerung: ${d.title} bis ${germanDate(berlinDate(d.due_at as Date))}`,
        text: deadlineText('notice.deadlineReminder', d),
        ...(d.link ? { link: d.link } : {}),
      });
      sent += 1;
    }
    await markReminded(tx, d.id, now);
    recordAudit(tx, system(agencyId), {
      action: 'deadline.reminded',
      entityId: d.id,
      details: { assigneeId: d.assignee_id, notified: !skip },
    });
  }
  return sent;
}

async function alert(tx: Tx, agencyId: string, now: Date): Promise<number> {
  const due = await dueDeadlines(tx, now, 'alert');
  if (due.length === 0) return 0;
  const needLeads = due.some((d) => d.escalate_to_lead || !d.assignee_id);
  const leads = needLeads ? await activeUsersWithRoles(tx, agencyId, ['lead']) : [];
  for (const d of due) {
    // Nobody assigned: the leads hear of it, so an overdue deadline is never told to no one.
    const userIds = [...(d.assignee_id ? [d.assignee_id] : []), ...(d.escalate_to_lead || !d.assignee_id ? leads : [])];
    await notify(tx, agencyId, {
      userIds,
      kind: 'deadline.alert',
      title: `Frist überschritten: ${d.title}`,
      body: `Frist überschritten: ${d.title} (fällig am ${germanDate(berlinDate(d.due_at as Date))})`,
      text: deadlineText('notice.deadlineAlert', d),
      ...(d.link ? { link: d.link } : {}),
    });
    await markAlerted(tx, d.id, now);
    recordAudit(tx, system(agencyId), { action: 'deadline.alerted', entityId: d.id, details: { recipients: [...new Set(userIds)] } });
  }
  return due.length;
}

/**
 * One pass: for every agency with due work, reminders to assignees and alerts on passed deadlines
 * (to the assignee and, when escalated, every active lead). Rows are locked with SKIP LOCKED and
 * marked in the same transaction, so two instances never send the same notice twice. `only`
 * restricts the pass to some agencies (tests share one database).
 */
export async function runDeadlinesOnce(
  db: Kysely<DB>,
  now: Date = new Date(),
  only?: readonly string[],
): Promise<{ reminded: number; alerted: number }> {
  const agencies = (await agenciesWithWork(db, now)).filter((id) => !only || only.includes(id));
  const runs = await eachAgency(agencies, (agencyId) =>
    inAgency(db, agencyId, async (tx) => ({ reminded: await remind(tx, agencyId, now), alerted: await alert(tx, agencyId, now) })),
  );
  return runs.reduce((t, r) => ({ reminded: t.reminded + r.reminded, alerted: t.alerted + r.alerted }), { reminded: 0, alerted: 0 });
}

/**
 * Reminders and overdue alerts, every minute (the queue's cron). `stately`: a run that takes longer
 * than a minute is not joined by a pile of waiting ones. A failed run is not retried: the next
 * minute's run is its retry. `agencyIds` limits a run to some agencies.
 */
export const deadlineRun = defineJob({
  id: 'deadlines.run',
  payload: z.object({ agencyIds: z.array(z.uuid()).optional() }),
  policy: 'stately',
  schedule: { cron: '* * * * *', payload: {} },
  expireInSeconds: 600,
  handler: ({ agencyIds }, ctx) => runDeadlinesOnce(ctx.db, new Date(), agencyIds),
});
