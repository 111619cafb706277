import crypto from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAgency, testDbs, type TestAgency } from '../../../../test/helpers.js';
import { inAgency } from '../../db/database.js';
import { closeDeadlines, openDeadline, openDeadlinesOf, type DeadlineInput } from './deadlines.service.js';
import { jobNamespace, runJobs, until } from '../../../../test/jobs.js';
import { enqueue } from '../jobs/queue.js';
import { mailDelivery } from '../mail/mail.job.js';
import { deadlineRun, runDeadlinesOnce } from './deadlines.job.js';

let agency: TestAgency;
const app = () => testDbs().app;
const owner = () => testDbs().owner;
const NOW = new Date('2026-12-01T08:00:00Z');
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

const open = (over: Partial<DeadlineInput> = {}) =>
  inAgency(app(), agency.id, (tx) =>
    openDeadline(tx, agency.id, {
      subjectType: 'candidate',
      subjectId: crypto.randomUUID(),
      kind: 'household_decision',
      title: 'Entscheidung des Haushalts',
      link: '/placement/offers/123',
      dueAt: new Date('2026-12-03T22:59:59.999Z'),
      assigneeId: agency.users.case_manager.id,
      ...over,
    }),
  );
const run = (now: Date) => runDeadlinesOnce(app(), now, [agency.id]);
const notices = (userId: string) =>
  owner().selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
const mailsTo = (email: string) =>
  owner()
    .selectFrom('outbox_mails')
    .selectAll()
    .where('agency_id', '=', agency.id)
    .execute()
    .then((rows) => rows.filter((m) => m.to_addresses.includes(email)));
const deadline = (id: string) => owner().selectFrom('deadlines').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const auditOf = (id: string) => owner().selectFrom('audit_events').selectAll().where('entity_id', '=', id).execute();

beforeEach(async () => {
  agency = await createAgency();
});

describe('deadline scheduler', () => {
  it('reminds the assignee once, with the due date in German notation', async () => {
    const id = await open({ remindAt: hours(-1) });
    expect(await run(NOW)).toEqual({ reminded: 1, alerted: 0 });
    expect(await run(hours(1))).toEqual({ reminded: 0, alerted: 0 });

    const [n, ...more] = await notices(agency.users.case_manager.id);
    expect(more).toHaveLength(0);
    expect(n).toMatchObject({
      kind: 'deadline.reminder',
      title: 'Erinnerung: Entscheidung des Haushalts bis 03.12.2026',
      link: '/placement/offers/123',
      read_at: null,
    });
    const mails = await mailsTo(agency.users.case_manager.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Erinnerung: Entscheidung des Haushalts bis 03.12.2026');
    expect(mails[0]!.text_body).toContain('http://localhost:3000/placement/offers/123');
    expect((await deadline(id)).reminded_at).toEqual(NOW);
    const events = await auditOf(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'deadline.reminded', entity_type: 'deadline', actor_id: null, outcome: 'success' });
  });

  it('does not remind before remind_at', async () => {
    await open({ remindAt: hours(2) });
    expect(await run(NOW)).toEqual({ reminded: 0, alerted: 0 });
    expect(await notices(agency.users.case_manager.id)).toHaveLength(0);
  });

  it('alerts the assignee and every active lead once when the deadline passes', async () => {
    const extra = await owner()
      .insertInto('users')
      .values([
        {
          agency_id: agency.id,
          email: `lead2.${agency.id}@test.example`,
          display_name: 'Zweite Leitung',
          role: 'lead',
          password_hash: 'x',
        },
        {
          agency_id: agency.id,
          email: `lead3.${agency.id}@test.example`,
          display_name: 'Ehemalige Leitung',
          role: 'lead',
          password_hash: 'x',
          active: false,
        },
      ])
      .returning(['id', 'active'])
      .execute();
    const id = await open({ dueAt: hours(-1), remindAt: hours(-30) });
    expect(await run(NOW)).toEqual({ reminded: 0, alerted: 1 });
    expect(await run(hours(2))).toEqual({ reminded: 0, alerted: 0 });

    const activeLead2 = extra.find((u) => u.active)!.id;
    for (const userId of [agency.users.case_manager.id, agency.users.lead.id, activeLead2]) {
      const list = await notices(userId);
      expect(
        list.map((n) => n.title),
        userId,
      ).toEqual(['Frist überschritten: Entscheidung des Haushalts']);
    }
    // No late reminder once the deadline has passed; nothing for inactive leads or other roles.
    expect(await notices(extra.find((u) => !u.active)!.id)).toHaveLength(0);
    expect(await notices(agency.users.social_worker.id)).toHaveLength(0);
    expect(await mailsTo(agency.users.lead.email)).toHaveLength(1);
    expect(await mailsTo(`lead3.${agency.id}@test.example`)).toHaveLength(0);

    const d = await deadline(id);
    expect(d.alerted_at).toEqual(NOW);
    expect(d.reminded_at).toEqual(NOW);
    expect((await auditOf(id)).map((e) => e.action).sort()).toEqual(['deadline.alerted', 'deadline.reminded']);
  });

  it('alerts only the assignee without escalation, and the leads when nobody is assigned', async () => {
    await open({ dueAt: hours(-1), escalateToLead: false, title: 'Nur Sachbearbeitung' });
    await open({ dueAt: hours(-1), escalateToLead: false, assigneeId: null, title: 'Niemand zuständig' });
    expect(await run(NOW)).toEqual({ reminded: 0, alerted: 2 });
    expect((await notices(agency.users.case_manager.id)).map((n) => n.title)).toEqual(['Frist überschritten: Nur Sachbearbeitung']);
    expect((await notices(agency.users.lead.id)).map((n) => n.title)).toEqual(['Frist überschritten: Niemand zuständig']);
  });

  it('sends nothing twice when two instances run at the same time', async () => {
    await Promise.all([open({ dueAt: hours(-1), remindAt: hours(-2) }), open({ remindAt: hours(-1) }), open({ dueAt: hours(-3) })]);
    const results = await Promise.all([run(NOW), run(NOW), run(NOW)]);
    expect(results.reduce((s, r) => s + r.alerted, 0)).toBe(2);
    expect(results.reduce((s, r) => s + r.reminded, 0)).toBe(1);
    expect(await notices(agency.users.case_manager.id)).toHaveLength(3);
    expect(await notices(agency.users.lead.id)).toHaveLength(2);
  });

  it('leaves closed deadlines alone', async () => {
    const subjectId = crypto.randomUUID();
    await open({ subjectId, dueAt: hours(-1), kind: 'household_decision' });
    await open({ subjectId, dueAt: hours(-1), kind: 'provider_decision' });
    const closed = await inAgency(app(), agency.id, (tx) =>
      closeDeadlines(tx, { subjectId, kinds: ['household_decision'], status: 'done', by: agency.users.case_manager.id }),
    );
    expect(closed).toBe(1);
    expect(
      await inAgency(app(), agency.id, (tx) => closeDeadlines(tx, { subjectId, kinds: ['household_decision'], status: 'done', by: null })),
    ).toBe(0);
    expect(await run(NOW)).toEqual({ reminded: 0, alerted: 1 });
    expect(await inAgency(app(), agency.id, (tx) => closeDeadlines(tx, { subjectId, status: 'cancelled', by: null }))).toBe(1);
    const rows = await owner().selectFrom('deadlines').selectAll().where('subject_id', '=', subjectId).orderBy('kind').execute();
    expect(rows.map((r) => [r.kind, r.status, r.closed_by])).toEqual([
      ['household_decision', 'done', agency.users.case_manager.id],
      ['provider_decision', 'cancelled', null],
    ]);
    expect(rows.every((r) => r.closed_at !== null)).toBe(true);
  });
});

