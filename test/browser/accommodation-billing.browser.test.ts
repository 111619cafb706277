import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, householdInput, login, type Client, type TestAgency } from '../helpers.js';
import { placesFixture } from '../accommodation-fixtures.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

/*
 * Billing: the accommodation team enters an operator's invoice by hand. A household of two (Erika,
 * Max) stays from 2026-09-28 to 2026-11-03 at 35,00 € per person and night, so October is 31 nights
 * = 1.085,00 € per person. An unreadable amount is caught in the form; then the invoice bills 30
 * nights for 01.–31.10. (the server's German message appears at that line's nights); corrected, it
 * is saved, opened, checked (no differences) and approved.
 */
describe.skipIf(!hasChromium)('browser: Unterbringung – Rechnung erfassen, prüfen, freigeben', () => {
  let env: BrowserEnv;
  let agency: TestAgency;
  let acc: Client;
  let operatorId: string;
  let operatorName: string;
  let persons: string[];

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    acc = client(env.app, await login(env.app, agency.users.accommodation_worker.email));
    const cm = client(env.app, await login(env.app, agency.users.case_manager.email));
    const places = await placesFixture(acc);
    operatorId = places.operatorId;
    operatorName = (await acc.get(`/api/v1/accommodation/operators/${operatorId}`)).json().name;
    const h = await cm.post('/api/v1/households', householdInput({ situation: 'rough_sleeping', situationSince: '2026-01-01' }));
    expect(h.statusCode, h.body).toBe(201);
    const members: { id: string }[] = h.json().members;
    const A = '/api/v1/accommodation';
    const a = await cm.post(`${A}/assignments`, {
      householdId: h.json().id,
      facilityId: places.facilityId,
      fromDate: '2026-09-28',
      payer: 'agency',
      places: members.map((m, i) => ({ memberId: m.id, placeId: places.place('A1', i) })),
    });
    expect(a.statusCode, a.body).toBe(201);
    const moved = await cm.post(`${A}/assignments/${a.json().id}/move-in`, { movedInOn: '2026-09-28', version: a.json().version });
    expect(moved.statusCode, moved.body).toBe(200);
    const out = await cm.post(`${A}/assignments/${a.json().id}/move-out`, {
      movedOutOn: '2026-11-03',
      reason: 'own_flat',
      version: moved.json().version,
    });
    expect(out.statusCode, out.body).toBe(200);
    const month = (await acc.get(`${A}/billing/operators/${operatorId}?month=2026-10`)).json();
    persons = month.stays.map((s: { person: string; reference: string }) => `${s.person} (${s.reference})`);
    expect(persons).toHaveLength(2);
    expect(month.computedCents).toBe(2 * 31 * 3_500);
  });
  afterAll(() => stopBrowserEnv(env));

  it('enters an invoice (an error at the line first), opens it, checks and approves it; axe clean', async () => {
    const page = await loginAs(env, agency.users.accommodation_worker.email);
    await page.goto(`${env.url}/accommodation/billing?month=2026-10`);
    await page.getByRole('heading', { level: 1, name: 'Abrechnung' }).waitFor();
    await page.getByRole('button', { name: 'Rechnung erfassen' }).click();
    const form = page.getByRole('form', { name: 'Rechnung erfassen' });
    await form.waitFor();
    await expectAccessible(page, 'Rechnung erfassen (leer)');

    await form.getByLabel('Betreiber').selectOption({ label: operatorName });
    expect(await form.getByLabel('Monat').inputValue()).toBe('2026-10');
    await form.getByLabel('Rechnungsnummer').fill('R-2026-10-77');
    const line1 = form.getByRole('group', { name: 'Zeile 1' });
    // Choosing the person proposes the computed nights and amount.
    await line1.getByLabel('Person').selectOption({ label: persons[0]! });
    await expect.poll(() => line1.getByLabel('Nächte').inputValue()).toBe('31');
    expect(await line1.getByLabel('Erste Nacht').inputValue()).toBe('2026-10-01');
    expect(await line1.getByLabel('Letzte Nacht').inputValue()).toBe('2026-10-31');
    expect(await line1.getByLabel('Betrag (€)').inputValue()).toBe('1085');
    await line1.getByLabel('Nächte').fill('30');
    await form.getByRole('button', { name: 'Zeile hinzufügen' }).click();
    const line2 = form.getByRole('group', { name: 'Zeile 2' });
    await line2.getByLabel('Person').selectOption({ label: persons[1]! });
    await expect.poll(() => line2.getByLabel('Betrag (€)').inputValue()).toBe('1085');
    // An unreadable amount is caught in the form, at line 2's amount.
    await line2.getByLabel('Betrag (€)').fill('zwölf');
    await form.getByRole('button', { name: 'Rechnung speichern' }).click();
    await expect.poll(() => line2.getByLabel('Betrag (€)').getAttribute('aria-invalid')).toBe('true');
    await line2.locator('.kern-error', { hasText: 'Bitte einen Betrag in Euro angeben, z. B. 612,50.' }).waitFor();
    await line2.getByLabel('Betrag (€)').fill('1.085,00');
    await form.getByRole('button', { name: 'Rechnung speichern' }).click();

    // The server's message lands at the nights of line 1, in German; the other fields stay valid.
    const nights = line1.getByLabel('Nächte');
    await expect.poll(() => nights.getAttribute('aria-invalid')).toBe('true');
    await line1.locator('.kern-error', { hasText: 'Von 2026-10-01 bis 2026-10-31 sind 31 Nächte.' }).waitFor();
    expect(await line2.getByLabel('Nächte').getAttribute('aria-invalid')).toBeNull();
    expect(await line2.getByLabel('Betrag (€)').getAttribute('aria-invalid')).toBeNull();
    await form.getByRole('link', { name: /Zeile 1, Nächte/ }).waitFor();
    await expectAccessible(page, 'Rechnung erfassen mit Fehler');
    await page.screenshot({ path: '/tmp/accommodation-billing-entry-error.png', fullPage: true });

    await nights.fill('31');
    await form.getByRole('button', { name: 'Rechnung speichern' }).click();
    await page.getByText('Rechnung R-2026-10-77 erfasst.').waitFor();
    const invoice = page.getByRole('region', { name: 'Rechnung R-2026-10-77' });
    await invoice.getByText('eingegangen', { exact: true }).waitFor();
    await expectAccessible(page, 'Rechnung geöffnet');

    await invoice.getByRole('button', { name: 'Prüfen' }).click();
    await invoice.getByText('geprüft', { exact: true }).waitFor();
    await invoice.getByText('Keine Abweichungen: Rechnung und Berechnung stimmen überein.').waitFor();
    await expectAccessible(page, 'Rechnung geprüft');

    await invoice.getByRole('button', { name: 'Freigeben' }).click();
    await invoice.getByText('freigegeben', { exact: true }).waitFor();
    await expectAccessible(page, 'Rechnung freigegeben');

    const overview = (await acc.get('/api/v1/accommodation/billing?month=2026-10')).json();
    const mine = overview.items.find((i: { operatorId: string }) => i.operatorId === operatorId);
    expect(mine.invoices).toEqual([expect.objectContaining({ invoiceNo: 'R-2026-10-77', state: 'approved', totalCents: 217_000 })]);
    await page.context().close();
  });
});
