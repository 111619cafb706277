import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, login, type TestAgency } from '../helpers.js';
import { courtNotice } from '../prevention-fixtures.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

const berlinToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

describe.skipIf(!hasChromium)('browser: the lead opens Berichte and sets a minimum and target value', () => {
  let env: BrowserEnv;
  let agency: TestAgency;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    for (const source of ['court_notice', 'landlord'] as const) {
      const r = await cm.post('/api/v1/prevention/cases', { ...courtNotice({ source, receivedOn: berlinToday() }), createHousehold: true });
      expect(r.statusCode, r.body).toBe(201);
    }
  });
  afterAll(() => stopBrowserEnv(env));

  it('figures with status text, chart with its table, the target dialog with errors at the field; axe clean', async () => {
    const page = await loginAs(env, agency.users.lead.email);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Berichte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Berichte: Kennzahlen' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Prävention' }).waitFor();
    const notices = page.getByRole('article', { name: 'Eingegangene Mitteilungen nach Quelle' });
    await notices.getByText('Stand: kein Wert festgelegt').waitFor();
    const table = notices.getByRole('table', { name: 'Tabelle: Eingegangene Mitteilungen nach Quelle' });
    await table.getByRole('row', { name: /Jobcenter/ }).waitFor();
    expect(await table.getByRole('row', { name: /Gericht/ }).innerText()).toMatch(/1$/);
    await notices.getByText('Definition').click();
    await notices.getByText(/Eingangsdatum/).waitFor();
    await expectAccessible(page, 'Berichte');

    await notices.getByRole('button', { name: 'Mindest- und Zielwert festlegen: Eingegangene Mitteilungen nach Quelle' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel(/^Mindestwert/).fill('5');
    await dialog.getByLabel(/^Zielwert/).fill('2');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Der Zielwert darf nicht unter dem Mindestwert liegen', { exact: false }).first().waitFor();
    await expectAccessible(page, 'Dialog Mindest- und Zielwert');
    await dialog.getByLabel(/^Mindestwert/).fill('1');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Mindest- und Zielwert gespeichert.').waitFor();
    await notices.getByText('Stand: Zielwert erreicht').waitFor();
    await notices.getByText(/Mindestwert 1, Zielwert 2/).waitFor();

    // Drill-down: the two notices behind the figure, each linked to its case.
    await notices.getByRole('link', { name: 'Fälle anzeigen: Eingegangene Mitteilungen nach Quelle' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fälle hinter der Kennzahl: Eingegangene Mitteilungen nach Quelle' }).waitFor();
    await page.getByRole('status').getByText('2 Fälle').waitFor();
    const cases = page.getByRole('table');
    expect(await cases.getByRole('row').count()).toBe(3);
    await expectAccessible(page, 'Fälle hinter einer Kennzahl');
    await cases.getByRole('row').nth(1).getByRole('link').first().click();
    await page.waitForURL(/\/prevention\/cases\//);
  });
  it('who was reached with the women’s share, the lead’s workload and the exports; axe clean', async () => {
    const page = await loginAs(env, agency.users.lead.email);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Berichte' }).click();
    await page.getByRole('heading', { level: 2, name: 'Wer wurde erreicht?' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Prävention: Erreichte Haushalte: 2' }).waitFor();
    const gender = page.getByRole('table', { name: 'Tabelle: Geschlecht der Hauptperson (Prävention)' });
    expect(await gender.getByRole('row', { name: /weiblich/ }).innerText()).toMatch(/2$/);
    const women = page.getByRole('table', { name: 'Tabelle: Anteil der Frauen je Monat (Prävention)' });
    const month = berlinToday().slice(0, 7);
    expect((await women.getByRole('row', { name: new RegExp(`^${month}`) }).innerText()).replace(/\s+/g, ' ')).toMatch(/2 2 100 %$/);
    await page.getByRole('heading', { level: 2, name: 'Arbeitslast' }).waitFor();
    const workload = page.getByRole('table', { name: 'Tabelle: Arbeitslast je Person' });
    await workload
      .getByRole('row', { name: /2 offen/ })
      .first()
      .waitFor();

    const exports = page.getByRole('navigation', { name: 'Exporte' });
    const xlsx = await exports.getByRole('link', { name: 'Kennzahlen als Excel (XLSX)' }).getAttribute('href');
    expect(xlsx).toMatch(/^\/api\/v1\/steering\/export\.xlsx\?from=/);
    const res = await page.request.get(`${env.url}${xlsx}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');
    await exports.getByRole('link', { name: /Jahresbericht \d{4} \(anonymisiert, PDF\)/ }).waitFor();
    await expectAccessible(page, 'Berichte mit Aufschlüsselung und Arbeitslast');

    await page.getByLabel('Programm').selectOption('aftercare');
    await page.getByRole('heading', { level: 3, name: 'Nachsorge: Erreichte Haushalte: 0' }).waitFor();

    // A notice arrives; "Neu berechnen" computes the period again and the page shows it.
    const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    const r = await cm.post('/api/v1/prevention/cases', {
      ...courtNotice({ source: 'self_referral', receivedOn: berlinToday() }),
      createHousehold: true,
    });
    expect(r.statusCode, r.body).toBe(201);
    await page.getByLabel('Programm').selectOption('prevention');
    await page.getByRole('button', { name: 'Neu berechnen' }).click();
    await page.getByRole('heading', { level: 3, name: 'Prävention: Erreichte Haushalte: 3' }).waitFor();
    await page.getByRole('button', { name: 'Neu berechnen' }).waitFor();
    await page
      .getByText(/Stand der Daten: .* \(die Kennzahlen werden stündlich aktualisiert\)/)
      .first()
      .waitFor();
  });
});
