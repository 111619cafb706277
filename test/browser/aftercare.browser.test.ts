import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementInput, carrierUser, day } from '../aftercare-fixtures.js';
import { client, createAgency, householdInput, login, PASSWORD, type TestAgency } from '../helpers.js';
import { expectAccessible, hasChromium, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

/** Full-page screenshots at desktop (1280 px) and phone (390 px) width, to check the look. */
async function shots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `/tmp/aftercare-ui-${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `/tmp/aftercare-ui-${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Signed in, in German time like the office (dates typed and shown in Europe/Berlin). */
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

/** Opens a step's dialog from its button, lets `fill` type into it, submits and waits until it is closed. */
async function step(page: Page, button: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => {}) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe.skipIf(!hasChromium)('browser: aftercare from the referral to the first home visit', () => {
  let env: BrowserEnv;
  let agency: TestAgency;
  let familyName: string;
  let lead: { id: string; email: string };

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    expect((await cm.post('/api/v1/aftercare/agreements', agreementInput(agency.carrierId))).statusCode).toBe(201);
    familyName = `Nachtigall${Date.now().toString(36)}`;
    const res = await cm.post(
      '/api/v1/households',
      householdInput({
        socialWorkerId: agency.users.social_worker.id,
        caseManagerId: agency.users.case_manager.id,
        members: [
          {
            firstName: 'Jana',
            lastName: familyName,
            birthDate: '1984-02-03',
            gender: 'female',
            nationality: 'deutsch',
            relationship: 'head',
          },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    lead = await carrierUser(agency, agency.carrierId, true);
  });
  afterAll(() => stopBrowserEnv(env));

  it('the Fachstelle refers, checks, records consent and grants; the carrier sees the case and documents a visit', async () => {
    // --- Fachstelle: the list of all cases, then a referral ------------------------------------------
    const cm = await loginAs(env, agency.users.case_manager.email);
    await cm.getByRole('navigation').getByRole('link', { name: 'Nachsorge' }).click();
    await cm.getByRole('heading', { level: 1, name: 'Nachsorge' }).waitFor();
    await cm.getByText('Keine Nachsorgefälle gefunden.').waitFor();
    await expectAccessible(cm, 'Nachsorge (Fachstelle)');

    await cm.getByRole('link', { name: 'Meldung erfassen' }).click();
    await cm.getByRole('heading', { level: 1, name: 'Meldung zur Nachsorge erfassen' }).waitFor();
    // An empty form: German messages at the fields.
    await cm.getByRole('button', { name: 'Meldung speichern' }).click();
    await expect.poll(() => cm.getByLabel('Straße und Hausnummer (Ort der Hausbesuche)').getAttribute('aria-invalid')).toBe('true');
    await cm.getByText('Bitte füllen Sie dieses Feld aus.').first().waitFor();
    await expectAccessible(cm, 'Meldung mit Fehlern');
    await shots(cm, 'referral-errors');

    await cm.getByLabel('Haushalt suchen').fill(familyName);
    await cm.getByLabel(new RegExp(familyName)).check();
    await cm.getByLabel('Zielgruppe').selectOption({ label: '(b) gesichertes Mietverhältnis mit Wiederholungsgefahr' });
    await cm.getByLabel('Zugang').selectOption({ label: 'Pfarrgemeinde' });
    await cm.getByLabel('Meldende Stelle').fill('Pfarrgemeinde St. Agnes');
    await cm.getByLabel('Straße und Hausnummer (Ort der Hausbesuche)').fill('Neusser Straße 12');
    await cm.getByLabel('Postleitzahl').fill('5067');
    await cm.getByLabel('Ort', { exact: true }).fill('Köln');
    await cm.getByRole('button', { name: 'Meldung speichern' }).click();
    // The server's field error (five-digit postcode) appears at the field, in German.
    await expect.poll(() => cm.getByLabel('Postleitzahl').getAttribute('aria-invalid')).toBe('true');
    await cm.getByLabel('Postleitzahl').fill('50670');
    await cm.getByRole('button', { name: 'Meldung speichern' }).click();
    await cm.getByRole('heading', { level: 1, name: /^Nachsorge / }).waitFor();
    await cm.getByText('Die Meldung ist erfasst.').waitFor();
    await cm.getByText('gemeldet', { exact: true }).first().waitFor();
    // Only the steps of this state: no grant before the check.
    expect(await cm.getByRole('button', { name: 'Bewilligen', exact: true }).count()).toBe(0);
    await expectAccessible(cm, 'Fall gemeldet');

    await step(cm, 'Prüfung erfassen', async (d) => {
      await d.getByLabel('Wie geprüft wurde').fill('Rückfrage beim Amt für Soziales: keine Hilfe nach § 67 SGB XII.');
      await expectAccessible(cm, 'Dialog Prüfung');
    });
    await cm.getByText('Die Prüfung ist erfasst.').waitFor();
    await step(cm, 'Einwilligung erfassen', async (d) => {
      await d.getByLabel('Form', { exact: true }).selectOption({ label: 'schriftlich' });
    });
    await cm.getByText('Die Einwilligung ist erfasst.').waitFor();
    await step(cm, 'Bewilligen', async (d) => {
      // Begun ten days ago for one month: the grant ends within 28 days, so the carrier's start page lists it.
      await d.getByLabel('Beginn der Hilfe').fill(day(-10));
      await d.getByLabel('Dauer in Monaten').fill('1');
    });
    await cm.getByText('Die Hilfe ist bewilligt.').waitFor();
    await cm.getByText('laufend', { exact: true }).first().waitFor();
    const caseUrl = cm.url();
    const reference = ((await cm.getByRole('heading', { level: 1 }).textContent()) ?? '').replace('Nachsorge ', '');
    await expectAccessible(cm, 'Fall laufend (Fachstelle)');
    await shots(cm, 'case-office');

    // --- the carrier lead: start page, case, visit ------------------------------------------------
    const tr = await loginAs(env, lead.email);
    await tr.getByRole('navigation').getByRole('link', { name: 'Nachsorge' }).click();
    await tr.getByRole('heading', { level: 1, name: 'Nachsorge' }).waitFor();
    const ending = tr.getByRole('region', { name: /Bewilligung endet in den nächsten 28 Tagen/ });
    await ending.getByRole('link', { name: new RegExp(familyName) }).waitFor();
    await expectAccessible(tr, 'Nachsorge (Träger)');
    await shots(tr, 'start-carrier');

    await ending.getByRole('link', { name: new RegExp(familyName) }).click();
    await tr.getByRole('heading', { level: 1, name: `Nachsorge ${reference}` }).waitFor();
    expect(tr.url()).toBe(caseUrl);
    await tr.getByText('Sie sehen nur die für die Hilfe freigegebenen Angaben.').waitFor();
    // The carrier does not decide: no grant, extension or end buttons.
    expect(await tr.getByRole('button', { name: 'Verlängern', exact: true }).count()).toBe(0);
    await expectAccessible(tr, 'Fall (Träger)');

    await tr.getByRole('link', { name: 'Hausbesuch dokumentieren' }).click();
    await tr.getByRole('heading', { level: 1, name: 'Hausbesuch dokumentieren' }).waitFor();
    await tr.getByRole('button', { name: 'Besuch speichern' }).click();
    await tr
      .getByText('Bitte wählen Sie einen der vorgegebenen Werte.')
      .or(tr.getByText('Bitte füllen Sie dieses Feld aus.'))
      .first()
      .waitFor();
    await expectAccessible(tr, 'Besuchsformular mit Fehlern');
    await tr.getByLabel('durchgeführt').check();
    await tr.getByLabel('Miete gezahlt').check();
    await tr.getByLabel('Kontakt zum Vermieter').check();
    await tr.getByLabel('Sicht des Haushalts').fill('Wir kommen zurecht, die Miete geht jetzt per Dauerauftrag.');
    await tr.setViewportSize({ width: 820, height: 1180 });
    await tr.screenshot({ path: '/tmp/aftercare-ui-visit-form-tablet.png', fullPage: true });
    await shots(tr, 'visit-form');
    await tr.getByRole('button', { name: 'Besuch speichern' }).click();
    await tr.getByRole('heading', { level: 1, name: `Nachsorge ${reference}` }).waitFor();
    await tr.getByText('Der Hausbesuch ist dokumentiert.').waitFor();
    const visits = tr.getByRole('region', { name: 'Hausbesuche' });
    await visits.getByText('durchgeführt').waitFor();
    await visits.getByText('Themen: Miete gezahlt, Kontakt zum Vermieter').waitFor();
    await expectAccessible(tr, 'Fall mit Besuch (Träger)');

    // The help plan in the household's words, and the lead takes the case on.
    await step(tr, 'Ziel hinzufügen', async (d) => {
      await d.getByLabel('Ziel (in den Worten des Haushalts)').fill('Die Miete pünktlich zahlen');
      await d.getByLabel('Nächste Überprüfung').fill(day(30));
      await expectAccessible(tr, 'Dialog Ziel');
    });
    await tr.getByRole('region', { name: 'Hilfeplan' }).getByText('1. Die Miete pünktlich zahlen').waitFor();
    // The lead hands the case to a worker of the carrier, picked from the carrier's active workers.
    const workerName = `carrier_worker ${agency.users.carrier_worker.email.split('@')[0]!.split('.')[1]}`;
    await step(tr, 'Fachkraft und Rhythmus', async (d) => {
      await d.getByLabel('Zuständige Fachkraft').selectOption({ label: workerName });
      await d.getByLabel('Besuch alle … Wochen').fill('2');
      await expectAccessible(tr, 'Dialog Zuweisung');
    });
    await tr.getByText('Zuständigkeit und Rhythmus sind gespeichert.').waitFor();
    await tr.getByText('alle 2 Wochen').waitFor();
    await tr.getByText(workerName).first().waitFor();
    await shots(tr, 'case-carrier');

    // --- the Fachstelle's reports and agreements pages --------------------------------------------
    await cm.goto(`${env.url}/aftercare/reports`);
    await cm.getByRole('heading', { level: 1, name: 'Nachsorge: Berichte' }).waitFor();
    await cm.getByText('< 5').first().waitFor();
    await expectAccessible(cm, 'Berichte');
    await shots(cm, 'reports');
    await cm.goto(`${env.url}/aftercare/agreements`);
    await cm.getByRole('heading', { level: 1, name: 'Kooperationsvereinbarungen' }).waitFor();
    await cm.getByText('Träger Test e. V.').first().waitFor();
    await expectAccessible(cm, 'Kooperationsvereinbarungen');
    await cm.getByRole('button', { name: 'Vereinbarung ändern: Träger Test e. V.' }).click();
    const dialog = cm.getByRole('dialog');
    await dialog.getByLabel('Kapazität (Fälle)').fill('60');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await cm.getByText('1 von 60').waitFor();
    await shots(cm, 'agreements');
  });
});
