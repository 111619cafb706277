import crypto from 'node:crypto';
import type { TCaseCreate } from '../src/contracts/prevention.js';

/** A court notice (Mitteilung in Zivilsachen) as the form sends it; names are unique per call. */
export function courtNotice(over: Partial<TCaseCreate> = {}): TCaseCreate {
  const tag = crypto.randomBytes(3).toString('hex');
  return {
    source: 'court_notice',
    sourceDetail: 'Amtsgericht Hannover',
    receivedOn: '2026-11-16',
    tenants: [{ firstName: 'Sabine', lastName: `Krüger${tag}`, birthDate: '1979-02-03', gender: 'female' }],
    street: `Lindenallee ${(Number.parseInt(tag, 16) % 900) + 1}`,
    postalCode: '30159',
    city: 'Hannover',
    landlordName: 'Wohnbau Hannover eG',
    landlordAddress: 'Am Markt 1\n30159 Hannover',
    monthlyRentCents: 64_000,
    arrearsCents: 192_000,
    compensationCents: 12_000,
    courtName: 'Amtsgericht Hannover',
    courtFileNumber: `512 C ${tag}/26`,
    parties: [{ role: 'plaintiff', name: 'Wohnbau Hannover eG', address: 'Am Markt 1, 30159 Hannover' }],
    terminationOn: '2026-09-15',
    ordinaryTermination: false,
    lawsuitServedOn: '2026-11-10',
    hearingAt: '2027-01-20T09:00:00.000Z',
    ...over,
  };
}
