import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, householdInput, login, type TestAgency } from '../helpers.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

describe.skipIf(!hasChromium)('browser: address and whereabouts of a household', () => {
  let env: BrowserEnv;
  let agency: TestAgency;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency({ totpRequiredRoles: [], districts: ['Mitte', 'Süd'] });
  });
  afterAll(() => stopBrowserEnv(env));

  it('records a move in the dialog (errors at the fields), shows it on the page and in the list — accessible', async () => {
    const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    const input = householdInput();
    input.members[0]!.lastName = 'Umzugstest';
    const h = (await cm.post('/api/v1/households', input)).json();
    await cm.post(`/api/v1/households/${h.id}/addresses`, {
      kind: 'relatives_friends',
      street: 'Tübinger Straße 5',
      postalCode: '70178',
      city: 'Stuttgart',
      district: 'Süd',
      validFrom: '2024-02-01',
    });

    const page = await loginAs(env, agency.users.case_manager.email);
    await page.goto(`${env.url}/households/${h.id}`);
    await page.getByRole('heading', { level: 2, name: 'Anschrift und Aufenthalt' }).waitFor();
    await page.getByText('bei Verwandten oder Bekannten: Tübinger Straße 5, 70178 Stuttgart').waitFor();

    await page.getByRole('button', { name: 'Umzug erfassen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Umzug erfassen' }).waitFor();
    await dialog.getByLabel('Art des Aufenthalts').selectOption('shelter');
    await dialog.getByLabel('Straße und Hausnummer').fill('Hauptstätter Straße 87');
    await dialog.getByLabel('Postleitzahl').fill('7017');
    await dialog.getByLabel('Ort').fill('Stuttgart');
    await dialog.getByLabel('Bezirk').selectOption('Mitte');
    await dialog.getByLabel('Seit (Einzug)').fill('2025-10-01');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    const postal = dialog.getByLabel('Postleitzahl');
    await expect.poll(() => postal.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText('Die Postleitzahl hat fünf Ziffern.').first().waitFor();
    await expectAccessible(page, 'Umzug erfassen mit Fehler');

    await postal.fill('70173');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('status').getByText('Die Anschrift wurde gespeichert.').waitFor();
    await page.getByText('Unterkunft / Notunterkunft: Hauptstätter Straße 87, 70173 Stuttgart').waitFor();
    // The previous entry is history now, ending the day before the move.
    await page.getByRole('row', { name: /01\.02\.2024 bis 30\.09\.2025/ }).waitFor();
    await expectAccessible(page, 'Haushalt mit Anschriften');

    await page.goto(`${env.url}/households?q=umzugstest`);
    const row = page.getByRole('row', { name: /Umzugstest/ });
    await row.getByText('Hauptstätter Straße 87, 70173 Stuttgart').waitFor();
    await row.getByRole('cell', { name: 'Mitte', exact: true }).waitFor();
    await page.getByLabel('Bezirk').selectOption('Süd');
    await expect.poll(() => page.getByRole('row', { name: /Umzugstest/ }).count()).toBe(0);
    await page.getByLabel('Bezirk').selectOption('Mitte');
    await page.getByRole('row', { name: /Umzugstest/ }).waitFor();
    await expectAccessible(page, 'Haushaltsliste mit Anschrift');
    await page.context().close();
  });
});
