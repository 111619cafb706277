import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../export-helpers.js';
import { client, createAgency, householdInput, login, type TestAgency } from '../helpers.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

describe.skipIf(!hasChromium)('browser: list export and print', () => {
  let env: BrowserEnv;
  let agency: TestAgency;
  const tag = `Druck${Date.now().toString(36)}`;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    for (const [i, situation] of (['rough_sleeping', 'rough_sleeping', 'housed'] as const).entries()) {
      const input = householdInput({ situation });
      input.members[0]!.lastName = `${tag}${i}`;
      expect((await cm.post('/api/v1/households', input)).statusCode).toBe(201);
    }
  });
  afterAll(() => stopBrowserEnv(env));

  it('downloads the filtered household list as Excel and prints only the list', async () => {
    const page = await loginAs(env, agency.users.case_manager.email);
    await page.goto(`${env.url}/households?q=${tag}&situation=rough_sleeping&sort=name`);
    await page.getByRole('heading', { level: 1, name: 'Haushalte' }).waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBe(3);
    await expectAccessible(page, 'Haushaltsliste mit Export');

    const exports = page.getByRole('group', { name: 'Liste exportieren' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exports.getByRole('link', { name: 'Als Excel-Datei (XLSX) herunterladen' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^haushalte-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = await readWorkbook(fs.readFileSync((await download.path())!));
    expect(book.header.slice(0, 4)).toEqual(['Aktenzeichen', 'Name', 'Personen', 'Wohnsituation']);
    // The list's filters went along: the two sleeping rough, not the housed one.
    expect(book.rows.map((r) => r[1])).toEqual([`${tag}0, Erika`, `${tag}1, Erika`]);
    expect(book.rows.map((r) => r[3])).toEqual(['auf der Straße', 'auf der Straße']);

    // Printed: the table, without header, navigation and the export buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Hauptnavigation' }).isVisible()).toBe(false);
    expect(await exports.isVisible()).toBe(false);
    expect(await page.getByRole('table').isVisible()).toBe(true);
    const mainWidth = await page.locator('main').evaluate((m) => m.getBoundingClientRect().width);
    const tableWidth = await page.getByRole('table').evaluate((t) => t.getBoundingClientRect().width);
    expect(tableWidth).toBeGreaterThan(mainWidth * 0.95);
    await page.context().close();
  });
});
