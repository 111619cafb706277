import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZNoticeInput } from '../../src/contracts/prevention.js';
import { inAgency } from '../../src/server/db/database.js';
import { openCasesInBulk } from '../../src/server/modules/prevention/prevention.bulk.js';
import { createAgency, testDbs, type TestAgency } from '../helpers.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

const CSV = [
  'Mieternummer;Name;Vorname;Geburtsdatum;Straße;PLZ;Ort;Mietrückstand;Monatsmiete',
  '1001;Sommer;Lena;12.04.1985;Hauptstraße 1;30159;Hannover;1.234,56;650,00',
  '1002;Kaya;Deniz;31.02.1980;Bahnhofstr. 3;301;Hannover;viel;',
  '1003;Winter;Paul;01.01.1970;Am Markt 2;30161;Hannover;2.000,00;700',
  '1004;Winter;Paul;01.01.1970;Am Markt 2;30161;Hannover;2.000,00;700',
  '1005;Neumann;Jonas;03.07.1990;Lindenweg 7;30159;Hannover;800;500',
].join('\r\n');

describe.skipIf(!hasChromium)('browser: prevention list import', () => {
  let env: BrowserEnv;
  let agency: TestAgency;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    // A case of another family at Lindenweg 7: the list's Neumann shares only the address.
    const who = { agencyId: agency.id, actorId: agency.users.case_manager.id, actorRole: 'case_manager', ip: null, purpose: null };
    const notice = ZNoticeInput.parse({
      source: 'landlord',
      receivedOn: '2026-10-01',
      tenants: [{ firstName: 'Karl', lastName: 'Vormieter' }],
      street: 'Lindenweg 7',
      postalCode: '30159',
      city: 'Hannover',
      arrearsCents: 10_000,
    });
    await inAgency(testDbs().app, agency.id, (tx) => openCasesInBulk(tx, who, [{ notice, householdId: null }]));
  });
  afterAll(() => stopBrowserEnv(env));

  it('uploads a list, maps the columns, shows bad rows at the row, confirms and reports — accessible throughout', async () => {
    const page = await loginAs(env, agency.users.case_manager.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Prävention', exact: true }).click();
    await page.getByRole('link', { name: 'Liste importieren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Listen importieren' }).waitFor();
    await expectAccessible(page, 'Import: Datei wählen');

    // Without a file: a German message at the field.
    await page.getByRole('button', { name: 'Hochladen und einlesen' }).click();
    await page.getByText('Bitte wählen Sie eine Datei aus.').waitFor();
    await page
      .getByLabel('Datei (CSV oder XLSX, höchstens 50 MB)')
      .setInputFiles({ name: 'rueckstaende.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${CSV}`, 'utf8') });
    await page.getByRole('button', { name: 'Hochladen und einlesen' }).click();

    await page.getByRole('heading', { level: 2, name: 'Spalten zuordnen' }).waitFor();
    await page.getByText('„rueckstaende.csv“: 5 Zeilen, 9 Spalten (CSV)').waitFor();
    expect(await page.getByLabel('Feld für Spalte „Name“').inputValue()).toBe('lastName');
    expect(await page.getByLabel('Feld für Spalte „Mietrückstand“').inputValue()).toBe('arrearsCents');
    await expectAccessible(page, 'Import: Spalten zuordnen');
    await page.getByLabel('Feld für Spalte „Mieternummer“').selectOption('');
    await page.getByRole('button', { name: 'Zeilen prüfen' }).click();

    await page.getByRole('heading', { level: 2, name: 'Vorschau' }).waitFor();
    const counts = page.getByRole('definition');
    await expect.poll(() => counts.allTextContents()).toEqual(['5', '3', '1', '0', '1', '1']);
    await page.getByText('1 Zeilen haben nur die Anschrift mit einem vorhandenen Haushalt gemeinsam.', { exact: false }).waitFor();
    // The faulty rows tab opens first: the errors stand at the row, with the column.
    const table = page.getByRole('table', { name: /Zeilen der Datei: Fehlerhaft/ });
    await table.waitFor();
    const row = table.getByRole('row', { name: /^3 / });
    await expect.poll(() => row.textContent()).toContain('Spalte „Geburtsdatum“: Kein gültiges Datum (TT.MM.JJJJ).');
    expect(await row.textContent()).toContain('Spalte „PLZ“: Keine gültige Postleitzahl (5 Ziffern).');
    await expectAccessible(page, 'Import: Vorschau mit Fehlern');
    await page.getByRole('tab', { name: 'Doppelt' }).click();
    await page.getByText('Wie Zeile 4: wird nicht noch einmal angelegt').waitFor();
    await page.screenshot({ path: '/tmp/previmport-preview.png', fullPage: true });
    // The address alone is a possible match: not linked until a person decides.
    await page.getByRole('tab', { name: 'Mögliche Treffer' }).click();
    const possible = page.getByRole('table', { name: /Zeilen der Datei: Mögliche Treffer/ }).getByRole('row', { name: /^6 / });
    await expect.poll(() => possible.textContent()).toContain('Möglicher Treffer: gleiche Anschrift wie Haushalt');
    expect(await possible.textContent()).toContain('(Vormieter, Karl)');
    await expectAccessible(page, 'Import: möglicher Treffer');
    await possible.getByRole('button', { name: /^Mit .* verknüpfen$/ }).click();
    await expect.poll(() => possible.textContent()).toContain('von Ihnen bestätigt, wird verknüpft');
    await expect.poll(() => counts.allTextContents()).toEqual(['5', '3', '1', '1', '0', '1']);

    const { owner } = testDbs();
    const before = await owner.selectFrom('prevention_cases').select('id').where('agency_id', '=', agency.id).execute();
    expect(before).toHaveLength(1);

    await page.getByRole('button', { name: '3 Fälle anlegen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Importbericht' }).waitFor({ timeout: 20_000 });
    await page.getByText('Der Import ist abgeschlossen.').waitFor();
    const report = page.getByRole('definition');
    await expect.poll(() => report.allTextContents()).toEqual(['3', '2', '1', '1', '1']);
    await expectAccessible(page, 'Import: Bericht');
    await page.screenshot({ path: '/tmp/previmport-report.png', fullPage: true });
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Bericht als CSV herunterladen' }).click();
    expect((await download).suggestedFilename()).toBe('Importprotokoll-rueckstaende.csv');
    const after = await owner.selectFrom('prevention_cases').select('id').where('agency_id', '=', agency.id).execute();
    expect(after).toHaveLength(4);
  });

  it('shows the progress bar with its value while cases are created', async () => {
    const page = await loginAs(env, agency.users.lead.email);
    // A job held in "importing" (no runner): the page polls and shows the stored progress.
    const { owner } = testDbs();
    const job = await owner
      .insertInto('prevention_import_jobs')
      .values({
        agency_id: agency.id,
        created_by: agency.users.lead.id,
        filename: 'gross.csv',
        format: 'csv',
        state: 'importing',
        columns: ['Name'],
        counts: JSON.stringify({ total: 1000, valid: 800, invalid: 200, matched: 0, duplicates: 0 }),
        progress_done: 300,
        progress_total: 800,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await page.goto(`${env.url}/prevention/import/${job.id}`);
    const bar = page.getByRole('progressbar', { name: 'Fälle werden angelegt' });
    await bar.waitFor();
    expect(await bar.getAttribute('value')).toBe('300');
    expect(await bar.getAttribute('max')).toBe('800');
    await page.getByText('300 von 800 Zeilen').waitFor();
    await expectAccessible(page, 'Import: Fortschritt');
    await page.screenshot({ path: '/tmp/previmport-progress.png', fullPage: true });
    await owner.updateTable('prevention_import_jobs').set({ progress_done: 650 }).where('id', '=', job.id).execute();
    await expect.poll(() => bar.getAttribute('value'), { timeout: 5000 }).toBe('650');
  });
});
