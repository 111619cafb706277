import type { TPlacementSettings } from '../../../contracts/admin.js';
import type { TRanking } from '../../../contracts/placement.js';
import { formatEuro } from '../../../contracts/format.js';
import { fitFor, maxOccupancy, type ConditionsRule } from './conditions.js';

/*
 * A ranking is stored compactly: per ranked household the facts its score was made of, per excluded
 * household its reasons as a bit mask, and once per ranking the basis (the offer's figures and the
 * programme conditions it was ranked under). The explanation texts are derived from these by the
 * functions below, both for the response to the ranking and on every later read, so what was shown
 * and what is reviewed later agree by construction — and storing a ranking costs a few kilobytes.
 */

export type Weights = TPlacementSettings['weights'];

export const WAITING_CAP_MONTHS = 36;
export const CHILDREN_CAP = 3;
export const EXCLUSION_CODES = [
  'space',
  'rent',
  'occupancy',
  'wheelchair',
  'step_free',
  'pets',
  'district_avoided',
  'active_candidacy',
] as const;

/** The offer's figures the ranking filtered and scored on. */
export interface RankOffer {
  id: string;
  district: string;
  livingSpace: number;
  rooms: number;
  coldRentCents: number;
  stepFree: boolean;
  wheelchair: boolean;
  petsAllowed: boolean;
  preferred: string[];
}

/** What a stored ranking was made under: the offer's figures and the programme conditions. */
export interface RankingBasis {
  offer: Omit<RankOffer, 'id'>;
  rules: ConditionsRule;
}

/** What the score and its explanation are built from, per household. */
export interface Facts {
  months: number;
  children: number;
  health: boolean;
  senior: boolean;
  prefers: boolean;
  hint_match: boolean;
}

/** How a tie with a neighbour was broken: none, by time homeless, by case reference. */
export const TIE = { none: 0, since: 1, reference: 2 } as const;

/**
 * A ranked household as stored, rank = position + 1:
 * [householdId, reference, persons, score in hundredths, months, children, fact bits, tie].
 * Fact bits: 1 health, 2 senior, 4 wished district, 8 the company's wish.
 */
export type StoredEntry = [string, string, number, number, number, number, number, number];
/** An excluded household as stored: [householdId, reference, persons, reason bits, offer reference of an open candidacy]. */
export type StoredExclusion = [string, string, number, number, string | null];

export const factBits = (f: Facts): number => (f.health ? 1 : 0) | (f.senior ? 2 : 0) | (f.prefers ? 4 : 0) | (f.hint_match ? 8 : 0);

/**
 * Points are kept in hundredths as whole numbers, rounded half up, so the sum shown is exactly the
 * score the order was made by.
 */
export const hundredths = (fraction: number, weight: number) => Math.floor(fraction * weight * 100 + 0.5);

/** Points per criterion in hundredths: waiting, children, health, age, district, hints. */
export function hundredthsOf(r: Facts, w: Weights): number[] {
  return [
    hundredths(Math.min(WAITING_CAP_MONTHS, r.months) / WAITING_CAP_MONTHS, w.waiting),
    hundredths(Math.min(CHILDREN_CAP, r.children) / CHILDREN_CAP, w.children),
    hundredths(r.health ? 1 : 0, w.health),
    hundredths(r.senior ? 1 : 0, w.age),
    hundredths(r.prefers ? 1 : 0, w.district),
    hundredths(r.hint_match ? 1 : 0, w.hints),
  ];
}

