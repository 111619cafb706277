import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgency, type TestAgency } from '../helpers.js';
import { expectAccessible, hasChromium, loginAs, startBrowserEnv, stopBrowserEnv, type BrowserEnv } from './browser.js';

describe.skipIf(!hasChromium)('browser: admin forms', () => {
  let env: BrowserEnv;
  let agency: TestAgency;

  beforeAll(async () => {
    env = await startBrowserEnv();
    agency = await createAgency();
  });
  afterAll(() => stopBrowserEnv(env));

  it('creating a user: German messages at the fields and in the summary, then the user is created', async () => {
    const admin = await loginAs(env, agency.users.admin.email);
    await admin.goto(`${env.url}/admin/users`);
    await admin.getByRole('heading', { level: 1, name: 'Benutzer' }).waitFor();
    await admin.getByRole('button', { name: 'Benutzer anlegen' }).first().click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('E-Mail-Adresse').fill('keine-adresse');
    await dialog.getByLabel('Initiales Passwort').fill('kurz');
    await dialog.getByRole('button', { name: 'Speichern' }).click();

    await dialog.getByText('Einige Angaben sind nicht gültig. Bitte prüfen Sie die markierten Felder.').waitFor();
    await expect.poll(() => dialog.getByLabel('E-Mail-Adresse').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => dialog.getByLabel('Initiales Passwort').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => dialog.getByLabel('Rolle').getAttribute('aria-invalid')).toBe('true');
    // The summary takes the focus and links to the fields.
    await expect.poll(() => admin.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Einige Angaben sind nicht gültig.');
    await expectAccessible(admin, 'Benutzer anlegen mit Fehlern');
    await admin.screenshot({ path: '/tmp/webforms-user-form-error.png' });

    const email = `neu-${Date.now()}@example.org`;
    await dialog.getByLabel('E-Mail-Adresse').fill(email);
    await dialog.getByLabel('Name').fill('Neue Sachbearbeiterin');
    await dialog.getByLabel('Rolle').selectOption('case_manager');
    await dialog.getByLabel('Initiales Passwort').fill('ein-langes-passwort-2026');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await admin.getByRole('row', { name: /Neue Sachbearbeiterin/ }).waitFor();
    await admin.context().close();
  });
  it('creating an operator user: the operator is required (German message at the field), then listed with the user', async () => {
    const admin = await loginAs(env, agency.users.admin.email);
    await admin.goto(`${env.url}/admin/users`);
    await admin.getByRole('heading', { level: 1, name: 'Benutzer' }).waitFor();
    await admin.getByRole('button', { name: 'Benutzer anlegen' }).first().click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('E-Mail-Adresse').fill(`betreiber-${Date.now()}@example.org`);
    await dialog.getByLabel('Name').fill('Frau Heimleitung');
    expect(await dialog.getByLabel('Betreiber', { exact: true }).count()).toBe(0);
    await dialog.getByLabel('Rolle').selectOption('operator_user');
    await dialog.getByLabel('Initiales Passwort').fill('ein-langes-passwort-2026');
    await dialog.getByRole('button', { name: 'Speichern' }).click();

    const operator = dialog.getByLabel('Betreiber', { exact: true });
    await expect.poll(() => operator.getAttribute('aria-invalid')).toBe('true');
    await dialog.locator('.kern-error', { hasText: 'Bitte einen Betreiber wählen.' }).waitFor();
    await expectAccessible(admin, 'Betreiber-Konto ohne Betreiber');

    await operator.selectOption({ label: 'Betreiber Test gGmbH' });
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    const row = admin.getByRole('row', { name: /Frau Heimleitung/ });
    await row.getByText('Betreiber: Betreiber Test gGmbH').waitFor();
    await expectAccessible(admin, 'Benutzer mit Betreiber-Konto');

    // Editing shows the operator chosen.
    await row.getByRole('button', { name: /Bearbeiten/ }).click();
    expect(await admin.getByRole('dialog').getByLabel('Betreiber', { exact: true }).inputValue()).toBe(agency.operatorId);
    await admin.context().close();
  });
});
