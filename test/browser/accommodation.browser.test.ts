import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, householdInput, login, type TestAgency } from '../helpers.js';
import { placesFixture } from '../accommodation-fixtures.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

describe.skipIf(!hasChromium)('browser: Unterbringung – place search from the household, assignment, move-in', () => {
  let env: BrowserEnv;
  let agency: TestAgency;
  let householdId: string;
  let facilityName: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    const acc = client(env.app, await login(env.app, agency.users.accommodation_worker.email));
    facilityName = (await placesFixture(acc)).detail.name;
    const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    const h = await cm.post('/api/v1/households', householdInput({ situation: 'rough_sleeping', situationSince: '2024-05-01' }));
    expect(h.statusCode, h.body).toBe(201);
    householdId = h.json().id;
  });
  afterAll(() => stopBrowserEnv(env));

  it('finds places with reasons, assigns with the letters, refuses a move-in before its day; axe clean', async () => {
    const page = await loginAs(env, agency.users.case_manager.email);
    await page.goto(`${env.url}/households/${householdId}`);
    await page.getByRole('link', { name: 'Unterkunft suchen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Platzsuche für/ }).waitFor();
    await page.getByRole('heading', { level: 3, name: facilityName }).waitFor();
    // Excluded places are counted per reason; their list with the reasons in words opens per reason.
    await page.getByRole('button', { name: 'Plätze anzeigen: Raum nur für ein Geschlecht' }).click();
    await page.getByRole('heading', { level: 3, name: /^Ausgeschlossen – Raum nur für ein Geschlecht/ }).waitFor();
    await page
      .getByText(/Der Raum ist nur für Frauen; im Haushalt sind nicht nur Frauen\./)
      .first()
      .waitFor();
    await expectAccessible(page, 'Platzsuche');

    await page.getByRole('button', { name: `Zuweisen: ${facilityName}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Zuweisung ab').fill('2099-01-01');
    await expectAccessible(page, 'Dialog Zuweisung');
    await dialog.getByRole('button', { name: 'Zuweisen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: /^Zuweisung / }).waitFor();
    await page.getByText('Einweisung und Kostenübernahme liegen als PDF bereit', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Einweisung in eine Unterkunft' }).waitFor();
    await page.getByRole('link', { name: 'Kostenübernahme für die Unterbringung' }).waitFor();
    await expectAccessible(page, 'Zuweisung');

    // A move-in cannot be confirmed before the day comes: the message stands at the field.
    await page.getByRole('button', { name: 'Einzug bestätigen' }).click();
    const moveIn = page.getByRole('dialog');
    await moveIn.getByRole('button', { name: 'Einzug bestätigen' }).click();
    await moveIn.getByText('Der Tag liegt in der Zukunft.', { exact: true }).waitFor();
    await expectAccessible(page, 'Dialog Einzug');
    await moveIn.getByRole('button', { name: 'Abbrechen' }).click();

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Unterbringung' }).click();
    await page.getByRole('heading', { level: 1, name: 'Unterbringung' }).waitFor();
    await page.getByRole('link', { name: facilityName }).waitFor();
    await expectAccessible(page, 'Unterbringung');
  });
});
