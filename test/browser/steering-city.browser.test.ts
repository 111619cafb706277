import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodiesRepository } from '../../src/server/modules/steering/bodies.repository.js';
import { hashPassword } from '../../src/server/platform/auth/password.js';
import { client, createAgency, login, PASSWORD, testDbs, type TestAgency } from '../helpers.js';
import { courtNotice } from '../prevention-fixtures.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

const berlinToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

describe.skipIf(!hasChromium)('browser: the steering body compares its member agencies; a member sees the city average', () => {
  let env: BrowserEnv;
  let a: TestAgency;
  let b: TestAgency;
  let email: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    [a, b] = [await createAgency(), await createAgency()];
    const { owner } = testDbs();
    const repo = bodiesRepository(owner);
    const tag = crypto.randomBytes(4).toString('hex');
    const tenant = await repo.createBody({ name: `Senat ${tag}`, ags: '11000097', federalState: 'BE' });
    await owner
      .updateTable('agencies')
      .set({ settings: JSON.stringify({ totpRequiredRoles: [] }) })
      .where('id', '=', tenant)
      .execute();
    const start = `${berlinToday().slice(0, 4)}-01-01`;
    await repo.createAgreement({
      bodyAgencyId: tenant,
      name: 'Zielvereinbarung Browser',
      validFrom: start,
      validTo: null,
      figureIds: ['prevention.notices', 'prevention.first_attempt_within_standard'],
      members: [a, b].map((x) => ({ agencyId: x.id, joinedOn: start })),
    });
    email = `steuerung.${tag}@test.example`;
    await owner
      .insertInto('users')
      .values({
        agency_id: tenant,
        email,
        display_name: 'Steuerung Browser',
        role: 'steering',
        password_hash: await hashPassword(PASSWORD),
      })
      .execute();
    for (const [agency, n] of [
      [a, 7],
      [b, 1],
    ] as const) {
      const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
      for (let i = 0; i < n; i++) {
        const r = await cm.post('/api/v1/prevention/cases', { ...courtNotice({ receivedOn: berlinToday() }), createHousehold: true });
        expect(r.statusCode, r.body).toBe(201);
      }
    }
  });
  afterAll(() => stopBrowserEnv(env));

  it('the steering user sees the agencies side by side with "< 5" and the city total, chart and table; axe clean', async () => {
    const page = await loginAs(env, email);
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Stadtvergleich' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stadtvergleich der Zielvereinbarung' }).waitFor();
    await page.getByText(/Zielvereinbarung Browser: gilt ab/).waitFor();
    await page.getByText(/Stand der Daten/).waitFor();
    const table = page.getByRole('table', { name: 'Tabelle: Eingegangene Mitteilungen nach Quelle je Fachstelle und Stadt gesamt' });
    expect(await table.getByRole('row', { name: new RegExp(a.name) }).innerText()).toMatch(/5$/);
    expect(await table.getByRole('row', { name: new RegExp(b.name) }).innerText()).toMatch(/< 5/);
    expect(await table.getByRole('row', { name: /Stadt gesamt/ }).innerText()).toMatch(/5$/); // 5 + 2 = 7 → 5
    // No record page is offered: no households, no cases in the navigation.
    expect(await nav.getByRole('link', { name: 'Haushalte' }).count()).toBe(0);
    await page.getByText('So werden kleine Zahlen geschützt').click();
    await page.getByText(/Vielfache von 5/).waitFor();
    await expectAccessible(page, 'Stadtvergleich');
  });

  it('the member agency’s lead sees the city average beside its own figure', async () => {
    const page = await loginAs(env, a.users.lead.email);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Berichte' }).click();
    const notices = page.getByRole('article', { name: 'Eingegangene Mitteilungen nach Quelle' });
    await notices.getByText('Durchschnitt der Fachstellen: 4').waitFor(); // (5 + 2) / 2, rounded
    await page.getByText(/Durchschnitt der Fachstellen der „Zielvereinbarung Browser“/).waitFor();
  });
});
