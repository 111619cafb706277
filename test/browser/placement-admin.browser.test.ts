import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgency, testDbs, type TestAgency } from '../helpers.js';
import { approvedOffer, ensureConditions, placementActors, poolHousehold, type PlacementActors } from '../placement-fixtures.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/placement-admin-${name}.png`, fullPage: true });

describe.skipIf(!hasChromium)('browser: placement administration', () => {
  let env: BrowserEnv;
  let agency: TestAgency;
  let a: PlacementActors;
  let household: { id: string; reference: string };
  let offer: { id: string; reference: string };

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
    a = await placementActors(env.app, agency);
    await ensureConditions(a.admin); // valid from 2020-01-01: 2 persons ≤ 640 €, fitted kitchen required
    household = await poolHousehold(a.cm, agency); // two persons, in the pool
    offer = await approvedOffer(a); // 58 m², 620 €, kitchen and balcony: eligible for 2–4 persons
  });
  afterAll(() => stopBrowserEnv(env));

  it('admin sees the impact of a new conditions version before saving it', async () => {
    const page = await loginAs(env, agency.users.admin.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Programmbedingungen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programmbedingungen WohnenPlus' }).waitFor();
    await page.getByRole('heading', { name: 'Fassung gültig ab 01.01.2020' }).waitFor();
    await expect.poll(() => page.getByText('gilt heute').count()).toBe(1);
    await expectAccessible(page, 'Programmbedingungen');

    await page.getByRole('button', { name: 'Neue Fassung' }).click();
    await page.getByRole('heading', { level: 2, name: 'Neue Fassung' }).waitFor();
    const persons = page.getByLabel('Haushaltsgröße (Personen)');
    const amounts = page.getByLabel('Obergrenze Kaltmiete (€)');
    await expect.poll(() => persons.count()).toBe(4); // prefilled from the version in force
    expect(await amounts.nth(1).inputValue()).toBe('640');

    // A household size twice: the message sits at the caps group, nothing is sent.
    await page.getByLabel('Gültig ab', { exact: true }).fill('2020-01-01');
    await persons.nth(1).fill('1');
    await page.getByRole('button', { name: 'Auswirkung prüfen' }).click();
    await page.getByText('Jede Haushaltsgröße darf nur einmal vorkommen.').first().waitFor();
    await shot(page, 'conditions-error');
    await expectAccessible(page, 'Neue Fassung mit Fehler');

    // Lower the two-person cap and require a garden: the open offer becomes ineligible.
    await persons.nth(1).fill('2');
    await amounts.nth(1).fill('600');
    await page.getByLabel('Garten').check();
    await page.getByRole('button', { name: 'Auswirkung prüfen' }).click();
    const impact = page.getByRole('region', { name: 'Auswirkung dieser Fassung' });
    await impact.getByText('1 laufendes Angebot ändert seine Eignung').waitFor();
    await impact.getByRole('row', { name: new RegExp(`${offer.reference}.*geeignet → nicht geeignet`) }).waitFor();
    await impact.getByText('1 Haushalt im Pool betroffen').waitFor();
    await impact.getByRole('row', { name: /2 Personen.*640,00 € → 600,00 €/ }).waitFor();
    await shot(page, 'conditions-impact');
    await impact.screenshot({ path: '/tmp/placement-admin-impact-panel.png' });
    await expectAccessible(page, 'Auswirkung');

    // The day already has a version: the server's message appears at the date field.
    await impact.getByRole('button', { name: 'Fassung speichern' }).click();
    const validFrom = page.getByLabel('Gültig ab', { exact: true });
    await expect.poll(() => validFrom.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Für diesen Tag gibt es schon eine Fassung.').first().waitFor();

    // Changing the date makes the preview stale: saving needs a fresh check.
    await validFrom.fill('2030-01-01');
    await impact.getByText('Bitte prüfen Sie die Auswirkung erneut').waitFor();
    expect(await impact.getByRole('button', { name: 'Fassung speichern' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Auswirkung prüfen' }).click();
    await impact.getByRole('button', { name: 'Fassung speichern' }).click();
    await page.getByText('Die neue Fassung gilt ab 01.01.2030.').waitFor();
    const saved = page.getByRole('article', { name: 'Fassung gültig ab 01.01.2030' });
    await saved.getByText('künftig').waitFor();
    await saved.getByText('Einbauküche, Garten').waitFor();
    await shot(page, 'conditions-list');
    await expectAccessible(page, 'Programmbedingungen nach dem Speichern');

    const stored = (await a.admin.get('/api/v1/programme-conditions'))
      .json()
      .items.find((c: { validFrom: string }) => c.validFrom === '2030-01-01');
    expect(stored.rentCaps).toContainEqual({ persons: 2, maxColdRentCents: 60_000 });
    expect(stored.requiredEquipment).toEqual(['kitchen_fitted', 'garden']);
    await page.context().close();

    // The lead reads the versions but cannot create one.
    const lead = await loginAs(env, agency.users.lead.email);
    await lead.getByRole('navigation').getByRole('link', { name: 'Programmbedingungen' }).click();
    await lead.getByRole('heading', { name: 'Fassung gültig ab 01.01.2030' }).waitFor();
    await lead.getByText('Neue Fassungen legt die Administration an.').waitFor();
    expect(await lead.getByRole('button', { name: 'Neue Fassung' }).count()).toBe(0);
    await shot(lead, 'conditions-lead');
    await expectAccessible(lead, 'Programmbedingungen (Leitung)');
    await lead.context().close();
  });

  it('admin edits the placement settings of the agency', async () => {
    // A setting the page does not show (set through the API) survives saving the page.
    const now = await a.admin.get('/api/v1/agency');
    const settings = now.json().settings;
    const kept = await a.admin.put(
      '/api/v1/agency/settings',
      { settings: { ...settings, retention: { ...settings.retention, auditReadYears: 3 } } },
      { 'if-match': now.headers.etag as string },
    );
    expect(kept.statusCode).toBe(200);
    const page = await loginAs(env, agency.users.admin.email);
    await page.goto(`${env.url}/admin/agency`);
    await page.getByRole('heading', { name: 'Wohnungsvermittlung (WohnenPlus)' }).waitFor();
    await page.getByLabel('Entscheidungsfrist nach der Besichtigung').fill('5');
    const max = page.getByLabel('Höchstbetrag der Garantie (€)');
    expect(await max.inputValue()).toBe('10000');
    await max.fill('viel');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => max.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Bitte einen Betrag in Euro angeben, z. B. 612,50.').first().waitFor();
    await expectAccessible(page, 'Dienststelle mit Fehler');

    await max.fill('12.500,50');
    await page.getByLabel('Schäden an der Wohnung').uncheck();
    await page.getByLabel('Rechtsverfolgungskosten').check();
    await page.getByLabel('Dauer der Wohnungslosigkeit (bis 36 Monate)').fill('50');
    await page.getByLabel('Link-Vorlage für die Videokonferenz').fill('https://meet.example/wp-{offer}-{token}');
    await page.getByText('Beispiel: https://meet.example/wp-A-2026-00042-k7q2m9xw').waitFor();
    // Billing days: arrival billed by default, departure not; the admin switches departure on.
    expect(await page.getByLabel('Anreisetag wird abgerechnet').isChecked()).toBe(true);
    expect(await page.getByLabel('Abreisetag wird abgerechnet').isChecked()).toBe(false);
    await page.getByText('Daraus folgt die Zahl der Nächte je Aufenthalt', { exact: false }).waitFor();
    await page.getByLabel('Abreisetag wird abgerechnet').check();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Änderungen wurden gespeichert.').waitFor();
    await shot(page, 'agency-settings');
    await page.locator('.placement-settings').screenshot({ path: '/tmp/placement-admin-agency-placement.png' });
    await expectAccessible(page, 'Dienststelle');

    const placement = (await a.admin.get('/api/v1/agency')).json().settings.placement;
    expect(placement).toMatchObject({
      decisionWorkingDays: 5,
      guaranteeMaxCents: 1_250_050,
      guaranteeItems: ['rent_arrears', 'service_charge_arrears', 'legal_costs'],
      videoUrlTemplate: 'https://meet.example/wp-{offer}-{token}',
    });
    expect(placement.weights.waiting).toBe(50);
    expect((await a.admin.get('/api/v1/agency')).json().settings.retention.auditReadYears).toBe(3);
    expect((await a.admin.get('/api/v1/agency')).json().settings.accommodationBilling).toEqual({
      billArrivalDay: true,
      billDepartureDay: true,
    });
    // After the reload the form shows the stored values.
    await page.reload();
    expect(await page.getByLabel('Höchstbetrag der Garantie (€)').inputValue()).toBe('12500,50');
    expect(await page.getByLabel('Abreisetag wird abgerechnet').isChecked()).toBe(true);
    await page.context().close();
  });

  it('case manager records consents (oral needs a minute) and withdraws one', async () => {
    const page = await loginAs(env, agency.users.case_manager.email);
    await page.goto(`${env.url}/households/${household.id}`);
    const section = page.getByRole('region', { name: 'Einwilligungen zur Datenübermittlung (§ 67b SGB X)' });
    await section
      .getByText(
        'Übermittlung von Mindestangaben (Vorname, Haushaltsgröße, Einzugsbereitschaft) an das Wohnungsunternehmen zur Wohnungsvermittlung (§ 67b SGB X)',
      )
      .waitFor();
    await section.getByText('Für diesen Haushalt ist keine Einwilligung erfasst.').waitFor();

    await section.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    const form = section.getByRole('form', { name: 'Einwilligung erfassen' });
    await form.getByLabel('Empfänger (Wohnungsunternehmen)').selectOption({ label: 'Wohnbau Test GmbH' });
    expect(await form.getByLabel('Eingewilligt durch').inputValue()).toMatch(/^Erika Mustermann/);
    expect(await form.getByLabel('Textfassung').inputValue()).toBe('WohnenPlus-Einwilligung 2026-01');
    expect(await form.getByLabel('Vermerk').count()).toBe(0);
    await form.getByLabel('mündlich').check();
    const minute = form.getByLabel('Vermerk');
    await minute.waitFor();
    await form.getByRole('button', { name: 'Einwilligung speichern' }).click();
    await expect.poll(() => minute.getAttribute('aria-invalid')).toBe('true');
    await form.getByText('Bei mündlicher Einwilligung ist ein Vermerk Pflicht.').first().waitFor();
    await shot(page, 'consent-error');
    await expectAccessible(page, 'Einwilligung mit Fehler');

    await minute.fill('Telefonat am 02.11.2026 mit Frau Mustermann, Einwilligung mündlich erteilt, Kollegin Weber hörte mit.');
    await form.getByRole('button', { name: 'Einwilligung speichern' }).click();
    await section.getByText('Die Einwilligung wurde erfasst.').waitFor();
    const card = (name: string) => section.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
    await card('Wohnbau Test GmbH').getByText('gültig', { exact: true }).waitFor();
    await card('Wohnbau Test GmbH').getByText('mündlich', { exact: true }).waitFor();
    await card('Wohnbau Test GmbH').getByText('Telefonat am 02.11.2026', { exact: false }).waitFor();

    // A second, written consent for the other company; then withdraw it.
    await section.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    await form.getByLabel('Empfänger (Wohnungsunternehmen)').selectOption({ label: 'Zweite Wohnbau eG' });
    await form.getByRole('button', { name: 'Einwilligung speichern' }).click();
    await card('Zweite Wohnbau eG').getByText('schriftlich', { exact: true }).waitFor();
    await card('Zweite Wohnbau eG').getByText('gültig', { exact: true }).waitFor();

    await section.getByRole('button', { name: 'Einwilligung für Zweite Wohnbau eG widerrufen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Widerruf erfassen' });
    await dialog.getByText('keine Daten des Haushalts mehr an Zweite Wohnbau eG').waitFor();
    await expectAccessible(page, 'Widerruf-Dialog');
    await dialog.getByLabel('Anmerkung zum Widerruf').fill('Haushalt möchte nicht mehr an dieses Unternehmen vermittelt werden.');
    await dialog.getByRole('button', { name: 'Widerruf speichern' }).click();
    await section.getByText('Der Widerruf wurde erfasst.').waitFor();
    await card('Zweite Wohnbau eG').getByText('widerrufen', { exact: true }).waitFor();
    await card('Zweite Wohnbau eG').getByText('Haushalt möchte nicht mehr', { exact: false }).waitFor();
    expect(
      await card('Zweite Wohnbau eG')
        .getByRole('button', { name: /widerrufen/ })
        .count(),
    ).toBe(0);
    await shot(page, 'consents');
    await section.screenshot({ path: '/tmp/placement-admin-consents-section.png' });
    await expectAccessible(page, 'Haushalt mit Einwilligungen');

    const consents = (await a.cm.get(`/api/v1/households/${household.id}/consents`)).json().items as {
      recipient: { id: string };
      form: string;
      minute: string | null;
      valid: boolean;
      withdrawalNote: string | null;
    }[];
    const oral = consents.find((c) => c.recipient.id === agency.providerId)!;
    const withdrawn = consents.find((c) => c.recipient.id === agency.otherProviderId)!;
    expect([oral.form, oral.valid, oral.minute?.startsWith('Telefonat')]).toEqual(['oral', true, true]);
    expect([withdrawn.form, withdrawn.valid, withdrawn.withdrawalNote]).toEqual([
      'written',
      false,
      'Haushalt möchte nicht mehr an dieses Unternehmen vermittelt werden.',
    ]);
    await page.context().close();

    // The household's social worker records consent too (staff see the housing companies).
    const sw = await loginAs(env, agency.users.social_worker.email);
    await sw.goto(`${env.url}/households/${household.id}`);
    await sw.getByRole('button', { name: 'Einwilligung erfassen' }).waitFor();
    await sw.getByRole('button', { name: 'Einwilligung für Wohnbau Test GmbH widerrufen' }).waitFor();
    await sw.context().close();
  });

  it('lists tenancies for staff (with household) and for the housing company (without)', async () => {
    await testDbs()
      .owner.insertInto('tenancies')
      .values({
        agency_id: agency.id,
        reference: 'M-2026-00001',
        household_id: household.id,
        provider_id: agency.providerId,
        street: 'Lindenstraße 12',
        postal_code: '70173',
        city: 'Stuttgart',
        lease_start: '2027-01-01',
        cold_rent_cents: 62_000,
        service_charges_cents: 15_000,
        heating_cents: 8_000,
        guarantee_start: '2027-01-01',
        guarantee_end: '2031-12-31',
        guarantee_max_cents: 1_000_000,
        guarantee_items: ['rent_arrears', 'damage'],
        contact_person_id: agency.users.case_manager.id,
        social_worker_id: agency.users.social_worker.id,
      })
      .execute();

    const page = await loginAs(env, agency.users.case_manager.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Mietverhältnisse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mietverhältnisse' }).waitFor();
    const row = page.getByRole('row', { name: /M-2026-00001/ });
    await row.waitFor();
    for (const text of [
      household.reference,
      'Wohnbau Test GmbH',
      'Lindenstraße 12, 70173 Stuttgart',
      '01.01.2027',
      'bis 31.12.2031',
      'höchstens 10.000,00 €',
      'laufend',
    ])
      await row.getByText(text, { exact: false }).first().waitFor();
    await shot(page, 'tenancies');
    expect(await page.getByRole('navigation').locator('[aria-current="page"]').allTextContents()).toEqual(['Mietverhältnisse']);
    await expectAccessible(page, 'Mietverhältnisse');
    await page.context().close();

    const provider = await loginAs(env, agency.users.provider_user.email);
    await provider.goto(`${env.url}/placement/tenancies`);
    await provider.getByRole('row', { name: /M-2026-00001/ }).waitFor();
    expect(await provider.getByRole('columnheader', { name: 'Haushalt' }).count()).toBe(0);
    expect(await provider.getByText(household.reference).count()).toBe(0);
    await expectAccessible(provider, 'Mietverhältnisse (Wohnungsunternehmen)');
    await provider.context().close();
  });
});
