import crypto from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAgency, testDbs, type TestAgency } from '../../../../test/helpers.js';
import { inAgency } from '../../db/database.js';
import { openDeadline } from '../deadlines/deadlines.service.js';
import { sendDigests } from './digest.job.js';
import { insertNotifications } from './notify.repository.js';

let agency: TestAgency;
const app = () => testDbs().app;
const owner = () => testDbs().owner;
/** Tuesday 8 December 2026, 06:00 in Berlin. */
const NOW = new Date('2026-12-08T05:00:00Z');
const run = (now = NOW) => sendDigests(app(), now, [agency.id]);
const cm = () => agency.users.case_manager;
const sw = () => agency.users.social_worker;

const optIn = (userId: string, on = true) => owner().updateTable('users').set({ mail_digest: on }).where('id', '=', userId).execute();
const digestMails = (email: string) =>
  owner()
    .selectFrom('outbox_mails')
    .selectAll()
    .where('agency_id', '=', agency.id)
    .where('kind', '=', 'notification.digest')
    .execute()
    .then((rows) => rows.filter((m) => m.to_addresses.includes(email)));

async function notice(userId: string, title: string, createdAt: Date, read = false) {
  await inAgency(app(), agency.id, (tx) =>
    insertNotifications(tx, agency.id, [userId], { kind: 'test.notice', title, body: null, key: null, params: null, link: '/offers/1' }),
  );
  await owner()
    .updateTable('notifications')
    .set({ created_at: createdAt, read_at: read ? createdAt : null })
    .where('user_id', '=', userId)
    .where('title', '=', title)
    .execute();
}

const deadline = (assigneeId: string, title: string, dueAt: Date) =>
  inAgency(app(), agency.id, (tx) =>
    openDeadline(tx, agency.id, {
      subjectType: 'candidate',
      subjectId: crypto.randomUUID(),
      kind: 'household_decision',
      title,
      link: '/placement/offers/42',
      dueAt,
      assigneeId,
    }),
  );

beforeEach(async () => {
  agency = await createAgency();
});

describe('daily mail digest', () => {
  it('sends an opted-in user one outbox mail with unread notifications and deadlines due today or overdue', async () => {
    await optIn(cm().id);
    await notice(cm().id, 'Neues Angebot W-2026-0007', new Date('2026-12-07T14:00:00Z'));
    await notice(cm().id, 'Schon gelesen', new Date('2026-12-07T15:00:00Z'), true);
    await deadline(cm().id, 'Entscheidung des Haushalts', new Date('2026-12-08T15:00:00Z')); // today 16:00
    await deadline(cm().id, 'Rückmeldung Vermieter', new Date('2026-12-04T22:59:59Z')); // overdue
    await deadline(cm().id, 'Frist nächste Woche', new Date('2026-12-15T10:00:00Z')); // not yet

    expect(await run()).toEqual({ day: '2026-12-08', sent: 1 });

    const [mail, ...more] = await digestMails(cm().email);
    expect(more).toHaveLength(0);
    expect(mail!.status).toBe('pending');
    expect(mail!.subject).toBe('wohnhilfe: Ihre Zusammenfassung für 08.12.2026 (2 Fristen, 1 Benachrichtigung)');
    expect(mail!.text_body).toContain('Neues Angebot W-2026-0007 (07.12.2026)');
    expect(mail!.text_body).toContain('http://localhost:3000/offers/1');
    expect(mail!.text_body).toContain('Entscheidung des Haushalts (fällig heute 16:00 Uhr)');
    expect(mail!.text_body).toContain('Rückmeldung Vermieter (überschritten, fällig am 04.12.2026)');
    expect(mail!.text_body).toContain('http://localhost:3000/placement/offers/42');
    expect(mail!.text_body).not.toContain('Schon gelesen');
    expect(mail!.text_body).not.toContain('Frist nächste Woche');

    const user = await owner().selectFrom('users').selectAll().where('id', '=', cm().id).executeTakeFirstOrThrow();
    expect(user.digest_sent_on).toBe('2026-12-08');
    expect(user.digest_sent_at).toEqual(NOW);
    const events = await owner()
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'notification.digest_sent')
      .where('entity_id', '=', cm().id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_id: null, entity_type: 'user', outcome: 'success' });
    expect(events[0]!.details).toMatchObject({ day: '2026-12-08', mailId: mail!.id, notifications: 1, deadlines: 2, overdue: 1 });
  });

  it('sends nothing to a user who has not opted in', async () => {
    await notice(sw().id, 'Neue Meldung', new Date('2026-12-07T14:00:00Z'));
    await deadline(sw().id, 'Überfällig', new Date('2026-12-01T10:00:00Z'));
    expect(await run()).toEqual({ day: '2026-12-08', sent: 0 });
    expect(await digestMails(sw().email)).toHaveLength(0);
  });

  it('sends at most one digest a day, also when two instances run at once', async () => {
    await optIn(cm().id);
    await notice(cm().id, 'Erste Meldung', new Date('2026-12-07T14:00:00Z'));
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.sent + b.sent).toBe(1);
    await notice(cm().id, 'Später am Tag', new Date('2026-12-08T07:00:00Z'));
    expect((await run(new Date('2026-12-08T09:00:00Z'))).sent).toBe(0);
    expect(await digestMails(cm().email)).toHaveLength(1);

    // The next morning lists only what came since the last digest.
    expect((await run(new Date('2026-12-09T05:00:00Z'))).sent).toBe(1);
    const mails = await digestMails(cm().email);
    expect(mails).toHaveLength(2);
    const second = mails.find((m) => m.subject.includes('09.12.2026'))!;
    expect(second.text_body).toContain('Später am Tag');
    expect(second.text_body).not.toContain('Erste Meldung');
  });

  it('sends no mail when there is nothing to say, nor to an inactive user', async () => {
    await optIn(cm().id);
    await notice(cm().id, 'Gelesen', new Date('2026-12-07T14:00:00Z'), true);
    await optIn(sw().id);
    await owner().updateTable('users').set({ active: false }).where('id', '=', sw().id).execute();
    await notice(sw().id, 'Für Inaktive', new Date('2026-12-07T14:00:00Z'));
    expect(await run()).toEqual({ day: '2026-12-08', sent: 0 });
    expect(await digestMails(cm().email)).toHaveLength(0);
    expect(await digestMails(sw().email)).toHaveLength(0);
    const user = await owner().selectFrom('users').select('digest_sent_on').where('id', '=', cm().id).executeTakeFirstOrThrow();
    expect(user.digest_sent_on).toBeNull();
  });
});
