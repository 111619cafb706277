import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courtNotice } from '../prevention-fixtures.js';
import { client, createAgency, login, testDbs, type TestAgency } from '../helpers.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

describe.skipIf(!hasChromium)('browser: a further notice for a household with an open case', () => {
  let env: BrowserEnv;
  let agency: TestAgency;
  let open: { id: string; reference: string; household: { id: string } };
  const lastName = `Lorenz${Date.now().toString(36)}`;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    const res = await cm.post('/api/v1/prevention/cases', {
      ...courtNotice({ tenants: [{ firstName: 'Greta', lastName, birthDate: '1968-03-09', gender: 'female' }], street: 'Birkenweg 9' }),
      createHousehold: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    open = res.json();
  });
  afterAll(() => stopBrowserEnv(env));

  it('the notice joins the open case unless a new case is chosen; the case lists it', async () => {
    const page = await loginAs(env, agency.users.lead.email);
    await page.goto(`${env.url}/prevention/cases/new`);
    await page.getByRole('heading', { level: 1, name: 'Meldung erfassen' }).waitFor();
    await page.getByLabel('Quelle', { exact: true }).selectOption('landlord');
    await page.getByLabel('Vorname').fill('Greta');
    await page.getByLabel('Nachname').fill(lastName);
    await page.getByLabel('Geburtsdatum').fill('1968-03-09');
    await page.getByLabel('Straße und Hausnummer').fill('Birkenweg 9');
    await page.getByLabel('Postleitzahl').fill('30159');
    await page.getByLabel('Ort', { exact: true }).fill('Hannover');
    await page.getByLabel('Mietrückstand (€)').fill('2.400');
    await page.getByRole('button', { name: 'Weiter: Haushalt abgleichen' }).click();

    const match = page.getByRole('group', { name: 'Haushalt abgleichen' });
    await match.getByText('hat bereits einen offenen Präventionsfall').waitFor();
    await match.getByLabel(new RegExp(`Mit ${lastName}, Greta \\(.+\\) verknüpfen`)).check();
    await match.getByText('Die Mitteilung wird dem offenen Fall als weitere Mitteilung hinzugefügt.').waitFor();
    const newCase = match.getByLabel('Stattdessen einen weiteren, eigenen Fall eröffnen');
    expect(await newCase.isChecked()).toBe(false);
    await expectAccessible(page, 'Abgleich mit offenem Fall');
    await page.getByRole('button', { name: 'Fall anlegen' }).click();

    await page.getByRole('heading', { level: 1, name: `Präventionsfall ${open.reference}` }).waitFor();
    await page.getByText('Die Mitteilung wurde diesem offenen Fall hinzugefügt.').waitFor();
    await page.getByRole('tab', { name: 'Überblick', exact: true }).click();
    const notices = page.getByRole('region', { name: 'Weitere Mitteilungen' });
    await expect.poll(() => notices.textContent()).toContain('Vermieter');
    expect(await notices.textContent()).toContain('2.400,00');
    await expectAccessible(page, 'Fall mit weiterer Mitteilung');
    const cases = await testDbs().owner.selectFrom('prevention_cases').select('id').where('household_id', '=', open.household.id).execute();
    expect(cases).toHaveLength(1);
    await page.context().close();
  });
});
