import crypto from 'node:crypto';
import { sql } from 'kysely';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeHeader, header, startTestSmtp, type TestSmtp } from '../../../../test/smtp.js';
import { createAgency, testDbs, type TestAgency } from '../../../../test/helpers.js';
import { dueNow, jobNamespace, jobRow, runJobs, until } from '../../../../test/jobs.js';
import { inAgency } from '../../db/database.js';
import { JOB_SCHEMA, useJobNamespace, type JobRunner } from '../jobs/queue.js';
import { enqueueMail, type MailInput } from './outbox.service.js';
import { smtpTransport, type MailTransport } from './transport.js';
import { earliestRetryMs, mailDelivery, MAX_ATTEMPTS } from './mail.job.js';

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//wohnhilfe//test//DE',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:test-1@wohnhilfe.local',
  'DTSTAMP:20261201T090000Z',
  'DTSTART:20261203T090000Z',
  'DTEND:20261203T100000Z',
  'SUMMARY:Runder Tisch',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

let smtp: TestSmtp;
let transport: MailTransport;
let agency: TestAgency;
let ns: string;
let runner: JobRunner;
const db = () => testDbs().app;
const newTransport = () =>
  smtpTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true }, 'wohnhilfe <no-reply@wohnhilfe.local>');
/** The delivery worker as the app runs it, on this file's queue (polling every 0.5 s). */
const deliver = (t: MailTransport) => runJobs([mailDelivery], { mail: t }, { pollingIntervalSeconds: { [mailDelivery.id]: 0.5 } });
const address = () => `empfang.${crypto.randomBytes(4).toString('hex')}@test.example`;
const to = (addr: string) => smtp.received.filter((m) => m.to.includes(addr));
const row = (id: string) => testDbs().owner.selectFrom('outbox_mails').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const enqueue = (mail: Partial<MailInput> & { to: string[] }) =>
  inAgency(db(), agency.id, (tx) => enqueueMail(tx, agency.id, { subject: 'Test', text: 'Hallo', kind: 'test.mail', ...mail }));