/** The score parts of one household, each with its value, weight and points. */
export function criteriaOf(r: Facts, w: Weights, offer: Pick<RankOffer, 'district' | 'preferred'>) {
  const [waiting, children, health, age, district, hints] = hundredthsOf(r, w).map((h) => h / 100) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return [
    {
      code: 'waiting',
      label: 'Dauer der Wohnungslosigkeit',
      value: `${r.months} Monate${r.months > WAITING_CAP_MONTHS ? ` (gezählt: ${WAITING_CAP_MONTHS})` : ''}`,
      weight: w.waiting,
      points: waiting,
    },
    {
      code: 'children',
      label: 'Kinder im Haushalt',
      value: `${r.children}${r.children > CHILDREN_CAP ? ` (gezählt: ${CHILDREN_CAP})` : ''}`,
      weight: w.children,
      points: children,
    },
    { code: 'health', label: 'Gesundheitliche Einschränkung', value: r.health ? 'ja' : 'nein', weight: w.health, points: health },
    { code: 'age', label: 'Person ab 65 Jahren', value: r.senior ? 'ja' : 'nein', weight: w.age, points: age },
    { code: 'district', label: `Wunschbezirk ${offer.district}`, value: r.prefers ? 'ja' : 'nein', weight: w.district, points: district },
    {
      code: 'hints',
      label: 'Wunsch des Wohnungsunternehmens',
      value: offer.preferred.length === 0 ? 'keine Vorgabe' : r.hint_match ? 'passt' : 'passt nicht',
      weight: w.hints,
      points: hints,
    },
  ];
}

const DE_NUMBER = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
export const de = (n: number) => DE_NUMBER.format(n);

export function exclusionText(
  code: string,
  persons: number,
  offer: RankingBasis['offer'],
  rules: ConditionsRule,
  busyRef: string | null,
): string {
  const fit = fitFor(rules, offer, persons);
  const p = `${persons} ${persons === 1 ? 'Person' : 'Personen'}`;
  switch (code) {
    case 'space':
      return `Wohnfläche ${de(offer.livingSpace)} m² über dem Richtwert für ${p} (${de(fit.spaceLimitSqm)} m²)`;
    case 'rent':
      return `Kaltmiete ${formatEuro(offer.coldRentCents)} über der Obergrenze für ${p} (${formatEuro(fit.rentCapCents)})`;
    case 'occupancy':
      return `${de(offer.rooms)} Zimmer reichen für höchstens ${maxOccupancy(offer.rooms)} Personen, der Haushalt hat ${persons}`;
    case 'wheelchair':
      return 'Braucht eine rollstuhlgerechte Wohnung';
    case 'step_free':
      return 'Braucht einen stufenlosen Zugang';
    case 'pets':
      return 'Hat Haustiere, die hier nicht erlaubt sind';
    case 'district_avoided':
      return `Soll den Bezirk ${offer.district} meiden`;
    case 'active_candidacy':
      return `Bereits Kandidat für Angebot ${busyRef ?? ''}`.trim();
    default:
      return code;
  }
}

/** The explained entries of a stored ranking from position `offset` on; names from `names` (household id → name). */
export function explainEntries(
  stored: readonly StoredEntry[],
  basis: RankingBasis,
  w: Weights,
  names: ReadonlyMap<string, string>,
  offset = 0,
): TRanking['entries'] {
  return stored.map(([householdId, reference, persons, score, months, children, bits, tie], i) => {
    const facts = {
      months,
      children,
      health: (bits & 1) !== 0,
      senior: (bits & 2) !== 0,
      prefers: (bits & 4) !== 0,
      hint_match: (bits & 8) !== 0,
    };
    const points = score / 100;
    const tieBreak =
      tie === TIE.since
        ? `Gleichstand bei ${de(points)} Punkten: wer länger wohnungslos ist, steht vorn`
        : tie === TIE.reference
          ? `Gleichstand bei ${de(points)} Punkten und gleicher Dauer: Reihenfolge nach Aktenzeichen`
          : null;
    return {
      rank: offset + i + 1,
      householdId,
      reference,
      name: names.get(householdId) ?? '',
      persons,
      score: points,
      criteria: criteriaOf(facts, w, basis.offer),
      tieBreak,
    };
  });
}

/** The explained exclusions of a stored ranking: every reason with its figures. */
export function explainExclusions(
  stored: readonly StoredExclusion[],
  basis: RankingBasis,
  names: ReadonlyMap<string, string>,
): TRanking['exclusions'] {
  return stored.map(([householdId, reference, persons, mask, busyRef]) => ({
    householdId,
    reference,
    name: names.get(householdId) ?? '',
    reasons: EXCLUSION_CODES.filter((_, b) => (mask & (1 << b)) !== 0).map((code) => ({
      code,
      text: exclusionText(code, persons, basis.offer, basis.rules, busyRef),
    })),
  }));
}
