import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCase, agreementInput, carrierUser } from '../aftercare-fixtures.js';
import { client, createAgency, householdInput, login, PASSWORD, type TestAgency } from '../helpers.js';
import { expectAccessible, hasChromium, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

/** Signed in, in German time like the office. */
async function loginAs(env: BrowserEnv, email: string): Promise<Page> {
  const context = await env.browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${env.url}/login`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
  return page;
}

/** Opens a step's dialog from its button, lets `fill` type into it, submits (`submit`: the dialog's button) and waits until it is closed. */
async function step(
  page: Page,
  button: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => {},
  submit = button,
) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: submit, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe.skipIf(!hasChromium)('browser: the carrier writes and submits its annual report, the Fachstelle returns it', () => {
  let env: BrowserEnv;
  let agency: TestAgency;
  let lead: { id: string; email: string };
  const lastYear = new Date().getFullYear() - 1;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    expect((await cm.post('/api/v1/aftercare/agreements', agreementInput(agency.carrierId))).statusCode).toBe(201);
    const hh = (await cm.post('/api/v1/households', householdInput({ situation: 'housed', seekingHousing: false }))).json().id;
    await activeCase(cm, hh, agency.carrierId, agency.users.carrier_worker.id);
    lead = await carrierUser(agency, agency.carrierId, true);
  });
  afterAll(() => stopBrowserEnv(env));

  it('narrative, preview, submission; history and return at the Fachstelle; labels translated', async () => {
    // --- the carrier lead: the reports page, labels in German, last year's report begun -------------
    const tr = await loginAs(env, lead.email);
    await tr.goto(`${env.url}/aftercare/reports`);
    await tr.getByRole('heading', { level: 1, name: 'Nachsorge: Berichte' }).waitFor();
    await tr.getByText('Noch keine Jahresberichte.').waitFor();
    // This year's running case: age band, household type and gender as words, not codes.
    await tr.locator('#report-a-year').fill(String(lastYear + 1));
    await tr.getByRole('region', { name: 'Jahresbericht' }).getByRole('button', { name: 'Anzeigen' }).click();
    const rows = tr.getByRole('table', { name: 'Fälle (pseudonymisiert)' });
    await rows.getByText('weiblich').waitFor();
    await rows.getByText('läuft noch').waitFor();
    await rows.getByText('35–49').or(rows.getByText('25–34')).or(rows.getByText('50–64')).first().waitFor();
    expect(await rows.innerText()).not.toMatch(/\b(female|unspecified|running|single|under_25)\b/);
    await expectAccessible(tr, 'Berichte (Träger)');

    await tr.getByRole('button', { name: `Jahresbericht ${lastYear} beginnen` }).click();
    await tr.getByRole('heading', { level: 1, name: `Jahresbericht ${lastYear}: Träger Test e. V.` }).waitFor();
    await tr.getByText('in Bearbeitung beim Träger').waitFor();
    await step(
      tr,
      'Bericht schreiben',
      async (d) => {
        await d.getByLabel('Arbeitsschwerpunkte').fill('Hausbesuche im Veedel');
        await d.getByLabel('Ziele und ihre Erreichung').fill('Wohnungen gehalten');
        await d.getByLabel('Entwicklungen vor Ort').fill('Mehr Mietschulden nach der Nebenkostenabrechnung');
        await expectAccessible(tr, 'Dialog Bericht schreiben');
      },
      'Speichern',
    );
    await tr.getByText('Der Bericht ist gespeichert.').waitFor();
    await tr.getByText('Hausbesuche im Veedel').waitFor();
    const preview = await tr.getByRole('link', { name: 'Vorschau als PDF' }).getAttribute('href');
    const pdf = await tr.request.get(`${env.url}${preview}`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectAccessible(tr, 'Jahresbericht (Entwurf)');

    await step(tr, 'Einreichen');
    await tr.getByText('Der Bericht ist eingereicht.').waitFor();
    const versions = tr.getByRole('region', { name: 'Eingereichte Fassungen' });
    await versions.getByRole('link', { name: 'Fassung 1 als Excel-Datei (XLSX) herunterladen' }).waitFor();
    await expect(tr.getByRole('button', { name: 'Bericht schreiben' }).count()).resolves.toBe(0);
    await expectAccessible(tr, 'Jahresbericht (eingereicht)');

    // --- the Fachstelle: history of the carrier's reports, the report, return with a reason ---------
    const cm = await loginAs(env, agency.users.case_manager.email);
    await cm.goto(`${env.url}/aftercare/reports`);
    const history = cm.getByRole('region', { name: 'Jahresberichte der Träger' });
    await history.getByText('eingereicht', { exact: true }).waitFor();
    await expectAccessible(cm, 'Berichte (Fachstelle)');
    await history.getByRole('link', { name: `Jahresbericht ${lastYear} von Träger Test e. V. öffnen` }).click();
    await cm.getByText('Mehr Mietschulden nach der Nebenkostenabrechnung').waitFor();
    const xlsx = await cm.getByRole('link', { name: 'Fassung 1 als PDF herunterladen' }).getAttribute('href');
    expect((await cm.request.get(`${env.url}${xlsx}`)).status()).toBe(200);
    await step(cm, 'Zurückgeben', async (d) => {
      await d.getByLabel('Begründung (sieht der Träger)').fill('Bitte die Ziele genauer beschreiben');
    });
    await cm.getByText('Der Bericht ist an den Träger zurückgegeben.').waitFor();
    await cm.getByText(/Bitte die Ziele genauer beschreiben/).waitFor();
    await expectAccessible(cm, 'Jahresbericht (zurückgegeben)');
    await cm.setViewportSize({ width: 1280, height: 900 });
    await cm.screenshot({ path: '/tmp/aftercare-ui-annual-report-1280.png', fullPage: true });
  });
});
