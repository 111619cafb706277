import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, householdInput, login, PASSWORD, type TestAgency } from '../helpers.js';
import { expectAccessible, hasChromium, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/sus-ui-${name}.png`, fullPage: true });

/** Like loginAs, but in German time like the office (dates typed and shown in Europe/Berlin). */
async function loginAs(env: BrowserEnv, email: string): Promise<Page> {
  const context = await env.browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${env.url}/login`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
  return page;
}

/** Opens a step's dialog from its button, lets `fill` type into it, submits and waits until it is closed. */
async function step(page: Page, button: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => {}) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe.skipIf(!hasChromium)('browser: rent default from the company’s report to the secured tenancy', () => {
  let env: BrowserEnv;
  let agency: TestAgency;
  let household: { id: string; reference: string };
  let familyName: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    familyName = `Sonnleitner${Date.now().toString(36)}`;
    const res = await cm.post(
      '/api/v1/households',
      householdInput({
        socialWorkerId: agency.users.social_worker.id,
        caseManagerId: agency.users.case_manager.id,
        members: [
          {
            firstName: 'Petra',
            lastName: familyName,
            birthDate: '1979-05-06',
            gender: 'female',
            nationality: 'deutsch',
            relationship: 'head',
          },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    household = res.json();
  });
  afterAll(() => stopBrowserEnv(env));

  it('office enters the tenancy, company reports, social work clarifies, company demands payment, office pays out and secures', async () => {
    // --- the case manager enters a tenancy that began before wohnhilfe ------------------------------
    const cm = await loginAs(env, agency.users.case_manager.email);
    await cm.getByRole('navigation').getByRole('link', { name: 'Mietverhältnisse' }).click();
    await cm.getByRole('heading', { level: 1, name: 'Mietverhältnisse' }).waitFor();
    await expectAccessible(cm, 'Mietverhältnisse');
    await cm.getByRole('link', { name: 'Mietverhältnis erfassen' }).click();
    await cm.getByRole('heading', { level: 1, name: 'Mietverhältnis erfassen' }).waitFor();
    // Half a form: German messages at the fields.
    await cm.getByLabel('Kaltmiete (€)').fill('480 Euro');
    await cm.getByRole('button', { name: 'Mietverhältnis anlegen' }).click();
    await expect.poll(() => cm.getByLabel('Kaltmiete (€)').getAttribute('aria-invalid')).toBe('true');
    await cm.getByText('Bitte einen Betrag in Euro angeben, z. B. 612,50.').first().waitFor();
    await expectAccessible(cm, 'Mietverhältnis erfassen mit Fehlern');
    await shot(cm, 'tenancy-form-errors');

    await cm.getByLabel('Haushalt suchen').fill(familyName);
    await cm.getByLabel(new RegExp(familyName)).check();
    await cm.getByText(new RegExp(`Ausgewählt: .*${familyName}`)).waitFor();
    await cm.getByLabel('Wohnungsunternehmen').selectOption({ label: 'Wohnbau Test GmbH' });
    await cm.getByLabel('Straße und Hausnummer').fill('Ahornweg 7');
    await cm.getByLabel('Postleitzahl').fill('70190');
    await cm.getByLabel('Ort', { exact: true }).fill('Stuttgart');
    await cm.getByLabel('Mietbeginn', { exact: true }).fill('2024-03-01');
    await cm.getByLabel('Kaltmiete (€)').fill('480');
    await cm.getByLabel('Nebenkosten (€)').fill('120,50');
    await cm.getByLabel('Heizkosten (€)').fill('70');
    await cm.getByLabel('Höchstbetrag der Garantie (€)').fill('3.000');
    await cm.getByLabel('Mietrückstände').check();
    await shot(cm, 'tenancy-form');
    await cm.getByRole('button', { name: 'Mietverhältnis anlegen' }).click();
    const heading = cm.getByRole('heading', { level: 1, name: /^Mietverhältnis .+-\d{4}-\d+$/ });
    await heading.waitFor();
    const tenancyUrl = cm.url();
    await cm.getByText('Das Mietverhältnis wurde angelegt.').waitFor();
    await cm.getByText('670,50 € warm (480,00 € kalt, 120,50 € Nebenkosten, 70,00 € Heizkosten)').waitFor();
    await cm.getByText('3.000,00 €').first().waitFor();
    await expectAccessible(cm, 'Mietverhältnis (Fachstelle)');
    await shot(cm, 'tenancy-staff');

    // --- the housing company reports unpaid rent in its portal -----------------------------------------
    const provider = await loginAs(env, agency.users.provider_user.email);
    await provider.getByRole('navigation').getByRole('link', { name: 'Meine Mietverhältnisse' }).click();
    await provider.getByRole('heading', { level: 1, name: 'Meine Mietverhältnisse' }).waitFor();
    expect(await provider.getByRole('columnheader', { name: 'Haushalt' }).count()).toBe(0);
    expect(await provider.getByText(household.reference).count()).toBe(0);
    await expectAccessible(provider, 'Meine Mietverhältnisse');
    await provider
      .getByRole('row', { name: /Ahornweg 7/ })
      .getByRole('link')
      .first()
      .click();
    await provider.getByRole('heading', { level: 1, name: /^Mietverhältnis / }).waitFor();
    // As landlord the company knows its tenant from the lease: the name is shown, the office's file is not.
    await provider.getByText(`${familyName}, Petra`).waitFor();
    expect(await provider.getByText(household.reference).count()).toBe(0);
    expect(await provider.getByRole('link', { name: new RegExp(familyName) }).count()).toBe(0);
    await expectAccessible(provider, 'Mietverhältnis (Portal)');
    await shot(provider, 'tenancy-portal');

    await provider.getByRole('button', { name: 'Mietausfall melden', exact: true }).click();
    const report = provider.getByRole('dialog');
    await report.getByLabel('1. Monat').fill('2026-10');
    await report.getByRole('button', { name: 'Weiteren Monat hinzufügen' }).click();
    await report.getByLabel('2. Monat').fill('2026-11');
    await report.getByLabel('Offene Miete (€)').fill('1.341');
    await report.getByLabel('Notiz').fill('Zwei Monatsmieten offen, Mahnung blieb ohne Antwort.');
    await expectAccessible(provider, 'Mietausfall melden');
    await shot(provider, 'report-dialog');
    await report.getByRole('button', { name: 'Mietausfall melden', exact: true }).click();
    await provider.getByRole('heading', { level: 1, name: /^Mietausfall / }).waitFor();
    const incidentUrl = provider.url();
    await provider.getByText('Die Meldung wurde erfasst.', { exact: false }).waitFor();
    await provider.getByText('10/2026, 11/2026').first().waitFor();
    await expectAccessible(provider, 'Mietausfall (Portal)');
    await shot(provider, 'incident-portal-reported');

    // --- the contact person finds it in the queue and passes it on to social work ---------------------
    await cm.getByRole('navigation').getByRole('link', { name: 'Mietsicherung' }).click();
    await cm.getByRole('heading', { level: 1, name: 'Mietsicherung' }).waitFor();
    const row = cm.getByRole('row', { name: /Ahornweg 7/ });
    await row.waitFor();
    await row.getByText('gemeldet').waitFor();
    await row.getByText(familyName, { exact: false }).waitFor();
    await expectAccessible(cm, 'Mietsicherung (Warteschlange)');
    await shot(cm, 'queue');
    await row.getByRole('link').first().click();
    await cm.getByRole('heading', { level: 1, name: /^Mietausfall / }).waitFor();
    await expectAccessible(cm, 'Mietausfall (Fachstelle)');
    await shot(cm, 'incident-staff-reported');
    await step(cm, 'An die Sozialarbeit weitergeben');
    await cm.getByText('Der Vorgang wurde an die Sozialarbeit weitergegeben.').waitFor();

    // --- social work records the reasons ----------------------------------------------------------------
    const sw = await loginAs(env, agency.users.social_worker.email);
    await sw.goto(incidentUrl);
    await sw.getByRole('heading', { level: 1, name: /^Mietausfall / }).waitFor();
    await step(sw, 'Gründe erfassen', (d) =>
      d.getByLabel('Gründe (nur Fachstelle)').fill('Jobcenter-Bescheid verspätet, Krankheit der Mieterin.'),
    );
    await sw.getByText('Die Gründe wurden erfasst.').waitFor();
    await sw.context().close();

    // --- the contact person informs the company ---------------------------------------------------------
    await cm.reload();
    await step(cm, 'Wohnungsunternehmen informieren', (d) =>
      d.getByLabel('Mitteilung an das Wohnungsunternehmen').fill('Die Zahlung ist beantragt; bitte entscheiden Sie, ob Sie abwarten.'),
    );
    await cm.getByText('Das Wohnungsunternehmen wurde informiert.').waitFor();

    // --- the company sees the message (never the reasons) and demands payment -------------------------
    await provider.goto(incidentUrl);
    await provider.getByText('Die Zahlung ist beantragt; bitte entscheiden Sie, ob Sie abwarten.').first().waitFor();
    expect(await provider.getByText('Jobcenter-Bescheid', { exact: false }).count()).toBe(0);
    await expectAccessible(provider, 'Mietausfall: Entscheidung (Portal)');
    await shot(provider, 'incident-portal-decide');
    await step(provider, 'Zahlung verlangen');
    await provider.getByText('Ihre Entscheidung „Zahlung verlangen“ wurde gespeichert.').waitFor();

    // --- the contact person pays out: over the limit first, then the right amount ----------------------
    await cm.reload();
    await cm.getByRole('button', { name: 'Garantieleistung auszahlen', exact: true }).click();
    const payout = cm.getByRole('dialog');
    await payout.getByText('Aus der Garantie sind noch 3.000,00 € verfügbar.', { exact: false }).waitFor();
    await payout.getByLabel('Garantieleistung (€)').fill('3.500');
    await payout.getByRole('button', { name: 'Garantieleistung auszahlen', exact: true }).click();
    await expect.poll(() => payout.getByLabel('Garantieleistung (€)').getAttribute('aria-invalid')).toBe('true');
    await payout.getByText('3.000,00 €', { exact: false }).first().waitFor();
    await expectAccessible(cm, 'Auszahlung über dem Rahmen');
    await shot(cm, 'payout-limit');
    await payout.getByLabel('Garantieleistung (€)').fill('1.341');
    await payout.getByRole('button', { name: 'Garantieleistung auszahlen', exact: true }).click();
    await payout.waitFor({ state: 'detached' });
    await cm.getByText('Die Garantieleistung wurde ausgezahlt', { exact: false }).waitFor();

    // The assignment declaration is a PDF.
    const link = cm.getByRole('link', { name: 'Abtretungserklärung herunterladen (PDF)' });
    const href = await link.getAttribute('href');
    const pdf = await cm.request.get(`${env.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await step(cm, 'Eingang der Abtretung erfassen');
    await cm.getByText('Das Mietverhältnis ist gesichert.', { exact: false }).waitFor();
    await cm.getByText('gesichert', { exact: true }).first().waitFor();
    await expectAccessible(cm, 'Mietausfall gesichert');
    await shot(cm, 'incident-secured');

    // --- the tenancy shows the payout, the remaining guarantee and the open claim ----------------------
    await cm.goto(tenancyUrl);
    await cm.getByText('Ausgezahlt 1.341,00 € − zurückgezahlt 0,00 € = offene Forderung 1.341,00 €').waitFor();
    await cm.getByText('1.659,00 €').first().waitFor();
    await expectAccessible(cm, 'Mietverhältnis nach Auszahlung');
    await shot(cm, 'tenancy-after-payout');

    // --- the company sees the secured state ---------------------------------------------------------------
    await provider.goto(incidentUrl);
    await provider.getByText('gesichert', { exact: true }).first().waitFor();
    await shot(provider, 'incident-portal-secured');
    await provider.context().close();
    await cm.context().close();
  });

  it('shows the sustainment settings in the agency page', async () => {
    const admin = await loginAs(env, agency.users.admin.email);
    await admin.goto(`${env.url}/admin/agency`);
    await admin.getByRole('group', { name: 'Mietsicherung' }).waitFor();
    await expect.poll(() => admin.getByLabel('Mietausfall: Gründe mit dem Haushalt klären (Arbeitstage)').inputValue()).toBe('5');
    await admin.getByLabel('Erinnerungen vor dem Garantieende (Monate vorher, durch Komma getrennt)').fill('6, x');
    await admin.getByRole('button', { name: 'Speichern', exact: true }).click();
    await admin.getByText('Bitte ganze Zahlen zwischen 1 und 24, durch Komma getrennt.').first().waitFor();
    await admin.getByLabel('Erinnerungen vor dem Garantieende (Monate vorher, durch Komma getrennt)').fill('12, 6, 1');
    await admin.getByLabel('Mietausfall: Gründe mit dem Haushalt klären (Arbeitstage)').fill('4');
    await admin.getByRole('button', { name: 'Speichern', exact: true }).click();
    await admin.getByText('Die Änderungen wurden gespeichert.').waitFor();
    await expectAccessible(admin, 'Dienststelle mit Mietsicherung');
    const res = await client(env.app, await login(env.app, agency.users.admin.email)).get('/api/v1/agency');
    expect(res.json().settings.sustainment).toMatchObject({ clarifyWorkingDays: 4, guaranteeReminderMonths: [12, 6, 1] });
    await admin.context().close();
  });
});
