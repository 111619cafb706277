import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers.js';
import { CHROMIUM, hasChromium } from './browser.js';

/** The API docs under the app's strict CSP: Swagger UI must still render, with no CSP violation. */
describe.skipIf(!hasChromium)('browser: API docs', () => {
  let app: FastifyInstance;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    app = await testApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://localhost:${(app.server.address() as { port: number }).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('renders Swagger UI with the operations under frame-ancestors none, without CSP violations', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const res = await page.goto(`${url}/api/docs/`);
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    // The operations render (scripts and styles ran) and open on a click (the UI is interactive).
    await page.locator('.opblock-summary').first().waitFor({ timeout: 60_000 });
    await page.locator('.opblock-summary').first().click();
    await page.locator('.opblock-body').first().waitFor({ timeout: 30_000 });
    expect(violations).toEqual([]);
  }, 120_000);
});
