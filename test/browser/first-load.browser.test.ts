import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAgency, PASSWORD } from '../helpers.js';
import { hasChromium, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

/**
 * Bytes on the wire (headers and bodies, as the browser received them) for everything a fresh browser
 * fetched: the login page, and with `then` whatever follows (signing in, the first staff page).
 */
async function transferred(env: BrowserEnv, path: string, then?: (page: Page) => Promise<void>) {
  const context = await env.browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map<string, string>();
  const bytes = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
  await page.goto(`${env.url}${path}`);
  await page.getByRole('heading', { level: 1, name: 'Anmeldung' }).waitFor();
  await page.waitForLoadState('networkidle');
  if (then) {
    await then(page);
    await page.waitForLoadState('networkidle');
  }
  const byKind = { js: 0, css: 0, font: 0, other: 0 };
  for (const [id, n] of bytes) {
    const url = urls.get(id) ?? '';
    const kind = url.endsWith('.js') ? 'js' : url.endsWith('.css') ? 'css' : url.endsWith('.woff2') ? 'font' : 'other';
    byKind[kind] += n;
  }
  await context.close();
  return { ...byKind, total: byKind.js + byKind.css + byKind.font + byKind.other };
}

describe.skipIf(!hasChromium)('browser: first load', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv();
  });
  afterAll(() => stopBrowserEnv(env));

  it('the login page arrives compressed, within the budget', async () => {
    const kb = await transferred(env, '/login');
    console.info(`Login page transferred (bytes): ${JSON.stringify(kb)}`);
    // Before: 817 KB JS + 347 KB CSS uncompressed, 413 KB of fonts (three full Fira Sans weights).
    // The module areas' texts come after login (i18n/index.ts): 233,620 bytes in session 11 (314,633 before).
    // Under `.ci/run` it once measured 285,688: the build made inside the test run took NODE_ENV=test and
    // bundled React's development runtime (ensureWebBuild now builds for production); alone 234,636.
    expect(kb.js + kb.css).toBeLessThan(240 * 1024);
    expect(kb.font).toBeLessThan(100 * 1024);
  });

  it('loads only the German texts first, fetches English on switching and keeps it on reload', async () => {
    const context = await env.browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${env.url}/login`);
    await page.getByRole('heading', { level: 1, name: 'Anmeldung' }).waitFor();
    const chunk = (name: string) => scripts.some((p) => new RegExp(`/assets/${name}-[^/]+\\.js$`).test(p));
    const languageChunk = (lng: string) => chunk(`${lng}\\.core`);
    expect(languageChunk('de')).toBe(true);
    expect(languageChunk('en')).toBe(false);
    // The module areas' texts wait for a login.
    expect(chunk('de\\.modules')).toBe(false);

    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(languageChunk('en')).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByRole('button', { name: /Deutsch/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Anmeldung' }).waitFor();
    await context.close();
  });

  it('the first staff page (signed in, the start page) stays within 500 KB of JS+CSS', async () => {
    const agency = await createAgency();
    const kb = await transferred(env, '/login', async (page) => {
      await page.getByLabel('E-Mail-Adresse').fill(agency.users.case_manager.email);
      await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    });
    console.info(`Login and start page transferred (bytes): ${JSON.stringify(kb)}`);
    expect(kb.js + kb.css).toBeLessThan(500 * 1024);
  });
});
