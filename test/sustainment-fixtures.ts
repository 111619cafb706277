import type { TTenancyCreate } from '../src/contracts/sustainment.js';
import { isoDateIn } from '../src/contracts/format.js';
import { householdInput, type Client, type TestAgency } from './helpers.js';

/** Today in Berlin and days/years from it, as YYYY-MM-DD. */
export const today = () => isoDateIn(new Date());
export const inDays = (days: number) => isoDateIn(new Date(Date.now() + days * 86_400_000));

/** A tenancy entered directly (placed before wohnhilfe), begun a year ago; fields can be overridden. */
export function tenancyInput(householdId: string, providerId: string, over: Partial<TTenancyCreate> = {}): TTenancyCreate {
  return {
    householdId,
    providerId,
    street: 'Lindenstraße 12',
    postalCode: '70173',
    city: 'Stuttgart',
    district: 'Mitte',
    leaseStart: inDays(-365),
    coldRentCents: 62_000,
    serviceChargesCents: 15_000,
    heatingCents: 8_000,
    guaranteeMaxCents: 500_000,
    guaranteeItems: ['rent_arrears', 'damage'],
    ...over,
  };
}

/** A household looked after by the agency's social worker, living in a tenancy of the portal company. */
export async function directTenancy(cm: Client, agency: TestAgency, over: Partial<TTenancyCreate> = {}) {
  const h = await cm.post(
    '/api/v1/households',
    householdInput({ situation: 'at_risk', socialWorkerId: agency.users.social_worker.id, caseManagerId: agency.users.case_manager.id }),
  );
  if (h.statusCode !== 201) throw new Error(`household: ${h.statusCode} ${h.body}`);
  const t = await cm.post('/api/v1/tenancies', tenancyInput(h.json().id, agency.providerId, over));
  if (t.statusCode !== 201) throw new Error(`tenancy: ${t.statusCode} ${t.body}`);
  return t.json();
}

export const rentDefault = (amountCents = 124_000, months = ['2026-09', '2026-10']) => ({
  kind: 'rent_default' as const,
  months,
  amountCents,
});
export const conflict = (over: Record<string, unknown> = {}) => ({
  kind: 'conflict' as const,
  category: 'noise' as const,
  description: 'Laute Musik nachts, mehrere Beschwerden aus dem Haus.',
  occurredOn: inDays(-3),
  ...over,
});
