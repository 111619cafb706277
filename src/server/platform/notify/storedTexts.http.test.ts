import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { offerInput } from '../../../../test/placement-fixtures.js';
import { runDeadlinesOnce } from '../deadlines/deadlines.job.js';

/*
 * English mode (issue 14): a deadline and a notification made by a real step carry their text as a
 * key with parameters beside the stored German, in the deadline list, the notifications and the desk.
 */

let app: FastifyInstance;
let agency: TestAgency;
let cm: Client;
let lead: Client;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  cm = client(app, await login(app, agency.users.case_manager.email));
  lead = client(app, await login(app, agency.users.lead.email));
});
afterAll(() => app.close());

describe('stored texts as keys', () => {
  it('an offer entered by the case manager: the check deadline and the office notice carry key and params', async () => {
    const created = await cm.post('/api/v1/offers', { ...offerInput(), providerId: agency.providerId, submit: true });
    expect(created.statusCode, created.body).toBe(201);
    const { id, reference } = created.json() as { id: string; reference: string };

    // The deadline: German title stored, key and parameters beside it.
    const deadlines = (await cm.get('/api/v1/deadlines')).json() as { items: Record<string, unknown>[] };
    const check = deadlines.items.find((d) => d.subjectId === id && d.kind === 'offer_check');
    expect(check).toMatchObject({
      title: `Angebot ${reference} prüfen`,
      titleKey: 'deadlineTitle.offer_check',
      titleParams: { offer: reference },
    });

    // The same on the case manager's desk.
    const desk = (await cm.get('/api/v1/desk')).json() as { deadlines: { items: Record<string, unknown>[] } };
    expect(desk.deadlines.items.find((d) => d.id === check!.id)).toMatchObject({
      titleKey: 'deadlineTitle.offer_check',
      titleParams: { offer: reference },
    });

    // The lead's notification of the new offer, in the list and on the desk.
    const notices = (await lead.get('/api/v1/notifications')).json() as { items: Record<string, unknown>[] };
    const notice = notices.items.find((n) => n.kind === 'offer.submitted' && n.link === `/placement/offers/${id}`);
    expect(notice).toMatchObject({
      title: `Neues Wohnungsangebot ${reference}`,
      key: 'notice.offerSubmitted',
      params: { offer: reference },
    });
    const leadDesk = (await lead.get('/api/v1/desk')).json() as { notifications: { items: Record<string, unknown>[] } };
    expect(leadDesk.notifications.items.find((n) => n.id === notice!.id)).toMatchObject({
      titleKey: 'notice.offerSubmitted.title',
      titleParams: { offer: reference },
      detailKey: 'notice.offerSubmitted.body',
    });

    // Once the deadline passes, the alert nests the deadline's key and parameters with the due date.
    const { owner } = testDbs();
    const due = (
      await owner
        .selectFrom('deadlines')
        .select('due_at')
        .where('id', '=', check!.id as string)
        .executeTakeFirstOrThrow()
    ).due_at as Date;
    await runDeadlinesOnce(testDbs().app, new Date(due.getTime() + 60_000), [agency.id]);
    const alerts = (await cm.get('/api/v1/notifications')).json() as { items: Record<string, unknown>[] };
    expect(alerts.items.find((n) => n.kind === 'deadline.alert')).toMatchObject({
      title: `Frist überschritten: Angebot ${reference} prüfen`,
      key: 'notice.deadlineAlert',
      params: { offer: reference, titleKey: 'deadlineTitle.offer_check', dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    });
  });
});
