import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHeader, header, startTestSmtp, type TestSmtp } from '../../../../test/smtp.js';
import { createAgency, testDbs, type TestAgency } from '../../../../test/helpers.js';
import { inAgency } from '../../db/database.js';
import { enqueueMail, type MailInput } from './outbox.js';
import { smtpTransport, type MailTransport } from './transport.js';
import { backoffMs, MAX_ATTEMPTS, runOutboxOnce } from './worker.js';

const ICS = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//wohnhilfe//test//DE', 'METHOD:REQUEST', 'BEGIN:VEVENT',
  'UID:test-1@wohnhilfe.local', 'DTSTAMP:20261201T090000Z', 'DTSTART:20261203T090000Z', 'DTEND:20261203T100000Z',
  'SUMMARY:Runder Tisch', 'END:VEVENT', 'END:VCALENDAR', '',
].join('\r\n');

let smtp: TestSmtp;
let transport: MailTransport;
let agency: TestAgency;
const db = () => testDbs().app;
const newTransport = () => smtpTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true }, 'wohnhilfe <no-reply@wohnhilfe.local>');
const run = (now?: Date, t: MailTransport = transport) => runOutboxOnce(db(), t, now, [agency.id]);
const address = () => `empfang.${crypto.randomBytes(4).toString('hex')}@test.example`;
const to = (addr: string) => smtp.received.filter((m) => m.to.includes(addr));
const row = (id: string) => testDbs().owner.selectFrom('outbox_mails').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const enqueue = (mail: Partial<MailInput> & { to: string[] }) =>
  inAgency(db(), agency.id, (tx) => enqueueMail(tx, agency.id, { subject: 'Test', text: 'Hallo', kind: 'test.mail', ...mail }));

beforeAll(async () => {
  smtp = await startTestSmtp();
  transport = newTransport();
  agency = await createAgency();
});
afterAll(async () => {
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
    expect((await row(id)).status).toBe('pending');

    expect(await run()).toMatchObject({ sent: 1, retrying: 0 });
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

    expect(await run()).toMatchObject({ sent: 0 });
    expect(to(addr)).toHaveLength(1);
  });

  it('never sends a mail whose transaction rolled back', async () => {
    const addr = address();
    await expect(inAgency(db(), agency.id, async (tx) => {
      await enqueueMail(tx, agency.id, { to: [addr], subject: 'Verworfen', text: 'nie', kind: 'test.mail' });
      throw new Error('Änderung scheitert');
    })).rejects.toThrow('Änderung scheitert');
    await run();
    expect(to(addr)).toHaveLength(0);
    const rows = await testDbs().owner.selectFrom('outbox_mails').select('id').where(sql<boolean>`${addr} = ANY(to_addresses)`).execute();
    expect(rows).toHaveLength(0);
  });

  it('retries a refused mail with backoff and sends it once when the server accepts again', async () => {
    const addr = address();
    const id = await enqueue({ to: [addr] });
    const now = new Date();
    smtp.rejectRecipients = true;
    try {
      expect(await run(now)).toMatchObject({ sent: 0, retrying: 1 });
      let r = await row(id);
      expect(r).toMatchObject({ status: 'pending', attempts: 1, locked_until: null });
      expect(r.last_error).toMatch(/450/);
      expect(r.next_attempt_at.getTime()).toBe(now.getTime() + 30_000);

      // Not due yet: nothing is tried.
      await run(new Date(now.getTime() + 10_000));
      expect((await row(id)).attempts).toBe(1);

      expect(await run(new Date(now.getTime() + 31_000))).toMatchObject({ retrying: 1 });
      r = await row(id);
      expect(r.attempts).toBe(2);
      expect(r.next_attempt_at.getTime()).toBe(now.getTime() + 31_000 + 60_000);
    } finally {
      smtp.rejectRecipients = false;
    }
    expect(await run(new Date(now.getTime() + 200_000))).toMatchObject({ sent: 1 });
    expect(to(addr)).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('gives up after eight attempts', async () => {
    expect([1, 2, 3, 8, 9].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
    const addr = address();
    const id = await enqueue({ to: [addr] });
    let t = Date.now();
    smtp.rejectRecipients = true;
    try {
      for (let i = 1; i <= MAX_ATTEMPTS; i++) {
        await run(new Date(t));
        t += 3_600_000;
      }
    } finally {
      smtp.rejectRecipients = false;
    }
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    await run(new Date(t + 3_600_000));
    expect(to(addr)).toHaveLength(0);
    expect((await row(id)).status).toBe('failed');
  });

  it('sends each mail exactly once when two workers run at the same time', async () => {
    const addrs = Array.from({ length: 14 }, address);
    const ids = await inAgency(db(), agency.id, (tx) =>
      Promise.all(addrs.map((a) => enqueueMail(tx, agency.id, { to: [a], subject: 'Parallel', text: 'x', kind: 'test.mail' }))));
    const second = newTransport();
    try {
      const [a, b] = await Promise.all([run(undefined, transport), run(undefined, second)]);
      // Batches of ten: whichever claims first takes ten, the other skips those locked rows and takes four.
      expect([a.sent, b.sent].sort((x, y) => x - y)).toEqual([4, 10]);
      expect(await run()).toMatchObject({ sent: 0 });
    } finally {
      if (second.kind === 'smtp') second.transporter.close();
    }
    for (const a of addrs) expect(to(a), a).toHaveLength(1);
    const rows = await testDbs().owner.selectFrom('outbox_mails').select('status').where('id', 'in', ids).execute();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });

  it('retries a mail whose worker died after claiming it, once the lease has run out', async () => {
    const addr = address();
    const id = await enqueue({ to: [addr] });
    const now = new Date();
    // A worker claimed it and crashed before sending.
    await testDbs().owner.updateTable('outbox_mails').set({ locked_until: new Date(now.getTime() + 60_000) }).where('id', '=', id).execute();
    await run(now);
    expect(to(addr)).toHaveLength(0);
    await run(new Date(now.getTime() + 61_000));
    expect(to(addr)).toHaveLength(1);
    expect((await row(id)).status).toBe('sent');
  });

  it('captures mails when no SMTP server is configured', async () => {
    const addr = address();
    const id = await enqueue({ to: [addr] });
    expect(await run(undefined, { kind: 'capture' })).toMatchObject({ captured: 1, sent: 0 });
    expect(await row(id)).toMatchObject({ status: 'captured' });
    expect((await row(id)).sent_at).not.toBeNull();
    await run();
    expect(to(addr)).toHaveLength(0);
  });

  it('refuses malformed input before anything is stored', async () => {
    await expect(enqueue({ to: [] })).rejects.toThrow(/no recipient/);
    await expect(enqueue({ to: ['kein-mail'] })).rejects.toThrow(/invalid address/);
    await expect(enqueue({ to: [address()], attachments: [{ filename: 'a.txt', contentType: 'text/plain', content: 'nicht base64!' }] })).rejects.toThrow(/base64/);
  });
});
