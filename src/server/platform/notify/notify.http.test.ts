import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { inAgency } from '../../db/database.js';
import { openDeadline } from '../deadlines/deadlines.service.js';
import { enqueueMail } from '../mail/outbox.service.js';
import { notify } from './notify.js';

let app: FastifyInstance;
let agency: TestAgency;
const as = {} as Record<'cm' | 'sw' | 'lead' | 'admin' | 'provider', Client>;
const tx = <T>(fn: Parameters<typeof inAgency<T>>[2]) => inAgency(testDbs().app, agency.id, fn);

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  const u = agency.users;
  for (const [k, role] of [
    ['cm', 'case_manager'],
    ['sw', 'social_worker'],
    ['lead', 'lead'],
    ['admin', 'admin'],
    ['provider', 'provider_user'],
  ] as const) {
    as[k] = client(app, await login(app, u[role].email));
  }
});
afterAll(() => app.close());

describe('GET /api/v1/deadlines', () => {
  it("shows one's own open deadlines by due date; the lead may see all of the agency", async () => {
    const u = agency.users;
    const day = (d: number) => new Date(Date.now() + d * 86_400_000);
    const ids = await tx(async (t) => {
      const mk = (title: string, dueAt: Date, assigneeId: string | null) =>
        openDeadline(t, agency.id, {
          subjectType: 'offer',
          subjectId: crypto.randomUUID(),
          kind: 'k',
          title,
          link: '/placement/offers/1',
          dueAt,
          assigneeId,
        });
      return {
        later: await mk('Später', day(5), u.case_manager.id),
        overdue: await mk('Überfällig', day(-1), u.case_manager.id),
        soon: await mk('Bald', day(1), u.case_manager.id),
        other: await mk('Sozialarbeit', day(2), u.social_worker.id),
        nobody: await mk('Ohne Zuständigkeit', day(3), null),
      };
    });

    const mine = await as.cm.get('/api/v1/deadlines');
    expect(mine.statusCode).toBe(200);
    const body = mine.json();
    expect(body.scope).toBe('mine');
    expect(body.items.map((d: { id: string }) => d.id)).toEqual([ids.overdue, ids.soon, ids.later]);
    expect(body.items[0]).toMatchObject({
      title: 'Überfällig',
      overdue: true,
      link: '/placement/offers/1',
      subjectType: 'offer',
      assignee: { id: u.case_manager.id, displayName: `case_manager ${u.case_manager.email.split('.')[1]!.split('@')[0]}` },
    });
    expect(body.items[1].overdue).toBe(false);

    const overdue = (await as.cm.get('/api/v1/deadlines?status=overdue')).json();
    expect(overdue.items.map((d: { id: string }) => d.id)).toEqual([ids.overdue]);

    // Not a lead: asking for all still gives only one's own.
    const swAll = (await as.sw.get('/api/v1/deadlines?scope=all')).json();
    expect(swAll.scope).toBe('mine');
    expect(swAll.items.map((d: { id: string }) => d.id)).toEqual([ids.other]);

    const all = (await as.lead.get('/api/v1/deadlines?scope=all&pageSize=2')).json();
    expect(all).toMatchObject({ scope: 'all', total: 5, page: 1, pageSize: 2 });
    expect(all.items.map((d: { id: string }) => d.id)).toEqual([ids.overdue, ids.soon]);
    const page2 = (await as.lead.get('/api/v1/deadlines?scope=all&pageSize=2&page=2')).json();
    expect(page2.items).toMatchObject([
      { id: ids.other, assignee: { id: u.social_worker.id } },
      { id: ids.nobody, assignee: null },
    ]);

    expect((await as.provider.get('/api/v1/deadlines')).statusCode).toBe(403);
    const audited = await testDbs()
      .owner.selectFrom('audit_events')
      .select('details')
      .where('actor_id', '=', u.lead.id)
      .where('action', '=', 'deadline.list')
      .execute();
    expect(audited.length).toBeGreaterThan(0);
  });
});

