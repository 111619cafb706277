import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInBerlin } from '../../src/contracts/plausible.js';
import { client, createAgency, login, type Client, type TestAgency } from '../helpers.js';
import { placesFixture } from '../accommodation-fixtures.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

describe.skipIf(!hasChromium)('browser: Unterbringung – Begehung planen, durchführen, Mangel mit Frist, Sperre, Protokoll', () => {
  let env: BrowserEnv;
  let agency: TestAgency;
  let acc: Client;
  let facilityId: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    acc = client(env.app, await login(env.app, agency.users.accommodation_worker.email));
    facilityId = (await placesFixture(acc)).facilityId;
  });
  afterAll(() => stopBrowserEnv(env));

  it('plans an inspection, records a critical finding with the errors at the fields, completes it with a block; axe clean', async () => {
    const page = await loginAs(env, agency.users.accommodation_worker.email);
    await page.goto(`${env.url}/accommodation/facilities/${facilityId}`);
    await page.getByRole('heading', { level: 2, name: 'Begehungen' }).waitFor();
    await page.getByText('Noch keine Begehungen.').waitFor();
    await expectAccessible(page, 'Unterkunft mit Begehungen');

    await page.getByRole('button', { name: 'Begehung planen' }).click();
    const plan = page.getByRole('dialog');
    await plan.getByLabel('Anlass').selectOption('incident');
    await plan.getByRole('button', { name: 'Speichern' }).click();
    await plan.getByText('Bitte den Vorfall oder die Beschwerde beschreiben.').first().waitFor();
    await expectAccessible(page, 'Dialog Begehung planen');
    await plan.getByLabel('Anlass').selectOption('routine');
    await plan.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: /^Begehung / }).waitFor();
    const inspectionId = page.url().split('/').pop()!;

    await page.getByRole('button', { name: 'Begehung beginnen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Speichern' }).click();
    await page.getByText(/0 von \d+ Prüfpunkten erfasst/).waitFor();

    // A failed item without note, severity and deadline: the messages stand at the fields.
    await page.getByRole('button', { name: 'Prüfpunkt erfassen: Brandschutz' }).click();
    const item = page.getByRole('dialog');
    await item.getByLabel('Ergebnis').selectOption('failed');
    await item.getByRole('button', { name: 'Speichern' }).click();
    await item.getByText('Bitte den Mangel beschreiben.').first().waitFor();
    await item.getByText('Bitte die Frist zur Behebung angeben.').first().waitFor();
    await expectAccessible(page, 'Dialog Prüfpunkt');
    await item.getByLabel('Notiz').fill('Rauchmelder fehlen im 2. OG');
    await item.getByLabel('Schwere des Mangels').selectOption('critical');
    await item.getByLabel('Frist zur Behebung').fill(todayInBerlin());
    await item.getByRole('button', { name: 'Speichern' }).click();
    await item.waitFor({ state: 'detached' });
    await page.getByText('Rauchmelder fehlen im 2. OG').waitFor();

    // The other items pass (through the API, to keep the test short), then the page is complete.
    const detail = (await acc.get(`/api/v1/accommodation/inspections/${inspectionId}`)).json();
    for (const it of detail.items.filter((x: { key: string }) => x.key !== 'fire_safety')) {
      const r = await acc.put(`/api/v1/accommodation/inspections/${inspectionId}/items/${it.resultId}`, { result: 'passed' });
      expect(r.statusCode, r.body).toBe(200);
    }
    await page.reload();
    await expectAccessible(page, 'Begehung durchführen');

    await page.getByRole('button', { name: 'Begehung abschließen' }).click();
    const complete = page.getByRole('dialog');
    await complete.getByLabel('Unterkunft wegen kritischem Mangel für Neubelegung sperren').check();
    await complete.getByRole('button', { name: 'Speichern' }).click();
    await complete.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 2, name: 'Mängel dieser Begehung' }).waitFor();
    await page.getByRole('rowheader', { name: 'Brandschutz: Rauchmelder fehlen im 2. OG' }).waitFor();
    await page.getByRole('button', { name: 'Behebung erfassen: Brandschutz' }).waitFor();
    await page.getByRole('link', { name: 'Begehungsprotokoll (PDF)' }).waitFor();
    await expectAccessible(page, 'Begehung abgeschlossen');

    await page.getByRole('link', { name: 'Zur Unterkunft' }).click();
    await page.getByText(/Nächste Regelbegehung fällig am/).waitFor();
    await page.getByRole('link', { name: 'Brandschutz' }).waitFor();
    // The blocking reason shows in the facility's status and in its history.
    await page
      .getByText(/Kritischer Mangel bei der Begehung/)
      .first()
      .waitFor();
    await expectAccessible(page, 'Unterkunft gesperrt');
  });

  it('lets the lead save the checklist as a new version, with errors at the fields', async () => {
    const page = await loginAs(env, agency.users.lead.email);
    await page.goto(`${env.url}/accommodation`);
    await page.getByRole('link', { name: 'Checkliste Mindeststandards' }).click();
    await page.getByRole('heading', { level: 1, name: 'Checkliste der Mindeststandards' }).waitFor();
    await page.getByLabel('Abstand der Regelbegehungen (Monate)').fill('0');
    await page.getByRole('button', { name: 'Punkt hinzufügen' }).click();
    await page.getByRole('button', { name: 'Als neue Version speichern' }).click();
    await page.locator('.kern-error').first().waitFor();
    await expectAccessible(page, 'Checkliste mit Fehlern');
    await page.getByLabel('Abstand der Regelbegehungen (Monate)').fill('6');
    const last = page.locator('section[aria-labelledby^="cl-item-"]').last();
    await last.getByLabel('Schlüssel').fill('laundry');
    await last.getByLabel('Bezeichnung').fill('Waschmaschinen');
    await last.getByLabel('Bereich').fill('Versorgung');
    await page.getByRole('button', { name: 'Als neue Version speichern' }).click();
    await page.getByText(/Version \d+ gespeichert\./).waitFor();
  });
});
