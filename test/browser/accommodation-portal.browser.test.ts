import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, householdInput, login, testDbs, type TestAgency } from '../helpers.js';
import { placesFixture } from '../accommodation-fixtures.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

describe.skipIf(!hasChromium)('browser: Betreiberportal – Meine Unterkünfte, Einzug, Vorkommnis', () => {
  let env: BrowserEnv;
  let agency: TestAgency;
  let facilityName: string;
  let assignmentId: string;
  const head = 'Beispiel, Erika';

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    const acc = client(env.app, await login(env.app, agency.users.accommodation_worker.email));
    const places = await placesFixture(acc);
    facilityName = places.detail.name;
    await testDbs()
      .owner.updateTable('users')
      .set({ operator_id: places.operatorId })
      .where('id', '=', agency.users.operator_user.id)
      .execute();
    const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    const input = householdInput({ situation: 'rough_sleeping', situationSince: '2024-05-01' });
    const member = { ...input.members[0]!, firstName: 'Erika', lastName: 'Beispiel', gender: 'female' };
    const h = await cm.post('/api/v1/households', { ...input, members: [member] });
    expect(h.statusCode, h.body).toBe(201);
    const a = await cm.post('/api/v1/accommodation/assignments', {
      householdId: h.json().id,
      facilityId: places.facilityId,
      fromDate: '2026-11-05',
      payer: 'agency',
      places: [{ memberId: h.json().members[0].id, placeId: places.place('F1') }],
    });
    expect(a.statusCode, a.body).toBe(201);
    assignmentId = a.json().id;
  });
  afterAll(() => stopBrowserEnv(env));

  it('shows only the portal, confirms the move-in and reports an incident that the office sees; axe clean', async () => {
    const page = await loginAs(env, agency.users.operator_user.email);
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Meine Unterkünfte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meine Unterkünfte' }).waitFor();
    await page.getByRole('heading', { level: 2, name: facilityName }).waitFor();
    await page.getByText('Frauenschutz').first().waitFor();
    // Only the portal's entries: no households, no accommodation administration.
    expect(await nav.getByRole('link', { name: 'Haushalte' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Unterbringung' }).count()).toBe(0);
    await expectAccessible(page, 'Betreiberportal');

    await page.getByRole('button', { name: `Einzug bestätigen: ${head}` }).click();
    const moveIn = page.getByRole('dialog');
    await moveIn.getByLabel('Tag des Einzugs').fill('2026-11-06');
    await expectAccessible(page, 'Dialog Einzug (Betreiber)');
    await moveIn.getByRole('button', { name: 'Einzug bestätigen' }).click();
    await moveIn.waitFor({ state: 'detached' });
    await page.getByText('Der Einzug ist bestätigt.').waitFor();
    await page.getByRole('button', { name: `Auszug bestätigen: ${head}` }).waitFor();

    await page.getByRole('button', { name: `Vorkommnis melden: ${head}` }).click();
    const incident = page.getByRole('dialog');
    await incident.getByRole('button', { name: 'Vorkommnis melden' }).click();
    await incident.getByText('Bitte füllen Sie dieses Feld aus.').first().waitFor();
    await incident.getByLabel('Art des Vorkommnisses').selectOption({ label: 'Schaden' });
    await incident.getByLabel('Tag').fill('2026-11-20');
    await incident.getByLabel('Beschreibung').fill('Wasserschaden im Bad, Hausmeister informiert.');
    await expectAccessible(page, 'Dialog Vorkommnis');
    await incident.getByRole('button', { name: 'Vorkommnis melden' }).click();
    await incident.waitFor({ state: 'detached' });
    await page.getByText('Das Vorkommnis ist gemeldet.').waitFor();
    await page.context().close();

    const staff = await loginAs(env, agency.users.accommodation_worker.email);
    await staff.goto(`${env.url}/accommodation/assignments/${assignmentId}`);
    await staff.getByRole('heading', { level: 2, name: 'Vorkommnisse (vom Betreiber gemeldet)' }).waitFor();
    await staff.getByText('Wasserschaden im Bad, Hausmeister informiert.').waitFor();
    await expectAccessible(staff, 'Zuweisung mit Vorkommnis');
  });
});
