import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { ensureWebBuild } from '../../src/cli/commands.js';
import { PASSWORD, testConfig, testDbs } from '../helpers.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);

if (!hasChromium) {
  if (process.env.REQUIRE_BROWSER) throw new Error(`Browser-Tests verlangt, aber kein Chromium unter ${CHROMIUM} (CHROMIUM_PATH).`);
  console.warn(`Browser-Tests übersprungen: kein Chromium unter ${CHROMIUM} gefunden (installieren oder CHROMIUM_PATH setzen).`);
}

export interface BrowserEnv {
  app: FastifyInstance;
  browser: Browser;
  url: string;
}

/** The real app with the built UI on a free port, and a headless Chromium. */
export async function startBrowserEnv(): Promise<BrowserEnv> {
  await ensureWebBuild();
  const app = await buildApp({ db: testDbs().app, config: testConfig(), serveWeb: true, logger: false, listenUrl: inject('appUrl') });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { app, browser, url: `http://localhost:${port}` };
}

export async function stopBrowserEnv(env: BrowserEnv | undefined): Promise<void> {
  await env?.browser.close();
  await env?.app.close();
}

/** axe-core on the current page (or only the parts `only` selects): no WCAG 2.1 A/AA violations. */
export async function expectAccessible(page: Page, where: string, only: string[] = []): Promise<void> {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of only) axe = axe.include(selector);
  const result = await axe.analyze();
  const violations = result.violations.map(
    (v) =>
      `${where}: ${v.id} (${v.impact}) ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  expect(violations).toEqual([]);
}

export async function loginAs(env: BrowserEnv, email: string): Promise<Page> {
  const context = await env.browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${env.url}/login`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
  return page;
}
