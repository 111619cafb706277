import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, login, PASSWORD, type Client, type TestAgency } from '../helpers.js';
import { consentInput, ensureConditions, poolHousehold } from '../placement-fixtures.js';
import { expectAccessible, hasChromium, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

/** A 1×1 PNG, enough for the photo upload and its thumbnail. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/placement-ui-${name}.png`, fullPage: true });

/** Like loginAs, but the browser runs in German time like the office's (times typed and shown in Europe/Berlin). */
async function loginAs(env: BrowserEnv, email: string): Promise<Page> {
  const context = await env.browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await page.goto(`${env.url}/login`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
  return page;
}

/** Opens a tab of the offer page and waits for its panel. */
async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.getByRole('tabpanel', { name }).waitFor();
}

/** Submits the open dialog with its primary button and waits until it is closed. */
async function submitDialog(page: Page, button: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe.skipIf(!hasChromium)('browser: placement from the company’s offer to the tenancy', () => {
  let env: BrowserEnv;
  let agency: TestAgency;
  let cm: Client;
  let family: { id: string; reference: string };
  let familyName: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    const admin = client(env.app, await login(env.app, agency.users.admin.email));
    await ensureConditions(admin);
    cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    familyName = `Brunnhuber${Date.now().toString(36)}`;
    // A family in the pool with a health note the company must never see.
    family = await poolHousehold(cm, agency, {
      needs: {
        wheelchair: false,
        stepFree: false,
        pets: false,
        districtsAvoid: [],
        districtsPrefer: ['Mitte'],
        notes: 'Diabetes, regelmäßige Arzttermine',
      },
      members: [
        {
          firstName: 'Leonie',
          lastName: familyName,
          birthDate: '1988-02-03',
          gender: 'female',
          nationality: 'deutsch',
          relationship: 'head',
        },
        {
          firstName: 'Jonas',
          lastName: familyName,
          birthDate: '2016-07-09',
          gender: 'male',
          nationality: 'deutsch',
          relationship: 'child',
        },
        {
          firstName: 'Mia',
          lastName: familyName,
          birthDate: '2019-01-20',
          gender: 'female',
          nationality: 'deutsch',
          relationship: 'child',
        },
      ],
    });
    // A household with a pet: the ranking must exclude it and say why.
    await poolHousehold(cm, agency, {
      needs: { wheelchair: false, stepFree: false, pets: true, districtsAvoid: [], districtsPrefer: [], notes: null },
    });
    // Enough further families of three (no health note, so ranked below this family) for a second
    // page of the ranking.
    for (let i = 0; i < 25; i++) {
      await poolHousehold(cm, agency, {
        members: [
          {
            firstName: 'Sabine',
            lastName: `Weidner${i}`,
            birthDate: '1986-05-06',
            gender: 'female',
            nationality: 'deutsch',
            relationship: 'head',
          },
          {
            firstName: 'Tom',
            lastName: `Weidner${i}`,
            birthDate: '2015-03-04',
            gender: 'male',
            nationality: 'deutsch',
            relationship: 'child',
          },
          {
            firstName: 'Lea',
            lastName: `Weidner${i}`,
            birthDate: '2018-08-09',
            gender: 'female',
            nationality: 'deutsch',
            relationship: 'child',
          },
        ],
      });
    }
  });
  afterAll(() => stopBrowserEnv(env));

  it('company submits, office checks, ranks, presents, meets, decides, allocates and concludes the contracts', async () => {
    // --- the housing company enters and submits an offer in its portal ---------------------------
    const provider = await loginAs(env, agency.users.provider_user.email);
    await provider.getByRole('navigation').getByRole('link', { name: 'Meine Angebote' }).click();
    await provider.getByRole('heading', { level: 1, name: 'Meine Angebote' }).waitFor();
    await expectAccessible(provider, 'Meine Angebote');
    await provider.getByRole('link', { name: 'Angebot erfassen' }).click();
    await provider.getByRole('heading', { level: 1, name: 'Angebot erfassen' }).waitFor();
    await expectAccessible(provider, 'Angebot erfassen');

    // Submitting half a form shows German messages at the fields.
    await provider.getByLabel('Straße und Hausnummer').fill('Lindenstraße 12');
    await provider.getByLabel('Kaltmiete (€)').fill('620 Euro');
    await provider.getByRole('button', { name: 'Einreichen' }).click();
    await expect.poll(() => provider.getByLabel('Kaltmiete (€)').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => provider.getByLabel('Postleitzahl').getAttribute('aria-invalid')).toBe('true');
    await provider.getByText('Bitte einen Betrag in Euro angeben, z. B. 612,50.').first().waitFor();
    await expectAccessible(provider, 'Angebot erfassen mit Fehlern');
    await shot(provider, 'form-errors');

    await provider.getByLabel('Postleitzahl').fill('70173');
    // The field's message goes once it is corrected.
    await expect.poll(() => provider.getByLabel('Postleitzahl').getAttribute('aria-invalid')).toBeNull();
    await provider.getByLabel('Ort', { exact: true }).fill('Stuttgart');
    await provider.getByLabel('Stadtbezirk').fill('Mitte');
    await provider.getByLabel('Wohnfläche (m²)').fill('62,5');
    await provider.getByLabel('Zimmer', { exact: true }).selectOption('2.5');
    await provider.getByLabel('Geschoss').fill('2');
    await provider.getByLabel('Bezugsfrei ab').fill('2026-12-01');
    await provider.getByLabel('Aufzug vorhanden').check();
    await provider.getByLabel('Kaltmiete (€)').fill('620');
    await provider.getByLabel('Nebenkosten (€)').fill('150,00');
    await provider.getByLabel('Heizkosten (€)').fill('80');
    await provider.getByLabel('Kaution (€)').fill('1.860');
    await provider.getByLabel('Art der Heizung').fill('Fernwärme');
    await provider.getByText('Warmmiete: 850,00 €').waitFor();
    await provider.getByLabel('Einbauküche').check();
    await provider.getByLabel('Balkon').check();
    await provider.getByLabel('Familie mit Kindern').check();
    await provider.getByLabel('Hinweise zum gewünschten Haushalt').fill('Gern eine Familie mit Kindern.');
    await shot(provider, 'form');
    await provider.getByRole('button', { name: 'Einreichen' }).click();
    const heading = provider.getByRole('heading', { level: 1, name: /^Angebot .+-W-\d{4}-\d{4}$/ });
    await heading.waitFor();
    const reference = (await heading.textContent())!.replace('Angebot ', '');
    const offerUrl = provider.url().split('?')[0]!;
    await provider.getByText('Das Angebot wurde eingereicht.').waitFor();
    await provider.getByText('eingereicht', { exact: true }).first().waitFor();

    // A photo of the flat, shown as a thumbnail.
    await provider
      .getByLabel('Datei (Foto, Grundriss oder PDF, höchstens 10 MB)')
      .setInputFiles({ name: 'wohnzimmer.png', mimeType: 'image/png', buffer: PNG });
    await provider.getByRole('button', { name: 'Datei hochladen' }).click();
    await provider.getByRole('img', { name: 'Foto: wohnzimmer.png' }).waitFor();
    // A wrong file is removed again.
    await provider
      .getByLabel('Datei (Foto, Grundriss oder PDF, höchstens 10 MB)')
      .setInputFiles({ name: 'falsch.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await provider.getByRole('button', { name: 'Datei hochladen' }).click();
    await provider.getByRole('link', { name: 'falsch.pdf' }).waitFor();
    await provider.getByRole('button', { name: 'falsch.pdf entfernen' }).click();
    await provider.getByRole('dialog').getByRole('button', { name: 'Anhang entfernen' }).click();
    await provider.getByText('Der Anhang wurde entfernt.').waitFor();
    await expect.poll(() => provider.getByRole('link', { name: 'falsch.pdf' }).count()).toBe(0);
    await expectAccessible(provider, 'Angebot (Portal)');
    await shot(provider, 'provider-offer');

    // Still editable while submitted: the company corrects the heating type.
    await provider.getByRole('link', { name: 'Bearbeiten' }).click();
    await provider.getByRole('heading', { level: 1, name: `Angebot ${reference} bearbeiten` }).waitFor();
    await expect.poll(() => provider.getByLabel('Kaltmiete (€)').inputValue()).toBe('620');
    await provider.getByLabel('Art der Heizung').fill('Fernwärme (Stadtwerke)');
    await provider.getByRole('button', { name: 'Speichern', exact: true }).click();
    await provider.getByText('Das Angebot wurde gespeichert.').waitFor();
    await provider.getByText('Fernwärme (Stadtwerke)').waitFor();

    // --- the case manager finds it in the queue and checks it -----------------------------------------
    const page = await loginAs(env, agency.users.case_manager.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Vermittlung WohnenPlus' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wohnungsangebote' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(reference) });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('eingereicht');
    await expectAccessible(page, 'Warteschlange');
    await shot(page, 'queue');
    await row.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { level: 1, name: `Angebot ${reference}` }).waitFor();

    await openTab(page, 'Prüfung');
    await page.getByRole('button', { name: 'Prüfen', exact: true }).click();
    await page.getByText('Das Angebot erfüllt die Programmbedingungen.').waitFor();
    await expect.poll(() => page.getByRole('tabpanel').textContent()).toMatch(/Geeignet für Haushalte mit [\d, ]*\b3\b[\d, ]* Personen\./);
    await expectAccessible(page, 'Prüfung');
    await shot(page, 'check');
    await page.getByRole('button', { name: 'Annehmen' }).click();
    await page.getByText('Das Angebot wurde angenommen. Die Vorauswahl kann beginnen.').waitFor();

    // --- ranking with explanations; the family goes on the shortlist ---------------------------------
    await openTab(page, 'Rangfolge');
    await page.getByRole('button', { name: 'Rangfolge erstellen' }).click();
    const entry = page.locator('details').filter({ hasText: familyName });
    await entry.waitFor();
    await entry.locator('summary').click();
    await entry.getByRole('rowheader', { name: 'Wunschbezirk Mitte' }).waitFor();
    const exclusions = page.getByRole('table', { name: 'Ausgeschlossene Haushalte mit Gründen' });
    await exclusions.getByText('Hat Haustiere, die hier nicht erlaubt sind').waitFor();
    await page
      .getByRole('table', { name: 'Ausschlüsse nach Grund' })
      .getByRole('row', { name: /Haustiere nicht erlaubt\s*1/ })
      .waitFor();
    await expectAccessible(page, 'Rangfolge');
    await shot(page, 'ranking');
    // 26 ranked households: 25 on the first page, the last one on the second.
    const rankPages = page.getByRole('navigation', { name: 'Seiten der Rangfolge' });
    await rankPages.getByText('Seite 1 von 2').waitFor();
    await rankPages.getByRole('button', { name: 'Nächste Seite' }).click();
    await rankPages.getByText('Seite 2 von 2').waitFor();
    await page
      .locator('details summary')
      .filter({ hasText: /^Rang 26: / })
      .waitFor();
    expect(await page.locator('details summary').count()).toBe(1);
    await expect.poll(() => entry.count()).toBe(0);
    await rankPages.getByRole('button', { name: 'Vorherige Seite' }).click();
    await rankPages.getByText('Seite 1 von 2').waitFor();
    await entry.waitFor();
    if ((await entry.getAttribute('open')) === null) await entry.locator('summary').click();
    await entry.getByRole('rowheader', { name: 'Wunschbezirk Mitte' }).waitFor();
    await entry.getByRole('button', { name: /In Vorauswahl aufnehmen/ }).click();
    const pick = page.getByRole('dialog');
    await pick.getByRole('button', { name: 'In Vorauswahl aufnehmen' }).click();
    await expect.poll(() => pick.getByLabel('Kommentar (warum dieser Haushalt)').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'Vorauswahl-Dialog mit Fehler');
    await pick.getByLabel('Kommentar (warum dieser Haushalt)').fill('Lange wohnungslos, Kind geht im Bezirk zur Schule.');
    await submitDialog(page, 'In Vorauswahl aufnehmen');
    await page.getByText('Der Haushalt wurde in die Vorauswahl aufgenommen.').waitFor();

    // --- presenting needs consent: the 409 says why; consent is recorded, then it works ---------------
    await openTab(page, 'Vorauswahl');
    const card = page.getByRole('article', { name: /^Haushalt A:/ });
    await card.getByText('Einwilligung fehlt').waitFor();
    await card.getByRole('button', { name: 'Vorstellen' }).click();
    await card.getByText(/Ohne gültige Einwilligung/).waitFor();
    await expectAccessible(page, 'Vorauswahl ohne Einwilligung');
    const consent = await cm.post(`/api/v1/households/${family.id}/consents`, consentInput(agency.providerId));
    expect(consent.statusCode, consent.body).toBe(201);
    await card.getByRole('button', { name: 'Neu laden' }).click();
    await card.getByText(/Einwilligung liegt vor \(schriftlich/).waitFor();
    await card.getByRole('button', { name: 'Vorstellen' }).click();
    await page.getByText('Haushalt A wurde dem Wohnungsunternehmen vorgestellt.').waitFor();
    await card.getByText('vorgestellt', { exact: true }).waitFor();

    // --- the company sees the presented household: minimal data under the § 78 SGB X notice ----------
    await provider.goto(offerUrl);
    await openTab(provider, 'Vorgestellte Haushalte');
    await provider.getByText('Hinweis nach § 78 SGB X', { exact: true }).waitFor();
    const portalCard = provider.getByRole('article', { name: 'Haushalt A (Leonie)' });
    await portalCard.waitFor();
    await expect.poll(() => portalCard.textContent()).toMatch(/Personen\s*3/);
    const portalText = (await provider.locator('main').textContent())!;
    for (const secret of [familyName, family.reference, 'Diabetes', 'Lange wohnungslos']) expect(portalText).not.toContain(secret);
    await portalCard.getByRole('button', { name: 'Veto einlegen' }).waitFor();
    await expectAccessible(provider, 'Vorgestellte Haushalte (Portal)');
    await shot(provider, 'provider-candidates');

    // --- round table with the company, office and social work -------------------------------------------
    await openTab(page, 'Runder Tisch');
    await page.getByRole('button', { name: 'Runden Tisch planen' }).click();
    const rt = page.getByRole('dialog');
    await rt.getByLabel('Datum und Uhrzeit').fill('2026-12-02T10:00');
    await rt.getByRole('checkbox', { name: /^case_manager / }).check();
    await rt.getByRole('checkbox', { name: /^social_worker / }).check();
    await rt.getByRole('checkbox', { name: /^provider_user / }).check();
    await expectAccessible(page, 'Runder Tisch planen');
    await submitDialog(page, 'Runden Tisch planen');
    const rtCard = page.getByRole('article', { name: 'Runder Tisch am 02.12.2026, 10:00' });
    await rtCard.getByRole('link', { name: /Videokonferenz öffnen/ }).waitFor();
    await rtCard.getByRole('button', { name: 'Protokoll erfassen' }).click();
    await page.getByRole('dialog').getByLabel('Protokoll').fill('Haushalt A vorgestellt, Besichtigung vereinbart.');
    await submitDialog(page, 'Protokoll erfassen');
    await rtCard.getByText('fand statt').waitFor();
    await expectAccessible(page, 'Runder Tisch');
    await shot(page, 'round-table');

    // The company sees the date and the video link, not the office's minutes.
    await provider.goto(`${offerUrl}?tab=roundTable`);
    const portalRt = provider.getByRole('article', { name: 'Runder Tisch am 02.12.2026, 10:00' });
    await portalRt.getByRole('link', { name: /Videokonferenz öffnen/ }).waitFor();
    expect(await portalRt.textContent()).not.toContain('Besichtigung vereinbart');
    await expectAccessible(provider, 'Runder Tisch (Portal)');

    // --- viewing, outcome, refusal, talk, acceptance, allocation ----------------------------------------
    await openTab(page, 'Vorauswahl');
    await card.getByRole('button', { name: 'Besichtigung planen' }).click();
    const viewing = page.getByRole('dialog');
    await expect.poll(() => viewing.getByLabel('Treffpunkt').inputValue()).toBe('Lindenstraße 12, 70173 Stuttgart');
    await viewing.getByLabel('Datum und Uhrzeit').fill('2026-12-03T14:00');
    await viewing.getByRole('checkbox', { name: /^social_worker / }).check();
    await viewing.getByRole('checkbox', { name: /^provider_user / }).check();
    await submitDialog(page, 'Besichtigung planen');
    await card.getByText('Besichtigung geplant', { exact: true }).waitFor();

    await card.getByRole('button', { name: 'Ergebnis erfassen' }).click();
    await page.getByRole('dialog').getByLabel('Ergebnis').fill('Wohnung gefällt, Bedenkzeit erbeten.');
    await submitDialog(page, 'Ergebnis erfassen');
    await card.getByText('besichtigt', { exact: true }).waitFor();

    await card.getByRole('button', { name: 'Absage erfassen' }).click();
    await page.getByRole('dialog').getByLabel('Grund der Absage').selectOption('location');
    await submitDialog(page, 'Absage erfassen');
    await card.getByText('Lage', { exact: true }).waitFor();
    await card.getByText('Absage', { exact: true }).waitFor();

    await card.getByRole('button', { name: 'Nachgespräch dokumentieren' }).click();
    await page.getByRole('dialog').getByLabel('Inhalt des Gesprächs').fill('Sorge wegen des Schulwegs ausgeräumt.');
    await submitDialog(page, 'Nachgespräch dokumentieren');
    await page.getByText('Das Nachgespräch wurde dokumentiert.').waitFor();

    await card.getByRole('button', { name: 'Zusage erfassen' }).click();
    await submitDialog(page, 'Zusage erfassen');
    await card.getByText('Zusage', { exact: true }).waitFor();
    await expectAccessible(page, 'Vorauswahl mit Zusage');
    await shot(page, 'shortlist');

    await card.getByRole('button', { name: 'Wohnung vergeben' }).click();
    await page
      .getByRole('dialog')
      .getByText(/kann nicht rückgängig gemacht werden/)
      .waitFor();
    await submitDialog(page, 'Wohnung vergeben');
    await page.getByText('Die Wohnung wurde vergeben. Als Nächstes: Verträge erfassen.').waitFor();

    // --- contracts: the tenancy and the generated PDFs ----------------------------------------------------
    await openTab(page, 'Verträge');
    await expect.poll(() => page.getByLabel('Mietbeginn').inputValue()).toBe('2026-12-01');
    await expect.poll(() => page.getByLabel('Kaltmiete (€)').inputValue()).toBe('620');
    await page.getByLabel('Mietbeginn').fill('2027-01-01');
    await page.getByLabel('Mietvertrag unterschrieben am').fill('2026-12-15');
    await page.getByLabel('Garantievertrag unterschrieben am').fill('2026-12-15');
    await expectAccessible(page, 'Verträge');
    await shot(page, 'contracts-form');
    await page.getByRole('button', { name: 'Verträge erfassen' }).click();
    await page.getByText('Die Verträge wurden erfasst; das Mietverhältnis ist angelegt.').waitFor();
    await page.getByRole('link', { name: /^Mietverhältnis .* öffnen$/ }).waitFor();
    await page.getByText('01.01.2027 bis 31.12.2031').waitFor();
    await page.getByRole('link', { name: 'Garantievertrag herunterladen (PDF)' }).waitFor();
    await page.getByText('vermietet', { exact: true }).first().waitFor();
    await shot(page, 'contracts');

    // --- timeline: every step with its actor ---------------------------------------------------------------
    await openTab(page, 'Verlauf');
    const timeline = page.getByRole('tabpanel', { name: 'Verlauf' });
    for (const line of [
      'Angebot eingereicht',
      'Programmbedingungen geprüft: erfüllt',
      'hat abgesagt: Lage',
      'Nachgespräch mit Haushalt A',
      'Wohnung an Haushalt A',
      'Garantievertrag und Mietvertrag erfasst',
    ]) {
      await timeline.getByText(line, { exact: false }).first().waitFor();
    }
    await expectAccessible(page, 'Verlauf');
    await shot(page, 'timeline');

    // The company's timeline never names the household.
    await provider.goto(`${offerUrl}?tab=timeline`);
    const portalTimeline = provider.getByRole('tabpanel', { name: 'Verlauf' });
    await portalTimeline.getByText(/Wohnung an Haushalt A vergeben/).waitFor();
    expect(await portalTimeline.textContent()).not.toContain(family.reference);
    await expectAccessible(provider, 'Verlauf (Portal)');

    await page.context().close();
    await provider.context().close();
  }, 300_000);
});
