import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/db/seed/demo.js';
import { testDbs } from '../helpers.js';
import { expectAccessible, hasChromium, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

/** Where the start-page screenshots go for review (set DESK_SHOTS to keep them; off by default). */
const SHOTS = process.env.DESK_SHOTS;

/**
 * The start page of every demo role on the demo data (the seed is what the acceptance names: each
 * demo login finds its waiting work): the cards the modules contribute, the lead's team and the
 * hand-over through the dialog, axe on each.
 */
describe.skipIf(!hasChromium)('browser: the start page of each demo role', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    await seedDemo(testDbs().owner);
    env = await startBrowserEnv();
    if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
  }, 180_000);
  afterAll(() => stopBrowserEnv(env));

  async function open(email: string, locale = 'de-DE'): Promise<Page> {
    const context = await env.browser.newContext({ locale, viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${env.url}/login`);
    await page.getByLabel(locale === 'de-DE' ? 'E-Mail-Adresse' : /E-Mail-Adresse|E-mail address/).fill(email);
    await page.getByLabel(/^(Passwort|Password)$/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /^(Anmelden|Log in|Sign in)$/ }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    return page;
  }
  const card = (page: Page, title: string | RegExp) => page.getByRole('region', { name: title });
  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };

  it.each([
    {
      email: 'sachbearbeitung@stuttgart.example',
      cards: ['Meine Fristen', /Neue Mitteilungen ohne Kontaktversuch/, /Eingegangene Angebote zu prüfen/, /Offene Vorfälle/],
      text: ['überfällig', 'heute fällig', 'Neue Mitteilung: Fall S-P-2026-00001'],
    },
    { email: 'sachbearbeitung@berlin-mitte.example', cards: ['Meine Fristen', /Neue Mitteilungen/], text: ['überfällig', 'heute fällig'] },
    { email: 'sozialarbeit@stuttgart.example', cards: [/Neue Mitteilungen/, /Offene Vorfälle/], text: ['Kontakt hergestellt: Fall'] },
    { email: 'unterkunft@stuttgart.example', cards: ['Ungelesene Benachrichtigungen'], text: ['Vorauswahl für Angebot'] },
    {
      email: 'wohnungsunternehmen@stuttgart.example',
      cards: [/Ihre Angebote in Bearbeitung/, /Offene Vorfälle/],
      text: ['ist eingegangen'],
    },
    { email: 'wohnungsunternehmen@berlin-mitte.example', cards: [/Angebotsentwürfe/], text: [] },
    { email: 'traeger@stuttgart.example', cards: [/Hausbesuche überfällig/, /Hausbesuche diese Woche/], text: ['übertragen'] },
    { email: 'traeger@berlin-mitte.example', cards: [/Hausbesuche überfällig/], text: [] },
    { email: 'betreiber@stuttgart.example', cards: [/Erwartete Ankünfte/], text: [] },
    { email: 'betreiber@berlin-mitte.example', cards: [/Erwartete Ankünfte/], text: [] },
    { email: 'revision@stuttgart.example', cards: ['Ungelesene Benachrichtigungen'], text: ['Stichprobe'] },
    { email: 'admin@stuttgart.example', cards: ['Ungelesene Benachrichtigungen'], text: ['zweiten Faktor'] },
  ])('$email sees its waiting work', async ({ email, cards, text }) => {
    const page = await open(email);
    for (const c of cards) await card(page, c).first().waitFor();
    for (const x of text) await page.getByRole('main').getByText(x, { exact: false }).first().waitFor();
    await expectAccessible(page, `Startseite ${email}`);
    await shot(page, email.replace(/[@.]/g, '_'));
    await page.context().close();
  });

  it('the carrier still has its quick access to aftercare', async () => {
    const page = await open('traeger@stuttgart.example');
    await page.getByRole('heading', { name: 'Schnellzugriff' }).waitFor();
    await page
      .getByRole('main')
      .getByRole('link', { name: /Nachsorge/ })
      .first()
      .waitFor();
    await page.context().close();
  });

  it('the lead sees the team and hands over work in the dialog; refused fields are explained', async () => {
    const page = await open('leitung@stuttgart.example');
    const team = card(page, 'Team');
    await team.waitFor();
    await team.getByText('Nicht zugewiesen').waitFor();
    const row = team.getByRole('row', { name: /Miriam Berger/ });
    await row.waitFor();
    await shot(page, 'leitung_stuttgart_example');
    await expectAccessible(page, 'Startseite Leitung');

    await team.getByRole('button', { name: 'Arbeit von Miriam Berger übergeben' }).click();
    const dialog = page.getByRole('dialog', { name: 'Arbeit von Miriam Berger übergeben' });
    await dialog.getByRole('heading', { name: 'Präventionsfälle' }).waitFor();
    await expectAccessible(page, 'Übergabe-Dialog');
    // Everything is ticked; keep only the prevention cases.
    await dialog.getByRole('button', { name: 'Keine auswählen' }).click();
    const caseBoxes = dialog
      .locator('.reassign-group', { has: page.getByRole('heading', { name: 'Präventionsfälle' }) })
      .getByRole('checkbox');
    const n = await caseBoxes.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await caseBoxes.nth(i).check();
    // A social worker cannot take a case over: the server says so at the field.
    await dialog.getByLabel('Übernehmende Person').selectOption({ label: 'Selin Arslan (Sozialarbeit)' });
    await dialog.getByRole('button', { name: 'Übergeben' }).click();
    await dialog
      .getByText(/Selin Arslan \(Sozialarbeit\) kann nicht übernehmen: Präventionsfälle/)
      .first()
      .waitFor();
    await expectAccessible(page, 'Übergabe-Dialog mit Fehler');
    await shot(page, 'leitung_uebergabe_fehler');

    await dialog.getByLabel('Übernehmende Person').selectOption({ label: 'Jonas Albrecht (Sachbearbeitung/Ansprechperson)' });
    await dialog.getByRole('button', { name: 'Übergeben' }).click();
    await page.getByText(n === 1 ? '1 Eintrag übergeben.' : `${n} Einträge übergeben.`).waitFor();
    await expect.poll(() => dialog.count()).toBe(0);
    const moved = await testDbs()
      .owner.selectFrom('audit_events')
      .select('entity_id')
      .where('action', '=', 'work.reassign')
      .where('entity_type', '=', 'prevention_case')
      .execute();
    expect(moved).toHaveLength(n);
    await expectAccessible(page, 'Startseite Leitung nach Übergabe');
    await page.context().close();
  });

  it('speaks English when asked: deadline titles in English, old German-only data beside the labels', async () => {
    const page = await open('sachbearbeitung@stuttgart.example');
    await page.getByRole('button', { name: /English/ }).click();
    await card(page, 'My deadlines').waitFor();
    await card(page, /Incoming offers to check/).waitFor();
    await page.getByText('overdue', { exact: false }).first().waitFor();
    // Deadline titles stored with a key read in English (the step of the contact procedure, the offer to check).
    const deadlines = card(page, 'My deadlines');
    await deadlines
      .getByRole('link', { name: /\(step \d+\)$|^Check offer |^Plan the round table for / })
      .first()
      .waitFor();
    expect(await deadlines.getByRole('link', { name: /\(Schritt \d+\)$/ }).count()).toBe(0);
    await expectAccessible(page, 'Start page (English)');
    await shot(page, 'sachbearbeitung_stuttgart_example_en');
    await page.context().close();
  });
});