describe('notifications', () => {
  it("lists one's own notifications with the unread count and marks them read", async () => {
    const u = agency.users;
    await tx(async (t) => {
      await notify(t, agency.id, { userIds: [u.provider_user.id], kind: 'a', title: 'Erste', link: '/x', mail: false });
      await notify(t, agency.id, { userIds: [u.provider_user.id, u.admin.id], kind: 'b', title: 'Zweite', body: 'Text', mail: false });
    });
    const list = (await as.provider.get('/api/v1/notifications')).json();
    expect(list).toMatchObject({ total: 2, unreadCount: 2 });
    expect(list.items.map((n: { title: string }) => n.title).sort()).toEqual(['Erste', 'Zweite']);
    const first = list.items.find((n: { title: string }) => n.title === 'Erste');

    const read = await as.provider.post(`/api/v1/notifications/${first.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    const again = await as.provider.post(`/api/v1/notifications/${first.id}/read`);
    expect(again.json().readAt).toBe(read.json().readAt);

    const unread = (await as.provider.get('/api/v1/notifications?unread=true')).json();
    expect(unread).toMatchObject({ total: 1, unreadCount: 1 });
    expect(unread.items[0].title).toBe('Zweite');

    // Someone else's notification cannot be touched.
    expect((await as.admin.post(`/api/v1/notifications/${first.id}/read`)).statusCode).toBe(404);
    expect((await as.admin.get('/api/v1/notifications')).json()).toMatchObject({ total: 1, unreadCount: 1 });

    const all = await as.provider.post('/api/v1/notifications/read-all');
    expect(all.json()).toEqual({ updated: 1 });
    expect((await as.provider.get('/api/v1/notifications')).json()).toMatchObject({ total: 2, unreadCount: 0 });
    expect((await as.admin.get('/api/v1/notifications')).json().unreadCount).toBe(1);
  });
});

describe('notifications: audit and polling', () => {
  const events = (userId: string) =>
    testDbs()
      .owner.selectFrom('audit_events')
      .select(['action', 'details'])
      .where('agency_id', '=', agency.id)
      .where('actor_id', '=', userId)
      .where('action', '=', 'notification.list')
      .execute();

  it('audits a read of the list (it names offers and households)', async () => {
    const before = (await events(agency.users.lead.id)).length;
    await tx((t) => notify(t, agency.id, { userIds: [agency.users.lead.id], kind: 'a', title: 'Angebot W-1', mail: false }));
    expect((await as.lead.get('/api/v1/notifications')).statusCode).toBe(200);
    const after = await events(agency.users.lead.id);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)!.details).toMatchObject({ count: 1 });
  });

  it('answers the unread count for polling without client data and without an audit event', async () => {
    const u = agency.users;
    await tx((t) => notify(t, agency.id, { userIds: [u.social_worker.id], kind: 'a', title: 'Haushalt H-7', mail: false }));
    const before = (await events(u.social_worker.id)).length;
    const res = await as.sw.get('/api/v1/notifications/count');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ unreadCount: 1 });
    expect(await events(u.social_worker.id)).toHaveLength(before);
  });
});

describe('outbox', () => {
  it('shows the administrator mails, their text and attachments, audited; nobody else', async () => {
    const id = await tx((t) =>
      enqueueMail(t, agency.id, {
        to: ['mieterin@test.example'],
        subject: 'Einladung',
        text: 'Guten Tag,\nSie sind eingeladen.',
        kind: 'test.invite',
        attachments: [
          {
            filename: 'Einladung Runder Tisch.ics',
            contentType: 'text/calendar',
            content: Buffer.from('BEGIN:VCALENDAR\r\n').toString('base64'),
            method: 'REQUEST',
          },
        ],
      }),
    );
    const list = await as.admin.get('/api/v1/outbox?status=pending');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ captureMode: true, total: 1 });
    expect(list.json().items[0]).toMatchObject({
      id,
      recipients: ['mieterin@test.example'],
      subject: 'Einladung',
      kind: 'test.invite',
      status: 'pending',
      attempts: 0,
      lastError: null,
      sentAt: null,
    });
    expect((await as.admin.get('/api/v1/outbox?status=sent')).json().total).toBe(0);

    const detail = (await as.admin.get(`/api/v1/outbox/${id}`)).json();
    expect(detail.text).toBe('Guten Tag,\nSie sind eingeladen.');
    expect(detail.captureMode).toBe(true);
    expect(detail.attachments).toEqual([
      { index: 0, filename: 'Einladung Runder Tisch.ics', contentType: 'text/calendar', sizeBytes: 17, calendarMethod: 'REQUEST' },
    ]);

    const file = await as.admin.get(`/api/v1/outbox/${id}/attachments/0`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/calendar');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="Einladung Runder Tisch.ics"; filename*=UTF-8''Einladung%20Runder%20Tisch.ics`,
    );
    expect(file.body).toBe('BEGIN:VCALENDAR\r\n');
    expect((await as.admin.get(`/api/v1/outbox/${id}/attachments/1`)).statusCode).toBe(404);

    const events = await testDbs()
      .owner.selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('actor_id', '=', agency.users.admin.id)
      .where('action', 'like', 'outbox.%')
      .execute();
    expect(events.filter((e) => e.action === 'outbox.read' && e.entity_id === id)).toHaveLength(2);
    expect(events.some((e) => e.action === 'outbox.list')).toBe(true);

    expect((await as.lead.get('/api/v1/outbox')).statusCode).toBe(403);
    expect((await as.lead.get(`/api/v1/outbox/${id}`)).statusCode).toBe(404);
  });

  it('says whether mails are really sent', async () => {
    const smtpApp = await testApp({ SMTP_URL: 'smtp://127.0.0.1:2525' });
    try {
      const admin = client(smtpApp, await login(smtpApp, agency.users.admin.email));
      expect((await admin.get('/api/v1/outbox')).json().captureMode).toBe(false);
    } finally {
      await smtpApp.close();
    }
  });
});
