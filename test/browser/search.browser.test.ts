import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, householdInput, login, type TestAgency } from '../helpers.js';
import { courtNotice } from '../prevention-fixtures.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

describe.skipIf(!hasChromium)('browser: global search in the header', () => {
  let env: BrowserEnv;
  let agency: TestAgency;
  let household: { id: string; reference: string; members: { lastName: string }[] };
  let otherHousehold: { id: string; reference: string; members: { lastName: string }[] };
  const street = `Suchallee ${Math.floor(Math.random() * 9000) + 1000}`;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    const other = await createAgency();
    const staff = client(env.app, await login(env.app, agency.users.case_manager.email));
    household = (await staff.post('/api/v1/households', householdInput())).json();
    await staff.post('/api/v1/prevention/cases', courtNotice({ householdId: household.id, street }));
    const otherStaff = client(env.app, await login(env.app, other.users.case_manager.email));
    otherHousehold = (await otherStaff.post('/api/v1/households', householdInput())).json();
    await otherStaff.post('/api/v1/prevention/cases', courtNotice({ householdId: otherHousehold.id, street }));
  });
  afterAll(() => stopBrowserEnv(env));

  it('is focused by "/", finds a household by file number as you type, and Enter opens it — keyboard only', async () => {
    const page = await loginAs(env, agency.users.case_manager.email);
    const box = page.getByRole('combobox', { name: 'Suche' });
    await box.waitFor();
    await page.locator('body').press('/');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(household.reference);
    // The household's own option (the last one, "show all", repeats the query too).
    const option = page.getByRole('option', { name: new RegExp(`^${household.reference}`) });
    await option.waitFor();
    // While the list is open, React Aria hides the rest of the page from screen readers (aria-hidden), so
    // the open list is checked on its own and the whole page once it is closed again.
    await expectAccessible(page, 'Globale Suche mit Treffern', ['.global-search', '.global-search__popover']);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('listbox').count()).toBe(0);
    await expectAccessible(page, 'Kopfzeile mit Suche');
    await page.keyboard.press('Control+a');
    await page.keyboard.type(household.reference);
    await option.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/households/${household.id}`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: household.reference }).waitFor();
    await page.getByText(household.members[0]!.lastName).first().waitFor();
    await page.context().close();
  });

  it("finds a household by address with Ctrl+K, never another agency's, and shows all results on a page", async () => {
    const page = await loginAs(env, agency.users.case_manager.email);
    const box = page.getByRole('combobox', { name: 'Suche' });
    await box.waitFor();
    await page.keyboard.press('Control+k');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(street);
    const listbox = page.getByRole('listbox');
    await listbox.getByRole('option', { name: new RegExp(`^${household.reference}`) }).waitFor();
    // Both agencies number from 1, so the other agency's household is told apart by its name.
    expect(await listbox.textContent()).not.toContain(otherHousehold.members[0]!.lastName);
    await listbox.getByRole('option', { name: /Alle Treffer/ }).waitFor();
    // Enter without a chosen option opens the full result page.
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await page.getByRole('heading', { level: 1, name: 'Suchergebnisse' }).waitFor();
    await page.getByRole('link', { name: household.reference }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain(otherHousehold.members[0]!.lastName);
    expect(await page.locator(`a[href$="/households/${otherHousehold.id}"]`).count()).toBe(0);
    await expectAccessible(page, 'Suchergebnisse');
    await page.context().close();
  });
});
