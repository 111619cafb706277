import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCase, agreementInput } from '../aftercare-fixtures.js';
import { client, createAgency, login, type TestAgency } from '../helpers.js';
import { approvedOffer, consentInput, ensureConditions, placementActors, poolHousehold } from '../placement-fixtures.js';
import { courtNotice } from '../prevention-fixtures.js';
import { tenancyInput } from '../sustainment-fixtures.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

describe.skipIf(!hasChromium)('browser: staff work with households', () => {
  let env: BrowserEnv;
  let agency: TestAgency;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
  });
  afterAll(() => stopBrowserEnv(env));

  it('logs in, creates a household, finds it and opens it — every page accessible', async () => {
    const login = await (await env.browser.newContext({ locale: 'de-DE' })).newPage();
    await login.goto(`${env.url}/login`);
    await login.getByRole('heading', { level: 1, name: 'Anmeldung' }).waitFor();
    await expectAccessible(login, 'Anmeldung');
    await login.getByLabel('E-Mail-Adresse').fill(agency.users.case_manager.email);
    await login.getByLabel('Passwort', { exact: true }).fill('falsch-falsch-falsch');
    await login.getByRole('button', { name: 'Anmelden' }).click();
    await login.getByText('E-Mail-Adresse oder Passwort ist falsch.').first().waitFor();
    await expectAccessible(login, 'Anmeldung mit Fehler');
    await login.context().close();

    const page = await loginAs(env, agency.users.case_manager.email);
    await expectAccessible(page, 'Übersicht');

    await page.getByRole('navigation').getByRole('link', { name: 'Haushalte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Haushalte' }).waitFor();
    await expectAccessible(page, 'Haushaltsliste');

    await page.getByRole('link', { name: 'Haushalt anlegen' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Haushalt anlegen' }).waitFor();
    await expectAccessible(page, 'Haushalt anlegen');

    // Saving with an empty first name shows a German message at the field.
    await page.getByLabel('Nachname').first().fill('Schwarzwälder');
    await page.getByRole('button', { name: 'Speichern' }).click();
    const firstName = page.getByLabel('Vorname').first();
    await expect.poll(() => firstName.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'Haushalt anlegen mit Fehlern');

    await firstName.fill('Henriette');
    await page.getByLabel('Geburtsdatum').first().fill('1979-05-14');
    await page.getByLabel('Wohnsituation').selectOption('in_accommodation');
    await page.getByRole('button', { name: 'Speichern' }).click();
    const detailHeading = page.getByRole('heading', { level: 1, name: /^Haushalt T-\d{4}-\d{5}$/ });
    await detailHeading.waitFor();
    const reference = (await detailHeading.textContent())!.replace('Haushalt ', '');
    await expectAccessible(page, 'Haushalt Detail');
    // The file as PDF: a download link next to the other actions, answering with the PDF.
    const fileLink = page.getByRole('link', { name: 'Akte als PDF' });
    const href = (await fileLink.getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/v1\/households\/[0-9a-f-]{36}\/file\.pdf\?lang=de$/);
    const pdf = await page.request.get(`${env.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByRole('link', { name: 'Haushalt bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: `Haushalt ${reference} bearbeiten` }).waitFor();
    await expectAccessible(page, 'Haushalt bearbeiten');
    await page.getByLabel('sucht Wohnung (Vermittlungspool)').check();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: `Haushalt ${reference}` }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Haushalte' }).click();
    await page.getByLabel('Suche (Name oder Aktenzeichen)').fill('schwarzwälder');
    const row = page.getByRole('row', { name: /Schwarzwälder, Henriette/ });
    await row.waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await row.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: `Haushalt ${reference}` }).waitFor();
    await expect.poll(() => page.getByText('Henriette').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('shows the cases of a household in every programme and follows a link to one', async () => {
    const a = await placementActors(env.app, agency);
    await ensureConditions(a.admin);
    const h = await poolHousehold(a.cm, agency);
    const prevention = (await a.cm.post('/api/v1/prevention/cases', { ...courtNotice(), householdId: h.id })).json();
    const offer = await approvedOffer(a);
    await a.cm.post(`/api/v1/households/${h.id}/consents`, consentInput(agency.providerId));
    expect((await a.cm.post(`/api/v1/offers/${offer.id}/candidates`, { householdId: h.id, comment: 'Browser' })).statusCode).toBe(201);
    const tenancy = (await a.cm.post('/api/v1/tenancies', tenancyInput(h.id, agency.providerId))).json();
    const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    await cm.post('/api/v1/aftercare/agreements', agreementInput(agency.carrierId));
    const aftercare = await activeCase(cm, h.id, agency.carrierId, agency.users.carrier_worker.id);

    const page = await loginAs(env, agency.users.case_manager.email);
    await page.goto(`${env.url}/households/${h.id}`);
    const overview = page.getByRole('region', { name: 'Programme und Fälle' });
    await overview.getByRole('link', { name: `Mietverhältnis ${tenancy.reference} öffnen` }).waitFor();
    for (const name of [
      `Präventionsfall ${prevention.reference} öffnen`,
      `Kandidatur für Wohnungsangebot ${offer.reference} öffnen`,
      `Nachsorgefall ${aftercare.reference} öffnen`,
    ]) {
      await overview.getByRole('link', { name }).waitFor();
    }
    await expect.poll(() => overview.getByRole('row').count()).toBe(5);
    await expectAccessible(page, 'Haushalt mit Programmübersicht');

    await overview.getByRole('link', { name: `Mietverhältnis ${tenancy.reference} öffnen` }).click();
    await page.waitForURL(`${env.url}/sustainment/tenancies/${tenancy.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(tenancy.reference) }).waitFor();
    await page.context().close();
  });

  it('shows admin and auditor pages and the programme pages accessibly', async () => {
    const admin = await loginAs(env, agency.users.admin.email);
    for (const [path, heading] of [
      ['/admin/users', 'Benutzer'],
      ['/admin/agency', 'Dienststelle'],
      ['/admin/organisations', 'Organisationen'],
      ['/security', 'Zwei-Faktor-Anmeldung einrichten'],
    ] as const) {
      await admin.goto(`${env.url}${path}`);
      await admin.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expectAccessible(admin, path);
    }
    await admin.context().close();

    const auditor = await loginAs(env, agency.users.auditor.email);
    await auditor.goto(`${env.url}/audit`);
    await auditor.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(auditor, '/audit');
    await auditor.context().close();

    const lead = await loginAs(env, agency.users.lead.email);
    for (const path of ['/prevention', '/placement', '/sustainment', '/aftercare', '/accommodation', '/reporting']) {
      await lead.goto(`${env.url}${path}`);
      await lead.getByRole('heading', { level: 1 }).waitFor();
      await expectAccessible(lead, path);
    }
    await lead.context().close();
  });
});
