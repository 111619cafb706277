import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateIn } from '../../src/contracts/format.js';
import { client, createAgency, householdInput, login, PASSWORD, type TestAgency } from '../helpers.js';
import { expectAccessible, hasChromium, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/prevention-ui-${name}.png`, fullPage: true });

/** The office works in German time: times typed and shown in Europe/Berlin. */
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

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.getByRole('tabpanel', { name }).waitFor();
}

async function submitDialog(page: Page, button: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

const day = (offset: number) => isoDateIn(new Date(Date.now() + offset * 86_400_000));
const german = (iso: string) => iso.split('-').reverse().join('.');

describe.skipIf(!hasChromium)('browser: prevention from the court notice to the home kept', () => {
  let env: BrowserEnv;
  let agency: TestAgency;
  let lastName: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    lastName = `Brandt${Date.now().toString(36)}`;
    // The tenant is already known to the office: the notice must offer this household, never duplicate it silently.
    const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    const res = await cm.post(
      '/api/v1/households',
      householdInput({
        situation: 'at_risk',
        seekingHousing: false,
        members: [
          { firstName: 'Erika', lastName, birthDate: '1971-05-04', gender: 'female', nationality: 'deutsch', relationship: 'head' },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(() => stopBrowserEnv(env));

  it('admin sets walk-in hours and the contact procedure in the agency settings', async () => {
    const admin = await loginAs(env, agency.users.admin.email);
    await admin.goto(`${env.url}/admin/agency`);
    await admin.getByRole('heading', { level: 3, name: 'Prävention (Wohnungserhalt)' }).waitFor();
    // Defaults: Mon/Tue/Thu 08:30–11:00 and four contact steps.
    await expect.poll(() => admin.getByLabel('Bezeichnung (Schritt 3)').inputValue()).toBe('Unangekündigter Hausbesuch');
    await admin.getByRole('button', { name: 'Zeitfenster hinzufügen' }).click();
    await admin.getByLabel('Wochentag (Zeitfenster 4)').selectOption('5');
    await admin.getByLabel('Bezeichnung (Schritt 2)').fill('Anruf');
    await expectAccessible(admin, 'Dienststelle mit Präventionseinstellungen');
    await admin.getByRole('button', { name: 'Speichern', exact: true }).click();
    await admin.getByText('Die Änderungen wurden gespeichert.').waitFor();
    await shot(admin, 'settings');
    await admin.context().close();
  });

  it('case manager records a court notice, contacts, clears, grants the rent-debt assumption and closes with the home kept', async () => {
    const page = await loginAs(env, agency.users.case_manager.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Prävention' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prävention: Fälle' }).waitFor();
    await page.getByRole('link', { name: 'Liste importieren' }).waitFor();
    await expectAccessible(page, 'Fallliste');

    // --- the court notice -------------------------------------------------------------------------
    await page.getByRole('link', { name: 'Meldung erfassen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meldung erfassen' }).waitFor();
    await expectAccessible(page, 'Meldung erfassen');
    await page.getByRole('button', { name: 'Weiter: Haushalt abgleichen' }).click();
    await expect.poll(() => page.getByLabel('Nachname').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'Meldung mit Fehlern');

    // Both dates fixed once: a run across midnight (Berlin) must not compare two different days.
    const served = day(-10);
    const hearing = day(30);
    await page.getByLabel('Vorname').fill('Erika');
    await page.getByLabel('Nachname').fill(lastName);
    await page.getByLabel('Geburtsdatum').fill('1971-05-04');
    await page.getByLabel('Straße und Hausnummer').fill('Lindenallee 4');
    await page.getByLabel('Postleitzahl').fill('30159');
    await page.getByLabel('Ort', { exact: true }).fill('Hannover');
    await page.getByLabel('Vermieter (optional)', { exact: true }).fill('Wohnbau Nord eG');
    await page.getByLabel('Monatsmiete (€)').fill('650');
    await page.getByLabel('Mietrückstand (€)').fill('1.950,50 €');
    await page.getByLabel('Gericht (optional)', { exact: true }).fill('Amtsgericht Hannover');
    await page.getByLabel('Aktenzeichen des Gerichts').fill('512 C 1234/26');
    await page.getByLabel('Zustellung der Räumungsklage am').fill(served);
    await page.getByLabel('Verhandlungstermin').fill(`${hearing}T09:30`);
    await page.getByRole('button', { name: 'Partei hinzufügen' }).click();
    await page.getByLabel('Name (Partei 1)').fill('Wohnbau Nord eG');
    await shot(page, 'notice');
    await page.getByRole('button', { name: 'Weiter: Haushalt abgleichen' }).click();

    // --- matching: the known household is offered; nothing happens without a choice -----------------
    const match = page.getByRole('group', { name: 'Haushalt abgleichen' });
    await match.getByText('gleiche Person (Name und Geburtsdatum)', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Fall anlegen' }).click();
    await page.getByText('Bitte wählen Sie einen Haushalt aus oder legen Sie ausdrücklich einen neuen an.').first().waitFor();
    await expectAccessible(page, 'Haushaltsabgleich');
    await shot(page, 'match');
    await match.getByLabel(new RegExp(`Mit ${lastName}, Erika \\(.+\\) verknüpfen`)).check();
    await page.getByRole('button', { name: 'Fall anlegen' }).click();

    const heading = page.getByRole('heading', { level: 1, name: /^Präventionsfall / });
    await heading.waitFor({ timeout: 8000 }).catch(async (e) => {
      await shot(page, 'create-failed');
      throw e;
    });
    const reference = (await heading.textContent())!.replace('Präventionsfall ', '');
    await page.getByText('Der Fall wurde angelegt. Das Kontaktverfahren läuft.').waitFor();
    // The legal clock: cure period two months after service, hearing date.
    const clock = page.getByRole('region', { name: 'Rechtliche Fristen' });
    await clock.getByText('Schonfrist (§ 569 Abs. 3 Nr. 2 BGB) endet').waitFor();
    await expect.poll(() => clock.textContent()).toMatch(/\d{2}\.\d{2}\.\d{4} \(in \d+ Tagen\)/);
    await expect.poll(() => clock.textContent()).toContain(german(hearing));
    await expectAccessible(page, 'Fall: Kontakt');
    await shot(page, 'case-contact');

    // --- contact: letter (PDF), then a phone call that reaches the tenant ------------------------------
    await page.getByRole('button', { name: 'Anschreiben erzeugen (PDF)' }).click();
    await page.getByRole('dialog').getByLabel('Ort').fill('Fachstelle, Zimmer 12');
    await submitDialog(page, 'Anschreiben erzeugen (PDF)');
    await page.getByText('Das Anschreiben wurde erzeugt und als Kontaktversuch erfasst.').waitFor();
    const letter = page
      .getByRole('tabpanel')
      .getByRole('link', { name: /\.pdf$/ })
      .first();
    const href = await letter.getAttribute('href');
    const pdf = await page.request.get(`${env.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    await page.getByRole('button', { name: 'Kontaktversuch erfassen' }).click();
    const attempt = page.getByRole('dialog');
    await attempt.getByLabel('Weg').selectOption('phone');
    await attempt.getByLabel('Ergebnis').selectOption('reached');
    await expectAccessible(page, 'Kontaktversuch-Dialog');
    await submitDialog(page, 'Kontaktversuch erfassen');
    await page.getByText('Der Kontakt wurde erfasst. Das Clearing kann beginnen.').waitFor();
    await page.getByRole('tabpanel').getByText('erreicht', { exact: true }).waitFor();
    await expect.poll(() => page.getByRole('tabpanel').textContent()).toMatch(/Erster Kontakt\s*\d{2}\.\d{2}\.\d{4}/);

    // --- clearing ----------------------------------------------------------------------------------------
    await openTab(page, 'Clearing');
    await page.getByLabel('Gefährdung anhand der Unterlagen geprüft').check();
    await page.getByLabel('Rente').check();
    await page.getByLabel('Monatliches Einkommen (€)').fill('1.240');
    await page.getByRole('group', { name: 'Nicht beantragte Leistungen' }).getByLabel('Wohngeld').check();
    await page.getByLabel('Der Haushalt möchte').selectOption('keep_home');
    await page.getByLabel('Clearing vollständig').check();
    await expectAccessible(page, 'Clearing');
    await page.getByRole('button', { name: 'Clearing speichern' }).click();
    await page.getByText('Das Clearing wurde gespeichert.').waitFor();
    await shot(page, 'clearing');
    await page.getByRole('button', { name: 'Clearing abschließen: weiter zu den Maßnahmen' }).click();
    await page.getByText('Das Clearing ist abgeschlossen. Jetzt können Maßnahmen geplant werden.').waitFor();

    // --- rent-debt assumption with all its fields; a referral ---------------------------------------------
    await openTab(page, 'Maßnahmen');
    await page.getByRole('button', { name: 'Maßnahme anlegen' }).click();
    const measure = page.getByRole('dialog');
    await measure.getByLabel('Art der Maßnahme').selectOption('rent_debt_assumption');
    await measure.getByLabel('Stand').selectOption('approved');
    await measure.getByLabel('Antrag gestellt am').fill(day(-2));
    await measure.getByLabel('Betrag (€) (optional)', { exact: true }).fill('1.950,50');
    await measure.getByLabel('Rechtsgrundlage').selectOption('sgb12_36');
    await measure.getByLabel('Entscheidung (optional)', { exact: true }).selectOption('loan');
    await measure.getByLabel('Entschieden am').fill(day(-1));
    await measure.getByLabel('Bewilligter Betrag (€)').fill('1950,50');
    await measure.getByLabel('Monatliche Tilgungsrate (€)').fill('50');
    await measure.getByLabel('Tilgung ab').fill(day(20));
    await measure.getByLabel('An den Vermieter gezahlt am').fill(day(0));
    await expectAccessible(page, 'Maßnahme-Dialog');
    await shot(page, 'measure-dialog');
    await submitDialog(page, 'Maßnahme anlegen');
    const card = page.getByRole('article', { name: 'Mietschuldenübernahme' });
    await card.getByText('1.950,50\u00a0€').first().waitFor();
    await card.getByText('Darlehen').waitFor();
    await card.getByText('§ 36 SGB XII').waitFor();

    // The written commitment to the landlord, as PDF.
    await page.getByRole('button', { name: 'Maßnahme anlegen' }).click();
    const commitment = page.getByRole('dialog');
    await commitment.getByLabel('Art der Maßnahme').selectOption('commitment');
    await commitment.getByLabel('Name des Empfängers').fill('Wohnbau Nord eG');
    await commitment.getByLabel('Betrag (€) (optional)', { exact: true }).fill('1.950,50');
    await commitment.getByLabel('Übernommene Positionen').fill('Mietrückstand\nNutzungsentschädigung');
    await submitDialog(page, 'Maßnahme anlegen');
    const commitmentCard = page.getByRole('article', { name: 'Verpflichtungserklärung' });
    await commitmentCard.getByRole('button', { name: 'Verpflichtungserklärung erzeugen (PDF)' }).click();
    await page.getByText('Die Verpflichtungserklärung wurde erzeugt.').waitFor();
    await commitmentCard.getByRole('link', { name: /\.pdf$/ }).waitFor();

    await page.getByRole('button', { name: 'Vermittlung erfassen' }).click();
    const referral = page.getByRole('dialog');
    await referral.getByLabel('Stelle', { exact: true }).selectOption('debt_counselling');
    await referral.getByLabel('Stand').selectOption('referred');
    await referral.getByLabel('Name der Stelle').fill('Schuldnerberatung Mitte');
    await submitDialog(page, 'Vermittlung erfassen');
    await page.getByRole('row', { name: /Schuldnerberatung\s*Schuldnerberatung Mitte\s*vermittelt/ }).waitFor();
    await expectAccessible(page, 'Maßnahmen');
    await shot(page, 'measures');

    // --- closing: home kept, handed over to aftercare -----------------------------------------------------
    await openTab(page, 'Abschluss');
    await page.getByRole('button', { name: 'Fall abschließen' }).click();
    await page.getByRole('dialog').getByLabel('Ergebnis').selectOption('home_kept');
    await page.getByRole('dialog').getByLabel('Bemerkung').fill('Rückstand durch Darlehen ausgeglichen, Räumungsklage zurückgenommen.');
    await submitDialog(page, 'Fall abschließen');
    await page.getByText('Der Fall wurde abgeschlossen.').waitFor();
    await page.getByRole('tabpanel').getByText('Wohnung erhalten').waitFor();
    await page.getByRole('button', { name: 'An die Nachsorge übergeben' }).click();
    await page.getByRole('dialog').getByLabel('Träger der Nachsorge').selectOption({ label: 'Träger Test e. V.' });
    await submitDialog(page, 'An die Nachsorge übergeben');
    await page.getByText('Der Fall wurde an die Nachsorge übergeben.').waitFor();
    await page.getByRole('tabpanel').getByText('Träger Test e. V.').waitFor();
    await expectAccessible(page, 'Abschluss');
    await shot(page, 'closed');
    await openTab(page, 'Verlauf');
    await page.getByText('Fall abgeschlossen: Wohnung erhalten').waitFor();
    await expectAccessible(page, 'Verlauf');

    // The closed case is in the queue under "abgeschlossen".
    await page.goto(`${env.url}/prevention?status=closed`);
    const row = page.getByRole('row', { name: new RegExp(reference) });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Wohnung erhalten');
    await shot(page, 'queue');
    await page.context().close();
  });

  it('case page states the legal clock as the server computes it; facts learnt later are added by editing the notice', async () => {
    const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    const res = await cm.post(
      '/api/v1/prevention/cases',
      {
        source: 'landlord',
        receivedOn: day(-3),
        createHousehold: true,
        tenants: [{ firstName: 'Tarek', lastName: `Yilmaz${lastName}`, birthDate: '1968-01-30', gender: 'male' }],
        street: 'Am Kanal 9',
        postalCode: '30165',
        city: 'Hannover',
        arrearsCents: 310_000,
        threatStage: 'termination',
        terminationOn: day(-40),
        ordinaryTermination: true,
        previousCureOn: day(-300),
      },
      { 'idempotency-key': crypto.randomUUID() },
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const warnings = res.json().legal.warnings as string[];
    expect(warnings.length).toBe(2);

    const page = await loginAs(env, agency.users.case_manager.email);
    await page.goto(`${env.url}/prevention/cases/${id}?tab=overview`);
    const clock = page.getByRole('region', { name: 'Rechtliche Fristen' });
    await clock.getByText('Schonfrist steht nicht zur Verfügung').waitFor();
    // The server's words, unchanged: cure not available, ordinary termination.
    for (const w of warnings) await clock.getByText(w, { exact: true }).waitFor();
    await expectAccessible(page, 'Fall mit Warnungen');

    // The eviction date becomes known later: edit the notice; the date is shown prominently.
    const eviction = day(14);
    await page.getByRole('link', { name: 'Meldung bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: /^Meldung zu Fall .+ bearbeiten$/ }).waitFor();
    await expect.poll(() => page.getByLabel('Mietrückstand (€)').inputValue()).toBe('3100');
    await page.getByLabel('Gefährdungsstand').selectOption('eviction_date');
    await page.getByLabel('Räumungstermin').fill(`${eviction}T08:00`);
    await expectAccessible(page, 'Meldung bearbeiten');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.getByText('Die Meldung wurde gespeichert. Fristen und Kontaktschritte sind neu berechnet.').waitFor();
    const banner = page.locator('.eviction-banner');
    await banner.getByText(`${german(eviction)}, 08:00`).waitFor();
    await banner.getByText(/in 14 Tagen/).waitFor();
    await page
      .getByRole('region', { name: 'Offene Fristen' })
      .getByText(/Räumung/)
      .first()
      .waitFor();

    // Assignment: the social worker joins the case.
    await page.getByRole('button', { name: 'Zuständigkeit ändern' }).click();
    await page
      .getByRole('dialog')
      .getByLabel('Sozialarbeit')
      .selectOption({ label: `social_worker ${agency.users.social_worker.email.split('.')[1]!.split('@')[0]} (Sozialarbeit)` });
    await submitDialog(page, 'Speichern');
    await page.getByText('Die Zuständigkeit wurde gespeichert.').waitFor();
    await expectAccessible(page, 'Fall mit Räumungstermin');
    await shot(page, 'eviction');

    // The queue puts the eviction first and shows it.
    await page.goto(`${env.url}/prevention`);
    const first = page.getByRole('row').nth(1);
    await expect.poll(() => first.textContent()).toContain(`${german(eviction)}, 08:00`);
    await expectAccessible(page, 'Fallliste mit Räumungstermin');
    await shot(page, 'queue-eviction');
    await page.context().close();
  });

  it('walk-in register: a visitor is recorded and a case is opened from the visit', async () => {
    const page = await loginAs(env, agency.users.social_worker.email);
    await page.goto(`${env.url}/prevention`);
    await page.getByRole('link', { name: 'Offene Sprechstunde' }).click();
    await page.getByRole('heading', { level: 1, name: 'Offene Sprechstunde' }).waitFor();
    await page.getByRole('heading', { name: `Sprechzeiten am ${german(day(0))}` }).waitFor();
    await expectAccessible(page, 'Offene Sprechstunde');
    await page.getByRole('button', { name: 'Besuch erfassen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name der vorsprechenden Person').fill(`Jonas ${lastName}`);
    await dialog.getByLabel('Anliegen').fill('Kündigung wegen Mietrückstand erhalten');
    await expectAccessible(page, 'Besuch erfassen');
    await submitDialog(page, 'Besuch speichern');
    await page.getByText(`Der Besuch von Jonas ${lastName} wurde erfasst.`).waitFor();
    await shot(page, 'walk-in');
    await page.getByRole('button', { name: `Fall eröffnen für Jonas ${lastName}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Meldung erfassen' }).waitFor();
    await expect.poll(() => page.getByLabel('Quelle', { exact: true }).inputValue()).toBe('self_referral');
    await expect.poll(() => page.getByLabel('Nachname').inputValue()).toBe(lastName);
    await expect.poll(() => page.getByLabel('Bemerkung').inputValue()).toBe('Kündigung wegen Mietrückstand erhalten');
    await page.context().close();
  });
});
