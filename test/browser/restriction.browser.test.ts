import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, householdInput, login, type TestAgency } from '../helpers.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

describe.skipIf(!hasChromium)('browser: restriction of processing', () => {
  let env: BrowserEnv;
  let agency: TestAgency;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
  });
  afterAll(() => stopBrowserEnv(env));

  it('the lead restricts a household in a dialog; the banner shows on its pages; lifting removes it — accessible throughout', async () => {
    const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    const h = (await cm.post('/api/v1/households', householdInput())).json();

    const page = await loginAs(env, agency.users.lead.email);
    await page.goto(`${env.url}/households/${h.id}`);
    await page.getByRole('heading', { level: 2, name: 'Einschränkung der Verarbeitung' }).waitFor();
    await page.getByText('Die Verarbeitung ist nicht eingeschränkt.').waitFor();

    await page.getByRole('button', { name: 'Verarbeitung einschränken' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Grund').selectOption('accuracy_contested');
    await dialog.getByLabel('Vermerk').fill('Anschrift bestritten');
    await expectAccessible(page, 'Dialog Einschränkung');
    await dialog.getByRole('button', { name: 'Einschränken' }).click();
    await page.getByTestId('restriction-banner').waitFor();
    expect(await page.getByTestId('restriction-banner').textContent()).toContain('Richtigkeit bestritten');
    await expectAccessible(page, 'Haushalt mit Einschränkung');

    // The edit page of the record shows the banner too, and a change is refused.
    await page.goto(`${env.url}/households/${h.id}/edit`);
    await page.getByTestId('restriction-banner').waitFor();
    await expectAccessible(page, 'Bearbeiten mit Einschränkung');
    const note = { occurredAt: new Date(Date.now() - 60_000).toISOString(), kind: 'note', participation: false, text: 'Vermerk' };
    expect((await cm.post(`/api/v1/households/${h.id}/journal`, note)).statusCode).toBe(423);

    await page.goto(`${env.url}/households/${h.id}`);
    await page.getByRole('button', { name: 'Einschränkung aufheben' }).click();
    await page.getByRole('dialog').getByLabel('Warum endet die Einschränkung?').fill('Anschrift geklärt');
    await page.getByRole('dialog').getByRole('button', { name: 'Aufheben' }).click();
    await page.getByText('Die Einschränkung ist aufgehoben.').waitFor();
    expect(await page.getByTestId('restriction-banner').count()).toBe(0);
    await expectAccessible(page, 'Haushalt nach Aufhebung');
  });
});
