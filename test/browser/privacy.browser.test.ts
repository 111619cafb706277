import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, householdInput, login, type TestAgency } from '../helpers.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

describe.skipIf(!hasChromium)('browser: an access request (Art. 15) from the household page to the hand-over; the DPO reads', () => {
  let env: BrowserEnv;
  let agency: TestAgency;
  let householdId: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    const h = await cm.post('/api/v1/households', householdInput());
    expect(h.statusCode, h.body).toBe(201);
    householdId = h.json().id;
  });
  afterAll(() => stopBrowserEnv(env));

  it('records, produces and hands over the request, with errors at the field; axe clean', async () => {
    const page = await loginAs(env, agency.users.case_manager.email);
    await page.goto(`${env.url}/households/${householdId}`);
    await page.getByRole('link', { name: 'Auskunft (Art. 15)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Auskunftsantrag erfassen' }).waitFor();
    await page.getByLabel(/^Betroffene Person/).selectOption({ label: 'Der ganze Haushalt' });
    await page.getByLabel(/^Eingegangen per/).selectOption({ label: 'Brief' });
    await page.getByRole('button', { name: 'Antrag erfassen' }).click();
    // The requester is missing: the message stands at the field.
    await page.getByText('Bitte füllen Sie dieses Feld aus.').first().waitFor();
    await expectAccessible(page, 'Auskunftsantrag erfassen');
    await page.getByLabel(/^Antrag gestellt von/).fill('Die Person selbst');
    await page.getByRole('button', { name: 'Antrag erfassen' }).click();

    await page.getByRole('heading', { level: 1, name: /^Auskunftsantrag / }).waitFor();
    await page.getByText('Der Antrag ist erfasst; die Monatsfrist ist angelegt.').waitFor();
    await page.getByText(/^Frist bis /).waitFor();
    await expectAccessible(page, 'Auskunftsantrag');

    await page.getByRole('button', { name: 'Auskunft erstellen' }).click();
    const produce = page.getByRole('dialog');
    await produce.getByRole('button', { name: 'Auskunft erstellen' }).click();
    await produce.waitFor({ state: 'detached' });
    await page.getByText('Die Auskunft ist erstellt.').waitFor();
    await page.getByRole('link', { name: 'PDF für die Person (Deutsch)' }).waitFor();
    await page.getByRole('rowheader', { name: 'household_members' }).waitFor();

    await page.getByRole('button', { name: 'Aushändigung festhalten' }).click();
    const hand = page.getByRole('dialog');
    await hand.getByLabel(/^Weg/).selectOption({ label: 'Persönlich' });
    await expectAccessible(page, 'Dialog Aushändigung');
    await hand.getByRole('button', { name: 'Aushändigung festhalten' }).click();
    await hand.waitFor({ state: 'detached' });
    await page.getByText('Die Aushändigung ist festgehalten.').waitFor();
    await page.getByText('Keine weiteren Schritte.').waitFor();

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Auskunftsanträge' }).click();
    await page.getByRole('heading', { level: 1, name: 'Auskunftsanträge (Art. 15 DSGVO)' }).waitFor();
    await page.getByRole('row', { name: /Ausgehändigt/ }).waitFor();
    await expectAccessible(page, 'Auskunftsanträge');
  });

  it('shows the data-protection officer the logs, read-only; axe clean', async () => {
    const page = await loginAs(env, agency.users.dpo.email);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Datenschutz' }).click();
    await page.getByRole('heading', { level: 1, name: 'Datenschutz' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Übermittlungsprotokoll (§ 67b SGB X)' }).waitFor();
    await page.getByRole('link', { name: 'Verzeichnis von Verarbeitungstätigkeiten (PDF)' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Läufe der Aufbewahrungsprüfung' }).waitFor();
    await page.getByText('Noch keine Läufe.').waitFor();
    await expectAccessible(page, 'Datenschutz');
    await page.getByRole('link', { name: 'Auskunftsanträge' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Auskunftsanträge (Art. 15 DSGVO)' }).waitFor();
    expect(await page.getByRole('link', { name: 'Antrag erfassen' }).count()).toBe(0);
  });
});
