import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgency, testDbs, type TestAgency } from '../helpers.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

describe.skipIf(!hasChromium)('browser: admins edit document templates', () => {
  let env: BrowserEnv;
  let agency: TestAgency;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
  });
  afterAll(() => stopBrowserEnv(env));

  it('lists the templates, edits one with placeholder insertion, shows field and version errors, previews and resets — accessibly', async () => {
    const page = await loginAs(env, agency.users.admin.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Dokumentvorlagen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dokumentvorlagen' }).waitFor();
    const row = page.getByRole('row', { name: /Garantievertrag/ });
    await expect.poll(() => row.textContent()).toContain('Standardvorlage');
    await expectAccessible(page, 'Dokumentvorlagen');

    await row.getByRole('link', { name: 'Garantievertrag' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vorlage „Garantievertrag“' }).waitFor();
    await expectAccessible(page, 'Vorlage bearbeiten');

    // A placeholder button inserts its token at the cursor.
    const body = page.getByLabel('Text der Vorlage');
    await body.fill('# Garantievertrag\n\nHöchstbetrag: ');
    await body.press('End');
    await page.getByRole('button', { name: '{{guarantee.max}} einfügen' }).click();
    await expect.poll(() => body.inputValue()).toBe('# Garantievertrag\n\nHöchstbetrag: {{guarantee.max}}');

    // An unknown placeholder: the server's message appears at the field.
    await body.fill('# Garantievertrag\n\n{{provider.iban}}');
    await page.getByRole('button', { name: 'Vorlage speichern' }).click();
    await expect.poll(() => body.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Unbekannte Platzhalter: {{provider.iban}}').first().waitFor();
    await expectAccessible(page, 'Vorlage mit Fehler');

    await body.fill('# Garantievertrag Test\n\nZwischen {{agency.name}} und {{provider.name}}, höchstens {{guarantee.max}}.');
    await page.getByRole('button', { name: 'Vorlage speichern' }).click();
    await page.getByText('Die Vorlage wurde gespeichert (Version 1).').waitFor();
    await expect.poll(() => body.getAttribute('aria-invalid')).toBeNull();

    // The preview opens the PDF of the text in the editor.
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Vorschau (PDF)' }).click();
    expect((await popup).url()).toMatch(/^blob:/);

    // Someone else saves in the meantime: the next save is refused with a German message.
    await testDbs()
      .owner.updateTable('document_templates')
      .set({ version: 5 })
      .where('agency_id', '=', agency.id)
      .where('kind', '=', 'guarantee_contract')
      .execute();
    await body.fill('# Garantievertrag veraltet');
    await page.getByRole('button', { name: 'Vorlage speichern' }).click();
    await page.getByText(/Die Vorlage wurde inzwischen geändert/).waitFor();
    await expectAccessible(page, 'Vorlage mit Versionskonflikt');
    await page.getByRole('button', { name: /Aktuellen Stand laden/ }).click();
    await expect.poll(() => body.inputValue()).toContain('Zwischen {{agency.name}}');

    await page.getByRole('button', { name: 'Auf Standard zurücksetzen' }).click();
    await page
      .getByRole('dialog', { name: 'Vorlage auf den Standard zurücksetzen?' })
      .getByRole('button', { name: 'Zurücksetzen' })
      .click();
    await page.getByText('Die Vorlage wurde auf den Standard zurückgesetzt.').waitFor();
    await expect.poll(() => body.inputValue()).toContain('## § 3 Laufzeit');

    await page.getByRole('link', { name: 'Zurück zu den Dokumentvorlagen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dokumentvorlagen' }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Garantievertrag/ }).textContent()).toContain('Standardvorlage');
    await page.context().close();
  });

  it('shows leads the templates read-only', async () => {
    const page = await loginAs(env, agency.users.lead.email);
    await page.goto(`${env.url}/admin/templates/contact_letter`);
    await page.getByRole('heading', { level: 1, name: 'Vorlage „Anschreiben mit Hilfeangebot“' }).waitFor();
    expect(await page.getByLabel('Text der Vorlage').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Vorlage speichern' }).count()).toBe(0);
    await expectAccessible(page, 'Vorlage (Leitung)');
    await page.context().close();
  });
});
