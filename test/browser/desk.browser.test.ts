import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBuilt } from '../../src/web/modulePages.js';
import { client, createAgency, householdInput, login, type TestAgency } from '../helpers.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

/** The focused element's outline as the browser draws it. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return { cls: el.className, role: el.getAttribute('role'), style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });

describe.skipIf(!hasChromium)('browser: the desk — focus, narrow screens, modules shown when built', () => {
  let env: BrowserEnv;
  let agency: TestAgency;
  let householdId: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    const staff = client(env.app, await login(env.app, agency.users.case_manager.email));
    householdId = (await staff.post('/api/v1/households', householdInput())).json().id;
  });
  afterAll(() => stopBrowserEnv(env));
  /** The test agency's account names are "<role> <tag>", the tag from the e-mail address. */
  const nameOf = (role: 'auditor' | 'lead') => `${role} ${agency.users[role].email.split('@')[0]!.split('.')[1]}`;

  it('shows a focus ring on a scrollable table and moves focus to the message after saving a journal entry', async () => {
    const page = await loginAs(env, agency.users.case_manager.email);
    await page.goto(`${env.url}/households`);
    await page.getByRole('heading', { level: 1, name: 'Haushalte' }).waitFor();
    const region = page.locator('.table-scroll').first();
    await region.waitFor();
    // Tab until the scroll region has focus (keyboard focus, so :focus-visible applies).
    for (let i = 0; i < 60 && !(await region.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    const ring = await focusRing(page);
    expect(ring.cls).toContain('table-scroll');
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);

    await page.goto(`${env.url}/households/${householdId}`);
    await page.getByRole('heading', { level: 3, name: 'Eintrag hinzufügen' }).waitFor();
    await page.getByLabel('Text', { exact: true }).fill('Telefonat mit der Vermieterin, Rückruf vereinbart.');
    await page.getByRole('button', { name: 'Eintrag speichern' }).click();
    await page.getByText('Telefonat mit der Vermieterin, Rückruf vereinbart.').last().waitFor();
    // Focus moves once the save has settled; the refetched journal may show the entry a moment earlier.
    await expect.poll(async () => (await focusRing(page)).role).toBe('status');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Der Eintrag wurde angelegt.');
    await expectAccessible(page, 'Haushalt nach Journaleintrag');
    await page.context().close();
  });

  it('folds the menu behind a button at 390 px, so the content comes first', async () => {
    const page = await loginAs(env, agency.users.case_manager.email);
    await page.setViewportSize({ width: 390, height: 844 });
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    const menu = nav.getByRole('button', { name: 'Menü' });
    await menu.waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Haushalte' }).isVisible()).toBe(false);
    // Links before the page heading: the skip link, the brand and the header's tools only.
    const linksBeforeMain = await page.evaluate(() => {
      const main = document.getElementById('main')!;
      return [...document.querySelectorAll('a[href], button')]
        .filter(
          (el) => main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING && el.checkVisibility({ visibilityProperty: true }),
        )
        .map((el) => el.textContent);
    });
    // Skip link, brand, help, notifications, language, sign-out, menu button – not the 15 menu entries.
    expect(linksBeforeMain.length, linksBeforeMain.join(' | ')).toBeLessThanOrEqual(7);
    await expectAccessible(page, 'Übersicht 390 px');

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Haushalte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Haushalte' }).waitFor();
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    await expectAccessible(page, 'Haushalte 390 px');

    await page.setViewportSize({ width: 1280, height: 900 });
    await nav.getByRole('link', { name: 'Haushalte' }).waitFor();
    expect(await nav.getByRole('button', { name: 'Menü' }).count()).toBe(0);
    await page.context().close();
  });

  it('shows no menu entries for modules that are not built, and the carrier a start page that says what comes', async () => {
    const page = await loginAs(env, agency.users.lead.email);
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Haushalte' }).waitFor();
    for (const [id, label] of [
      ['accommodation', 'Unterbringung'],
      ['reporting', 'Berichte'],
      ['aftercare', 'Nachsorge'],
    ] as const) {
      expect(await nav.getByRole('link', { name: label }).count(), label).toBe(isBuilt(id) ? 1 : 0);
    }
    // A module not built yet has no route either (accommodation is the next to come).
    const unbuilt = (['accommodation', 'reporting'] as const).find((id) => !isBuilt(id));
    if (unbuilt) {
      await page.goto(`${env.url}/${unbuilt}`);
      await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
    }
    await page.context().close();

    const carrier = await loginAs(env, agency.users.carrier_worker.email);
    if (isBuilt('aftercare')) {
      // The quick access is never empty: the carrier's way in is its aftercare work.
      await carrier.getByRole('heading', { name: 'Schnellzugriff' }).waitFor();
      await carrier
        .getByRole('main')
        .getByRole('link', { name: /Nachsorge/ })
        .first()
        .waitFor();
    } else {
      await carrier.getByText('Die Fachstelle überträgt Ihrem Träger Haushalte zur Nachsorge.', { exact: false }).waitFor();
      expect(await carrier.getByRole('heading', { name: 'Schnellzugriff' }).count()).toBe(0);
    }
    await expectAccessible(carrier, 'Übersicht Träger');
    await carrier.context().close();
  });

  it('shows the auditor labelled actions and names, with pickers for person and action', async () => {
    const page = await loginAs(env, agency.users.auditor.email);
    await page.goto(`${env.url}/audit`);
    await page.getByRole('heading', { level: 1, name: 'Audit-Protokoll' }).waitFor();
    const table = page.getByRole('table');
    await table.getByText('Anmeldung').first().waitFor();
    expect(await table.getByText('auth.login', { exact: true }).count()).toBe(0);
    // The login event names the account it is about, not its id.
    await table
      .getByText(`Benutzerkonto ${nameOf('auditor')}`)
      .first()
      .waitFor();

    // The person picker: type part of the name, choose the account from the list.
    await login(env.app, agency.users.lead.email); // the lead has a login event to find
    const person = page.getByRole('combobox', { name: 'Person' });
    await person.fill(nameOf('lead').slice(0, 6));
    await page.getByRole('option', { name: new RegExp(`^${nameOf('lead')}`) }).click();
    await expect.poll(() => person.inputValue()).toBe(nameOf('lead'));
    await page.getByLabel('Aktion', { exact: true }).selectOption({ label: 'Anmeldung' });
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('actorId')).toBe(agency.users.lead.id);
    expect(new URL(page.url()).searchParams.get('action')).toBe('auth.login');
    // Only the lead's logins are listed now; the picker still names the chosen person.
    await table
      .getByRole('cell', { name: nameOf('lead'), exact: true })
      .first()
      .waitFor();
    // (polled: the unfiltered rows, which hold the lead's logins too, stay until the filtered page arrives)
    await expect.poll(() => table.getByRole('cell', { name: nameOf('auditor'), exact: true }).count()).toBe(0);
    await expect.poll(() => page.getByRole('combobox', { name: 'Person' }).inputValue()).toBe(nameOf('lead'));
    await page.getByText(/^\d+ Ereignis/).waitFor();
    await expectAccessible(page, 'Audit-Protokoll gefiltert');
    await page.context().close();
  });
});