/** The delivery job of a mail, in the current namespace's queue. */
const jobOf = async (mailId: string) => {
  const { rows } = await sql<{
    id: string;
  }>`SELECT id FROM ${sql.table(`${JOB_SCHEMA}.job`)} WHERE name LIKE ${`%/${mailDelivery.id}`} AND data->>'mailId' = ${mailId}`.execute(
    testDbs().owner,
  );
  return rows.map((r) => r.id);
};
const jobsOfAgency = async () =>
  (
    await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM ${sql.table(`${JOB_SCHEMA}.job`)} WHERE data->>'agencyId' = ${agency.id}`.execute(testDbs().owner)
  ).rows[0]!.n;
/** Waits until the queue has recorded the failed attempt (the mail's row is written just before). */
const retrying = (job: string) => until(async () => (await jobRow(job))!.state === 'retry');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  smtp = await startTestSmtp();
  transport = newTransport();
  agency = await createAgency();
  ns = await jobNamespace([mailDelivery]);
  runner = await deliver(transport);
});
afterAll(async () => {
  await runner.stop();
  if (transport.kind === 'smtp') transport.transporter.close();
  await smtp.close();
});

describe('mail outbox', () => {
  it('sends a committed mail exactly once, with the invitation as calendar part and .ics file', async () => {
    const addr = address();
    const id = await enqueue({
      to: [addr],
      subject: 'Einladung: Runder Tisch für die Wohnung',
      text: 'Sie sind eingeladen.',
      kind: 'placement.round_table',
      attachments: [
        { filename: 'einladung.ics', contentType: 'text/calendar', content: Buffer.from(ICS).toString('base64'), method: 'REQUEST' },
        { filename: 'exposé.txt', contentType: 'text/plain', content: Buffer.from('Wohnung 3 Zimmer').toString('base64') },
      ],
    });
    await until(async () => (await row(id)).status === 'sent');
    const mails = to(addr);
    expect(mails).toHaveLength(1);
    const raw = mails[0]!.raw;
    expect(mails[0]!.from).toBe('no-reply@wohnhilfe.local');
    expect(decodeHeader(header(raw, 'Subject')!)).toBe('Einladung: Runder Tisch für die Wohnung');
    expect(header(raw, 'To')).toBe(addr);
    expect(header(raw, 'Auto-Submitted')).toBe('auto-generated');
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(raw).toMatch(/filename=einladung\.ics/);
    expect(raw).toContain('BEGIN:VCALENDAR');
    expect(raw).toContain("filename*0*=utf-8''expos%C3%A9.txt");
    expect(raw).toContain('Sie sind eingeladen.');
    // The same invitation is attached as a file (base64) for clients that ignore the calendar part.
    const icsPart = /Content-Type: application\/ics; name=einladung\.ics[\s\S]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(raw);
    expect(Buffer.from(icsPart![1]!.replace(/\s/g, ''), 'base64').toString('utf8')).toBe(ICS);

    const sent = await row(id);
    expect(sent.status).toBe('sent');
    expect(sent.sent_at).not.toBeNull();
    expect(sent.message_id).toBe(header(raw, 'Message-ID'));
    expect(sent.attempts).toBe(0);

    // One job per mail, completed: nothing sends it again.
    const [job] = await jobOf(id);
    expect(await jobRow(job!)).toMatchObject({ state: 'completed', output: { outcome: 'sent' } });
    await pause(1200);
    expect(to(addr)).toHaveLength(1);
  });

  it('never sends a mail whose transaction rolled back', async () => {
    const addr = address();
    const jobsBefore = await jobsOfAgency();
    await expect(
      inAgency(db(), agency.id, async (tx) => {
        await enqueueMail(tx, agency.id, { to: [addr], subject: 'Verworfen', text: 'nie', kind: 'test.mail' });
        throw new Error('Änderung scheitert');
      }),
    ).rejects.toThrow('Änderung scheitert');
    await pause(1200);
    expect(to(addr)).toHaveLength(0);
    const rows = await testDbs()
      .owner.selectFrom('outbox_mails')
      .select('id')
      .where(sql<boolean>`${addr} = ANY(to_addresses)`)
      .execute();
    expect(rows).toHaveLength(0);
    expect(await jobsOfAgency()).toBe(jobsBefore);
  });

  it('retries a refused mail with the queue’s backoff and sends it once when the server accepts again', async () => {
    const addr = address();
    smtp.rejectRecipients = true;
    let id: string;
    try {
      const t0 = Date.now();
      id = await enqueue({ to: [addr] });
      await until(async () => (await row(id)).attempts === 1);
      const [job] = await jobOf(id);
      await retrying(job!);
      let r = await row(id);
      expect(r).toMatchObject({ status: 'pending', attempts: 1 });
      expect(r.last_error).toMatch(/450/);
      // The outbox shows the earliest retry; the queue retries 30–60 s later (backoff with jitter).
      expect(r.next_attempt_at.getTime() - t0).toBeGreaterThanOrEqual(30_000);
      expect(r.next_attempt_at.getTime() - Date.now()).toBeLessThanOrEqual(30_000);
      let j = (await jobRow(job!))!;
      expect(j.state).toBe('retry');
      expect(j.start_after.getTime() - t0).toBeGreaterThanOrEqual(29_000);
      expect(j.start_after.getTime() - Date.now()).toBeLessThanOrEqual(61_000);

      // Not due yet: nothing is tried.
      await pause(1200);
      expect((await row(id)).attempts).toBe(1);

      await dueNow(job!);
      await until(async () => (await row(id)).attempts === 2);
      await retrying(job!);
      r = await row(id);
      expect(r.status).toBe('pending');
      j = (await jobRow(job!))!;
      expect(j).toMatchObject({ state: 'retry', retry_count: 1 });
      expect(j.start_after.getTime() - Date.now()).toBeGreaterThan(55_000);
      expect(j.start_after.getTime() - Date.now()).toBeLessThanOrEqual(121_000);
    } finally {
      smtp.rejectRecipients = false;
    }
    await dueNow((await jobOf(id))[0]!);
    await until(async () => (await row(id)).status === 'sent');
    expect(to(addr)).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('gives up after eight attempts', async () => {
    expect([1, 2, 3, 7].map(earliestRetryMs)).toEqual([30_000, 60_000, 120_000, 1_920_000]);
    const addr = address();
    smtp.rejectRecipients = true;
    let id: string;
    try {
      id = await enqueue({ to: [addr] });
      for (let i = 1; i <= MAX_ATTEMPTS; i++) {
        await until(async () => (await row(id)).attempts === i);
        if (i < MAX_ATTEMPTS) {
          const [job] = await jobOf(id);
          await retrying(job!);
          await dueNow(job!);
        }
      }
    } finally {
      smtp.rejectRecipients = false;
    }
    const [job] = await jobOf(id);
    await until(async () => (await jobRow(job!))!.state === 'failed');
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect((await jobRow(job!))!.retry_count).toBe(MAX_ATTEMPTS - 1);
    await pause(1200);
    expect(to(addr)).toHaveLength(0);
    expect((await row(id)).status).toBe('failed');
  });

  it('sends each mail exactly once when two workers run at the same time', async () => {
    const addrs = Array.from({ length: 14 }, address);
    const second = newTransport();
    const runner2 = await deliver(second);
    try {
      const ids = await inAgency(db(), agency.id, (tx) =>
        Promise.all(addrs.map((a) => enqueueMail(tx, agency.id, { to: [a], subject: 'Parallel', text: 'x', kind: 'test.mail' }))),
      );
      await until(async () =>
        (await testDbs().owner.selectFrom('outbox_mails').select('status').where('id', 'in', ids).execute()).every(
          (r) => r.status === 'sent',
        ),
      );
    } finally {
      await runner2.stop();
      if (second.kind === 'smtp') second.transporter.close();
    }
    await pause(600);
    for (const a of addrs) expect(to(a), a).toHaveLength(1);
  });

  it('retries a mail whose worker died after claiming it, once the claim has expired', async () => {
    // A queue of its own, where a worker that will "die" claims the job before anyone else can.
    await jobNamespace([mailDelivery]);
    const dead = new PgBoss({
      connectionString: inject('appUrl'),
      schema: JOB_SCHEMA,
      migrate: false,
      supervise: false,
      schedule: false,
      max: 1,
    });
    await dead.start();
    const addr = address();
    try {
      const id = await enqueue({ to: [addr] });
      const [job] = await jobOf(id);
      const claimed = await dead.fetch(`${(await jobRow(job!))!.name}`);
      expect(claimed.map((j) => j.id)).toEqual([job]);
      const later = await deliver(transport);
      try {
        await pause(1200);
        expect(to(addr)).toHaveLength(0);
        // Its claim runs out (expireInSeconds); the queue's maintenance fails it, and it is retried.
        await sql`UPDATE ${sql.table(`${JOB_SCHEMA}.job`)} SET started_on = now() - interval '11 minutes' WHERE id = ${job!}`.execute(
          testDbs().owner,
        );
        await dead.expire();
        expect((await jobRow(job!))!.state).toBe('retry');
        await dueNow(job!);
        await until(async () => (await row(id)).status === 'sent');
        expect(to(addr)).toHaveLength(1);
      } finally {
        await later.stop();
      }
    } finally {
      await dead.stop({ graceful: false });
      useJobNamespace(ns);
    }
  });

  it('captures mails when no SMTP server is configured', async () => {
    await jobNamespace([mailDelivery]);
    const capturing = await deliver({ kind: 'capture' });
    const addr = address();
    try {
      const id = await enqueue({ to: [addr] });
      await until(async () => (await row(id)).status === 'captured');
      expect((await row(id)).sent_at).not.toBeNull();
      await pause(600);
      expect(to(addr)).toHaveLength(0);
    } finally {
      await capturing.stop();
      useJobNamespace(ns);
    }
  });

  it('refuses malformed input before anything is stored', async () => {
    await expect(enqueue({ to: [] })).rejects.toThrow(/no recipient/);
    await expect(enqueue({ to: ['kein-mail'] })).rejects.toThrow(/invalid address/);
    await expect(
      enqueue({ to: [address()], attachments: [{ filename: 'a.txt', contentType: 'text/plain', content: 'nicht base64!' }] }),
    ).rejects.toThrow(/base64/);
  });
});
