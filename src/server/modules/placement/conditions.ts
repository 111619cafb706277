import type { TOfferCheck } from '../../../contracts/placement.js';
import { formatEuro } from '../../../contracts/format.js';
import type { Selectable } from 'kysely';
import type { ProgrammeConditionsTable } from '../../db/types.js';

/*
 * Programme conditions, pure: which household sizes a flat suits under one version of the rules.
 * - Rent ceiling: the cold rent must not exceed the cap for the household size (the table's last
 *   size plus a fixed amount per further person).
 * - Floor-space guide: the flat must not be larger than the guide for the household size
 *   (base for one person plus a fixed area per further person), so the rent stays appropriate.
 * - Occupancy: no more than two persons per room, so the flat is not overcrowded.
 * - Required equipment: every listed item must be present.
 */

export interface ConditionsRule {
  id: string;
  validFrom: string;
  rentCaps: { persons: number; maxColdRentCents: number }[];
  extraPersonCents: number;
  spaceBaseSqm: number;
  spacePerPersonSqm: number;
  requiredEquipment: string[];
}

export interface Flat {
  livingSpace: number;
  rooms: number;
  coldRentCents: number;
  equipment: string[];
}

/** Household sizes shown in a check; the ranking evaluates any size. */
export const CHECK_SIZES = 8;

export const EQUIPMENT_LABELS: Record<string, string> = {
  kitchen_fitted: 'Einbauküche',
  balcony: 'Balkon',
  cellar: 'Keller',
  bathtub: 'Badewanne',
  shower: 'Dusche',
  washing_machine_connection: 'Waschmaschinenanschluss',
  floor_covering: 'Bodenbelag',
  garden: 'Garten',
  parking: 'Stellplatz',
};

export function rentCap(c: ConditionsRule, persons: number): number {
  const caps = [...c.rentCaps].sort((a, b) => a.persons - b.persons);
  const exact = caps.find((r) => r.persons === persons);
  if (exact) return exact.maxColdRentCents;
  const below = caps.filter((r) => r.persons < persons).at(-1);
  if (!below) return caps[0]!.maxColdRentCents;
  return below.maxColdRentCents + (persons - below.persons) * c.extraPersonCents;
}

export const spaceLimit = (c: ConditionsRule, persons: number): number => c.spaceBaseSqm + c.spacePerPersonSqm * (persons - 1);
export const maxOccupancy = (rooms: number): number => Math.floor(rooms * 2);

export function fitFor(c: ConditionsRule, flat: Omit<Flat, 'equipment'>, persons: number) {
  const spaceLimitSqm = spaceLimit(c, persons);
  const rentCapCents = rentCap(c, persons);
  const spaceOk = flat.livingSpace <= spaceLimitSqm;
  const rentOk = flat.coldRentCents <= rentCapCents;
  const occupancyOk = persons <= maxOccupancy(flat.rooms);
  return { persons, spaceLimitSqm, spaceOk, rentCapCents, rentOk, occupancyOk, fits: spaceOk && rentOk && occupancyOk };
}

const DE_NUMBER = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const sqm = (n: number) => `${DE_NUMBER.format(n)} m²`;
const range = (xs: number[]) => (xs.length === 0 ? 'keine' : xs.length === 1 ? `${xs[0]}` : `${xs[0]}–${xs.at(-1)}`);

/** Checks a flat against one version of the conditions; every item carries its figures. */
export function checkOffer(c: ConditionsRule, flat: Flat, checkedAt: Date): TOfferCheck {
  const bySize = Array.from({ length: CHECK_SIZES }, (_, i) => fitFor(c, flat, i + 1));
  const missing = c.requiredEquipment.filter((e) => !flat.equipment.includes(e));
  const suitablePersons = missing.length ? [] : bySize.filter((f) => f.fits).map((f) => f.persons);
  const rentSizes = bySize.filter((f) => f.rentOk).map((f) => f.persons);
  const spaceSizes = bySize.filter((f) => f.spaceOk).map((f) => f.persons);
  const occSizes = bySize.filter((f) => f.occupancyOk).map((f) => f.persons);
  const bothOk = bySize.filter((f) => f.fits).map((f) => f.persons);
  const items: TOfferCheck['items'] = [
    {
      code: 'rent_ceiling',
      met: rentSizes.length > 0,
      text: rentSizes.length
        ? `Kaltmiete ${formatEuro(flat.coldRentCents)} liegt für ${range(rentSizes)} Personen unter der Obergrenze (z. B. ${formatEuro(rentCap(c, rentSizes[0]!))} für ${rentSizes[0]} ${rentSizes[0] === 1 ? 'Person' : 'Personen'}).`
        : `Kaltmiete ${formatEuro(flat.coldRentCents)} übersteigt jede Obergrenze (höchste: ${formatEuro(rentCap(c, CHECK_SIZES))} für ${CHECK_SIZES} Personen).`,
    },
    {
      code: 'space',
      met: spaceSizes.length > 0,
      text: spaceSizes.length
        ? `Wohnfläche ${sqm(flat.livingSpace)} ist angemessen ab ${spaceSizes[0]} ${spaceSizes[0] === 1 ? 'Person' : 'Personen'} (Richtwert ${sqm(spaceLimit(c, spaceSizes[0]!))}).`
        : `Wohnfläche ${sqm(flat.livingSpace)} übersteigt den Richtwert für ${CHECK_SIZES} Personen (${sqm(spaceLimit(c, CHECK_SIZES))}).`,
    },
    {
      code: 'occupancy',
      met: occSizes.length > 0,
      text: `${DE_NUMBER.format(flat.rooms)} Zimmer reichen für höchstens ${maxOccupancy(flat.rooms)} Personen.`,
    },
    {
      code: 'size_match',
      met: bothOk.length > 0,
      text: bothOk.length
        ? `Miete, Fläche und Belegung passen zusammen für Haushalte mit ${range(bothOk)} Personen.`
        : 'Es gibt keine Haushaltsgröße, für die Miete, Fläche und Belegung zugleich passen.',
    },
    ...c.requiredEquipment.map((e) => ({
      code: `equipment:${e}`,
      met: flat.equipment.includes(e),
      text: `Pflichtausstattung ${EQUIPMENT_LABELS[e] ?? e}: ${flat.equipment.includes(e) ? 'vorhanden' : 'fehlt'}.`,
    })),
  ];
  return {
    conditionsId: c.id,
    validFrom: c.validFrom,
    eligible: suitablePersons.length > 0,
    suitablePersons,
    items,
    bySize,
    checkedAt: checkedAt.toISOString(),
  };
}

/** The reasons an ineligible offer is declined with, for the provider. */
export function declineText(check: TOfferCheck): string {
  return check.items
    .filter((i) => !i.met)
    .map((i) => i.text)
    .join(' ');
}

/** A stored version of the programme conditions as the rules below read it. */
export function toRule(r: Selectable<ProgrammeConditionsTable>): ConditionsRule {
  return {
    id: r.id,
    validFrom: r.valid_from,
    rentCaps: r.rent_caps,
    extraPersonCents: r.extra_person_cents,
    spaceBaseSqm: Number(r.space_base_sqm),
    spacePerPersonSqm: Number(r.space_per_person_sqm),
    requiredEquipment: r.required_equipment,
  };
}
