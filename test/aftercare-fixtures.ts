import crypto from 'node:crypto';
import { berlinDate } from '../src/server/platform/deadlines/workdays.js';
import { PASSWORD, testDbs, type Client, type TestAgency } from './helpers.js';
import { hashPassword } from '../src/server/platform/auth/password.js';

/** Today in Berlin and a day `days` away (negative: in the past), as ISO dates. */
export const today = () => berlinDate(new Date());
export const day = (days: number) => {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export const agreementInput = (carrierId: string, over: Record<string, unknown> = {}) => ({
  carrierId,
  validFrom: '2020-01-01',
  validTo: null,
  capacityCases: 50,
  visitEveryWeeks: 4,
  reportingDuties: 'Quartalszahlen bis zum 15. des Folgemonats; Jahresbericht bis 30. April.',
  ...over,
});

export const referralInput = (householdId: string, carrierId: string, over: Record<string, unknown> = {}) => ({
  householdId,
  carrierId,
  targetGroup: 'precarious_housing',
  source: 'parish',
  sourceDetail: 'Pfarrgemeinde St. Agnes',
  referredOn: day(-70),
  street: 'Neusser Straße 12',
  postalCode: '50670',
  city: 'Köln',
  phone: '0221 123456',
  ...over,
});

export const consentInput = () => ({
  purpose: 'Durchführung der Wohnintegrationshilfe: Hausbesuche, Hilfeplan, Vermittlung',
  form: 'written',
  givenOn: day(-65),
});

/** Another carrier worker of a carrier (a lead if asked), with the test password. */
export async function carrierUser(a: TestAgency, carrierId: string, lead: boolean) {
  const tag = crypto.randomBytes(4).toString('hex');
  return testDbs()
    .owner.insertInto('users')
    .values({
      agency_id: a.id,
      email: `traeger.${tag}@test.example`,
      display_name: `Träger ${tag}`,
      role: 'carrier_worker',
      carrier_id: carrierId,
      carrier_lead: lead,
      password_hash: await hashPassword(PASSWORD),
    })
    .returning(['id', 'email'])
    .executeTakeFirstOrThrow();
}

/** A case referred, checked, consented, granted (from `grantedFrom`) and assigned: active, seen by the carrier worker. */
export async function activeCase(cm: Client, householdId: string, carrierId: string, workerId: string, grantedFrom = day(-60)) {
  const c = (await cm.post('/api/v1/aftercare/cases', referralInput(householdId, carrierId))).json();
  const checked = (await cm.post(`/api/v1/aftercare/cases/${c.id}/check`, { comparableHelp: [], version: c.version })).json();
  await cm.post(`/api/v1/aftercare/cases/${c.id}/consent`, consentInput());
  const granted = (await cm.post(`/api/v1/aftercare/cases/${c.id}/grant`, { grantedFrom, version: checked.version + 1 })).json();
  const assigned = await cm.post(`/api/v1/aftercare/cases/${c.id}/assign`, { carrierWorkerId: workerId, version: granted.version });
  if (assigned.statusCode !== 200) throw new Error(`activeCase: ${assigned.statusCode} ${assigned.body}`);
  return assigned.json();
}