describe('deadline job', () => {
  it('runs on the queue as the cron sends it (here for one agency), and refuses a malformed payload', async () => {
    // Queues of this file's own; the reminder's mail is queued there too.
    await jobNamespace([deadlineRun, mailDelivery]);
    const runner = await runJobs([deadlineRun]);
    try {
      const id = await open({ remindAt: new Date(Date.now() - 3_600_000), dueAt: new Date(Date.now() + 7 * 86_400_000) });
      await enqueue(app(), deadlineRun, { agencyIds: [agency.id] });
      await until(async () => (await notices(agency.users.case_manager.id)).length > 0);
      expect((await notices(agency.users.case_manager.id)).map((n) => n.kind)).toEqual(['deadline.reminder']);
      expect((await deadline(id)).reminded_at).not.toBeNull();
      expect(await mailsTo(agency.users.case_manager.email)).toHaveLength(1);
      await expect(enqueue(app(), deadlineRun, { agencyIds: ['keine-uuid'] })).rejects.toThrow();
    } finally {
      await runner.stop();
    }
  });
});

describe('deadline rows', () => {
  it('lists the open deadlines of subjects, earliest first, only within the agency', async () => {
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    const late = await open({ subjectId: a, dueAt: hours(48) });
    const early = await open({ subjectId: b, dueAt: hours(24) });
    await open({ subjectId: crypto.randomUUID(), dueAt: hours(1) });
    const done = await open({ subjectId: a, dueAt: hours(2), kind: 'other' });
    await inAgency(app(), agency.id, (tx) => closeDeadlines(tx, { subjectId: a, kinds: ['other'], status: 'done', by: null }));
    const rows = await inAgency(app(), agency.id, (tx) => openDeadlinesOf(tx, [a, b]));
    expect(rows.map((r) => r.id)).toEqual([early, late]);
    expect(rows.map((r) => r.id)).not.toContain(done);

    const other = await createAgency();
    expect(await inAgency(app(), other.id, (tx) => openDeadlinesOf(tx, [a, b]))).toEqual([]);
  });

  it('refuses a link that is not a UI path', async () => {
    await expect(open({ link: 'https://example.org/x' })).rejects.toThrow(/UI path/);
  });
});
