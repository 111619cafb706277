import { afterAll, beforeAll, describe, it } from 'vitest';
import { todayInBerlin } from '../../src/contracts/plausible.js';
import { client, createAgency, login, testDbs, type TestAgency } from '../helpers.js';
import { occupancySet } from '../occupancy-fixtures.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

describe.skipIf(!hasChromium)('browser: Unterbringung – occupancy board', () => {
  let env: BrowserEnv;
  let agency: TestAgency;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    await occupancySet(testDbs().owner, agency.id, cm);
  });
  afterAll(() => stopBrowserEnv(env));

  it('shows the places on a chosen day per facility and attribute, filters, the trend table and the length of stay; axe clean', async () => {
    const page = await loginAs(env, agency.users.accommodation_worker.email);
    await page.goto(`${env.url}/accommodation`);
    await page.getByRole('link', { name: 'Belegung der Unterkünfte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Belegung der Unterkünfte' }).waitFor();
    await page.getByRole('textbox', { name: 'Stichtag' }).fill('2026-03-10');
    await page.getByText('6 Plätze: 3 belegt, 1 frei, 2 gesperrt.').waitFor();
    await page.getByRole('table', { name: 'Plätze je Platzmerkmal' }).getByRole('rowheader', { name: 'nur für Frauen' }).waitFor();
    await page
      .getByRole('table', { name: /^Auslastung je Monat/ })
      .getByRole('rowheader', { name: '2026-03' })
      .waitFor();
    await page
      .getByRole('table', { name: /^Beendete Aufenthalte/ })
      .getByRole('rowheader', { name: 'Alleinlebende' })
      .waitFor();
    await page.getByText('68 Tage').first().waitFor();
    await expectAccessible(page, 'Belegung');

    await page.getByRole('combobox', { name: 'Art der Unterbringung' }).selectOption('residential');
    await page.getByText('2 Plätze: 1 belegt, 0 frei, 1 gesperrt.').waitFor();
    await page.getByRole('textbox', { name: 'Stichtag' }).fill(todayInBerlin());
    await page.getByRole('link', { name: 'Haus B' }).waitFor();
    await expectAccessible(page, 'Belegung gefiltert');
  });
});
