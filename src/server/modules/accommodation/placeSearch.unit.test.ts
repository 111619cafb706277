import { describe, expect, it } from 'vitest';
import { exclusions, explain, wished, type Needs, type PlaceFacts } from './placeSearch.js';

const needs = (over: Partial<Needs> = {}): Needs => ({
  persons: 1,
  children: 0,
  sexes: ['female'],
  wheelchair: false,
  pets: false,
  wanted: [],
  excluded: [],
  ...over,
});
const place = (over: Partial<PlaceFacts> = {}): PlaceFacts => ({
  facilityState: 'admitted',
  district: 'Mitte',
  blockedReason: null,
  occupiedSince: null,
  sizeM2: 20,
  roomPlaces: 2,
  sex: 'any',
  family: false,
  wheelchair: false,
  pets: false,
  singleRoom: false,
  ...over,
});

describe('place search reasons', () => {
  it('lets a free place that fits through with no reason', () => {
    expect(exclusions(needs(), place())).toEqual([]);
    expect(exclusions(needs({ sexes: ['female'] }), place({ sex: 'female', singleRoom: true }))).toEqual([]);
  });

  it('gives every reason in a fixed order, each with its words', () => {
    const n = needs({ persons: 3, children: 1, sexes: ['female', 'male'], wheelchair: true, pets: true, excluded: ['mitte'] });
    const p = place({
      facilityState: 'blocked',
      blockedReason: 'Wasserschaden',
      occupiedSince: '2026-10-01',
      sex: 'female',
      singleRoom: true,
      sizeM2: 12,
    });
    const reasons = exclusions(n, p);
    expect(reasons).toEqual([
      'facility_blocked',
      'place_blocked',
      'occupied',
      'sex',
      'family',
      'single_room',
      'wheelchair',
      'pets',
      'district_excluded',
      'room_too_small',
    ]);
    const words = explain(reasons, n, { ...p, blockedNote: 'Brandschutz' });
    expect(words).toEqual([
      'Die Unterkunft ist für Neubelegungen gesperrt: Brandschutz',
      'Der Platz ist gesperrt: Wasserschaden',
      'Der Platz ist belegt (seit 01.10.2026).',
      'Der Raum ist nur für Frauen; im Haushalt sind nicht nur Frauen.',
      'Im Haushalt leben 1 Kind; der Raum ist nicht für Familien geeignet.',
      'Ein Einzelzimmer für einen Haushalt mit 3 Personen.',
      'Der Haushalt braucht einen rollstuhlgerechten Platz; dieser ist es nicht.',
      'Der Haushalt hat ein Haustier; Haustiere sind in diesem Raum nicht erlaubt.',
      'Der Bezirk Mitte ist für den Haushalt ausgeschlossen.',
      'Weniger als 9 m² je Platz (12 m² für 2 Plätze).',
    ]);
  });

  it('applies the men-only rule to anyone not male, and floor space per place from 9 m²', () => {
    expect(exclusions(needs({ sexes: ['male', 'diverse'] }), place({ sex: 'male' }))).toEqual(['sex']);
    expect(exclusions(needs({ sexes: ['male'] }), place({ sex: 'male', sizeM2: 18, roomPlaces: 2 }))).toEqual([]);
    expect(exclusions(needs(), place({ sizeM2: null }))).toEqual([]);
  });

  it('marks wished districts case-insensitively; no wishes, nothing wished', () => {
    expect(wished(needs({ wanted: ['mitte'] }), 'Mitte')).toBe(true);
    expect(wished(needs(), 'Mitte')).toBe(false);
    expect(wished(needs({ wanted: ['Mitte'] }), null)).toBe(false);
  });
});
