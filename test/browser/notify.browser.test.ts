import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inAgency } from '../../src/server/db/database.js';
import { openDeadline } from '../../src/server/platform/deadlines/deadlines.service.js';
import { notify } from '../../src/server/platform/notify/notify.js';
import { createAgency, testDbs, type TestAgency } from '../helpers.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

describe.skipIf(!hasChromium)('browser: notifications, deadlines and the outbox', () => {
  let env: BrowserEnv;
  let agency: TestAgency;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    const u = agency.users;
    const day = (d: number) => new Date(Date.now() + d * 86_400_000);
    const overdueId = await inAgency(testDbs().app, agency.id, async (tx) => {
      const mk = (title: string, dueAt: Date, assigneeId: string) =>
        openDeadline(tx, agency.id, {
          subjectType: 'household',
          subjectId: crypto.randomUUID(),
          kind: 'test',
          title,
          link: '/households',
          dueAt,
          assigneeId,
        });
      const overdue = await mk('Stellungnahme einholen', day(-2), u.lead.id);
      await mk('Rückmeldung des Vermieters', day(4), u.lead.id);
      await mk('Unterlagen prüfen', day(1), u.case_manager.id);
      await notify(tx, agency.id, {
        userIds: [u.lead.id],
        kind: 'test.one',
        title: 'Neues Wohnungsangebot',
        body: 'Wohnbau Test GmbH, 3 Zimmer',
        link: '/deadlines',
        mail: {
          subject: 'Neues Wohnungsangebot',
          text: 'Wohnbau Test GmbH, 3 Zimmer',
          attachments: [{ filename: 'exposé.txt', contentType: 'text/plain', content: Buffer.from('3 Zimmer, 2. OG').toString('base64') }],
        },
      });
      await notify(tx, agency.id, {
        userIds: [u.lead.id],
        kind: 'test.two',
        title: 'Frist überschritten: Stellungnahme einholen',
        link: '/deadlines',
      });
      return overdue;
    });
    // Already alerted: the running scheduler leaves this agency alone, so the counts stay put.
    await testDbs().owner.updateTable('deadlines').set({ alerted_at: new Date() }).where('id', '=', overdueId).execute();
  });
  afterAll(() => stopBrowserEnv(env));

  it('shows the lead the bell and the deadlines, and the admin the outbox — all accessible', async () => {
    const lead = await loginAs(env, agency.users.lead.email);
    const bell = lead.getByRole('button', { name: 'Benachrichtigungen (2 ungelesen)' });
    await bell.waitFor();
    await bell.click();
    const dialog = lead.getByRole('dialog', { name: 'Benachrichtigungen' });
    await dialog.getByText('Wohnbau Test GmbH, 3 Zimmer').waitFor();
    await expectAccessible(lead, 'Benachrichtigungen');
    await dialog.getByRole('button', { name: '„Neues Wohnungsangebot“ als gelesen markieren' }).click();
    await lead.getByRole('button', { name: 'Benachrichtigungen (1 ungelesen)' }).waitFor();
    await lead.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    await lead.getByRole('navigation').getByRole('link', { name: 'Meine Fristen' }).click();
    await lead.getByRole('heading', { level: 1, name: 'Meine Fristen' }).waitFor();
    const rows = lead.getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(() => rows.nth(1).textContent()).toMatch(/überschritten.*Stellungnahme einholen/);
    await expect.poll(() => rows.nth(2).textContent()).toMatch(/offen.*Rückmeldung des Vermieters/);
    await expectAccessible(lead, '/deadlines');
    await lead.getByRole('switch', { name: 'alle Fristen der Behörde' }).click({ force: true });
    await lead.getByRole('heading', { level: 1, name: 'Fristen der Behörde' }).waitFor();
    await lead.getByRole('row', { name: /Unterlagen prüfen/ }).waitFor();
    await expectAccessible(lead, '/deadlines?scope=all');
    await lead.context().close();

    const admin = await loginAs(env, agency.users.admin.email);
    await admin.goto(`${env.url}/admin/outbox`);
    await admin.getByRole('heading', { level: 1, name: 'Postausgang' }).waitFor();
    await admin.getByText('Entwicklungsmodus: E-Mails werden nicht versendet, sondern hier angezeigt.').waitFor();
    await admin.getByRole('link', { name: 'Neues Wohnungsangebot' }).waitFor();
    await expectAccessible(admin, '/admin/outbox');
    await admin.getByRole('link', { name: 'Neues Wohnungsangebot' }).click();
    await admin.getByRole('heading', { level: 1, name: 'E-Mail: Neues Wohnungsangebot' }).waitFor();
    await admin.getByText(/Zum Vorgang: http:\/\/localhost:3000\/deadlines/).waitFor();
    const download = admin.getByRole('link', { name: 'exposé.txt herunterladen (15 B)' });
    expect(await download.getAttribute('href')).toMatch(/^\/api\/v1\/outbox\/[0-9a-f-]+\/attachments\/0$/);
    const file = await admin.request.get(`${env.url}${await download.getAttribute('href')}`);
    expect(await file.text()).toBe('3 Zimmer, 2. OG');
    await expectAccessible(admin, '/admin/outbox/:id');
    await admin.context().close();
  });
});
