import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, householdInput, login, testDbs, type TestAgency } from '../helpers.js';
import { placesFixture } from '../accommodation-fixtures.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

describe.skipIf(!hasChromium)('browser: Unterbringung – Bundesstatistik (WoBerichtsG)', () => {
  let env: BrowserEnv;
  let agency: TestAgency;
  let reference: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    const acc = client(env.app, await login(env.app, agency.users.accommodation_worker.email));
    const places = await placesFixture(acc);
    const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    const h = await cm.post(
      '/api/v1/households',
      householdInput({
        members: [
          { firstName: 'Nora', lastName: 'Statistik', birthDate: '1990-05-05', gender: 'female', nationality: null, relationship: 'head' },
        ],
      }),
    );
    expect(h.statusCode, h.body).toBe(201);
    reference = h.json().reference;
    // A stay over the reference night 31.01.2026 (written directly: a past move-in).
    const owner = testDbs().owner;
    const a = await owner
      .insertInto('accommodation_assignments')
      .values({
        agency_id: agency.id,
        household_id: h.json().id,
        facility_id: places.facilityId,
        history_id: '00000000-0000-0000-0000-000000000000',
        from_date: '2025-12-01',
        payer: 'agency',
        legal_basis: 'ASOG',
        state: 'moved_in',
        moved_in_on: '2025-12-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await owner.updateTable('accommodation_assignments').set({ history_id: a.id }).where('id', '=', a.id).execute();
    await owner
      .insertInto('accommodation_stays')
      .values({
        agency_id: agency.id,
        assignment_id: a.id,
        household_id: h.json().id,
        member_id: h.json().members[0].id,
        facility_id: places.facilityId,
        place_id: places.place('E1'),
        from_date: '2025-12-01',
      })
      .execute();
  });
  afterAll(() => stopBrowserEnv(env));

  it('shows the check with the household link, the files and the table; the lead marks it submitted; axe clean', async () => {
    const page = await loginAs(env, agency.users.lead.email);
    await page.goto(`${env.url}/accommodation`);
    await page.getByRole('link', { name: 'Bundesstatistik (WoBerichtsG)' }).click();
    await page.getByRole('combobox', { name: 'Berichtsjahr' }).selectOption('2026');
    await page.getByRole('heading', { level: 1, name: 'Bundesstatistik untergebrachter Wohnungsloser' }).waitFor();
    await page.getByText('Bei 1 Person fehlt ein Merkmal.', { exact: false }).waitFor();
    await page.getByRole('link', { name: reference }).waitFor();
    await page.getByRole('cell', { name: 'Staatsangehörigkeit' }).waitFor();
    await page.getByRole('link', { name: 'Datensätze als CSV' }).waitFor();
    await page.getByRole('table', { name: 'Personen nach Haushaltstyp' }).waitFor();
    await expectAccessible(page, 'Bundesstatistik');

    await page.getByRole('button', { name: 'Als übermittelt vermerken' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Vermerk (z. B. Übermittlungsweg)').fill('IDEV');
    await expectAccessible(page, 'Dialog Bundesstatistik übermittelt');
    await dialog.getByRole('button', { name: 'Als übermittelt vermerken' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Die Meldung ist als übermittelt vermerkt.').waitFor();
    await page.getByText(/übermittelt am .* \(1 Personen\)/).waitFor();
    await expectAccessible(page, 'Bundesstatistik übermittelt');
  });
});
