import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgency, type TestAgency } from '../helpers.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

describe.skipIf(!hasChromium)('browser: help and glossary', () => {
  let env: BrowserEnv;
  let agency: TestAgency;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
  });
  afterAll(() => stopBrowserEnv(env));

  it('opens the help at the area the user is in, links terms to the glossary, in German and English', async () => {
    const page = await loginAs(env, agency.users.case_manager.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Prävention' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prävention' }).waitFor();
    await page.getByRole('link', { name: /^Hilfe/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Hilfe' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#prevention');
    // Focus lands on the area's section, so the keyboard continues there.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Prävention (Wohnungssicherung)');
    await expectAccessible(page, 'Hilfe');

    const section = page.getByRole('region', { name: 'Prävention (Wohnungssicherung)' });
    await section.getByRole('link', { name: '§ 569 Abs. 3 BGB – Schonfrist' }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#g-bgb-569');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('g-bgb-569');
    await page.getByText(/spätestens zwei Monate nach Zustellung der Räumungsklage/).waitFor();

    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Help' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Prevention (keeping the home)' }).waitFor();
    await page.getByText(/no later than two months after the eviction lawsuit was served/).waitFor();
    await expectAccessible(page, 'Help (English)');
    await page.context().close();
  });
});
