import type { TFacilityInput, TOperatorInput } from '../src/contracts/accommodation.js';
import type { Client } from './helpers.js';

/** An operator: a welfare organisation (Caritas) unless told otherwise. */
export const operatorInput = (over: Partial<TOperatorInput> = {}): TOperatorInput => ({
  name: `Caritas Unterkünfte ${Math.random().toString(36).slice(2, 7)}`,
  kind: 'welfare',
  welfareAssociation: 'caritas',
  street: 'Hauptstraße 1',
  postalCode: '70173',
  city: 'Stuttgart',
  email: 'unterkunft@caritas.example',
  phone: '0711 123456',
  ...over,
});

export const contractInput = (over: Record<string, unknown> = {}) => ({
  kind: 'contract',
  reference: 'V-2026-01',
  validFrom: '2026-01-01',
  validTo: null,
  rateBasis: 'person',
  includes: ['lodging', 'heating', 'cleaning'],
  noticeDays: 90,
  centsPerDay: 3_500,
  ...over,
});

export const facilityInput = (operatorId: string, over: Partial<TFacilityInput> = {}): TFacilityInput => ({
  operatorId,
  name: `Haus am Markt ${Math.random().toString(36).slice(2, 7)}`,
  street: 'Marktplatz 3',
  postalCode: '70173',
  city: 'Stuttgart',
  district: 'Mitte',
  provision: 'short_term',
  capacity: 20,
  socialService: true,
  nightService: true,
  protectionConcept: false,
  substanceTolerant: false,
  ...over,
});

export const roomInput = (label: string, over: Record<string, unknown> = {}) => ({
  label,
  sizeM2: 24,
  sex: 'any',
  family: true,
  wheelchair: false,
  stepFree: true,
  pets: false,
  singleRoom: false,
  places: 2,
  ...over,
});

/**
 * An operator with a contract and a facility in "Mitte" with a family room (2 places), a women's
 * room (1 place) and a single room (1 place); returns the ids and the facility detail.
 */
export async function placesFixture(c: Client, district = 'Mitte') {
  const op = await c.post('/api/v1/accommodation/operators', operatorInput());
  if (op.statusCode !== 201) throw new Error(op.body);
  const withContract = await c.post(`/api/v1/accommodation/operators/${op.json().id}/contracts`, contractInput());
  if (withContract.statusCode !== 201) throw new Error(withContract.body);
  const contractId: string = withContract.json().contracts[0].id;
  const f = await c.post('/api/v1/accommodation/facilities', facilityInput(op.json().id, { contractId, district }));
  if (f.statusCode !== 201) throw new Error(f.body);
  const facilityId: string = f.json().id;
  for (const room of [
    roomInput('A1'),
    roomInput('F1', { sex: 'female', family: false, places: 1, sizeM2: 12 }),
    roomInput('E1', { singleRoom: true, family: false, places: 1, sizeM2: 10 }),
  ]) {
    const r = await c.post(`/api/v1/accommodation/facilities/${facilityId}/rooms`, room);
    if (r.statusCode !== 201) throw new Error(r.body);
  }
  const detail = (await c.get(`/api/v1/accommodation/facilities/${facilityId}`)).json();
  const place = (room: string, n = 0): string => detail.rooms.find((r: { label: string }) => r.label === room).places[n].id;
  return { operatorId: op.json().id as string, contractId, facilityId, detail, place };
}
