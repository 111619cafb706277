import { PLACE_EXCLUSIONS, type TPlaceExclusion } from '../../../contracts/accommodationStays.js';
import { formatGermanDate } from '../../../contracts/format.js';

/*
 * The place search by needs, as pure functions: per place the reasons it cannot be given to the
 * household on the day (none = it fits), and the words for them — the same explained style as the
 * placement ranking, so what staff read is exactly what the search decided on.
 */

/** Floor space per person below which a room counts as too small (case law cites about 9 m²). */
export const MIN_M2_PER_PERSON = 9;

export interface Needs {
  persons: number;
  children: number;
  /** The members' genders (female, male, diverse, unspecified). */
  sexes: string[];
  wheelchair: boolean;
  pets: boolean;
  wanted: string[];
  excluded: string[];
}

export interface PlaceFacts {
  facilityState: string;
  district: string | null;
  blockedReason: string | null;
  /** The assignment holding the place on the day, if any (its start day). */
  occupiedSince: string | null;
  sizeM2: number | null;
  /** Places in the room (for floor space per person). */
  roomPlaces: number;
  sex: string;
  family: boolean;
  wheelchair: boolean;
  pets: boolean;
  singleRoom: boolean;
}

export const norm = (s: string) => s.trim().toLocaleLowerCase('de');

/** The needs as the rules compare them, worked out once per search (not once per place). */
export interface PreparedNeeds {
  nonFemale: boolean;
  nonMale: boolean;
  children: boolean;
  several: boolean;
  wheelchair: boolean;
  pets: boolean;
  /** The excluded districts, normalised (norm). */
  excluded: ReadonlySet<string>;
}

export const prepare = (n: Needs): PreparedNeeds => ({
  nonFemale: n.sexes.some((s) => s !== 'female'),
  nonMale: n.sexes.some((s) => s !== 'male'),
  children: n.children > 0,
  several: n.persons > 1,
  wheelchair: n.wheelchair,
  pets: n.pets,
  excluded: new Set(n.excluded.map(norm)),
});

const bit = (r: TPlaceExclusion) => 1 << PLACE_EXCLUSIONS.indexOf(r);

/**
 * Why the place does not fit, as a bit set (bit i = PLACE_EXCLUSIONS[i]; 0 = it fits): the search
 * runs this over every place of the agency, so it allocates nothing. `districtKey` is the place's
 * district normalised (norm), passed in by a caller that keeps it.
 */
export function reasonBits(n: PreparedNeeds, p: PlaceFacts, districtKey = p.district ? norm(p.district) : null): number {
  let m = 0;
  if (p.facilityState === 'blocked') m |= bit('facility_blocked');
  if (p.blockedReason) m |= bit('place_blocked');
  if (p.occupiedSince) m |= bit('occupied');
  if ((p.sex === 'female' && n.nonFemale) || (p.sex === 'male' && n.nonMale)) m |= bit('sex');
  if (n.children && !p.family) m |= bit('family');
  if (n.several && p.singleRoom) m |= bit('single_room');
  if (n.wheelchair && !p.wheelchair) m |= bit('wheelchair');
  if (n.pets && !p.pets) m |= bit('pets');
  if (districtKey !== null && n.excluded.has(districtKey)) m |= bit('district_excluded');
  if (p.sizeM2 !== null && p.sizeM2 / Math.max(1, p.roomPlaces) < MIN_M2_PER_PERSON) m |= bit('room_too_small');
  return m;
}

/** The reasons of a bit set, in the fixed order of PLACE_EXCLUSIONS. */
export const reasonsOf = (bits: number): TPlaceExclusion[] => PLACE_EXCLUSIONS.filter((_, i) => bits & (1 << i));

/** Why the place does not fit the household on the day; empty when it fits. In a fixed order. */
export const exclusions = (n: Needs, p: PlaceFacts): TPlaceExclusion[] => reasonsOf(reasonBits(prepare(n), p));

/** Whether the place is in one of the wished districts (no wishes: none is "wished"). */
export const wished = (n: Needs, district: string | null): boolean => !!district && n.wanted.some((d) => norm(d) === norm(district));

/** The reasons in German words, with the facts they rest on. */
export function explain(reasons: readonly TPlaceExclusion[], n: Needs, p: PlaceFacts & { blockedNote?: string | null }): string[] {
  return reasons.map((r) => {
    switch (r) {
      case 'facility_blocked':
        return `Die Unterkunft ist für Neubelegungen gesperrt${p.blockedNote ? `: ${p.blockedNote}` : '.'}`;
      case 'place_blocked':
        return `Der Platz ist gesperrt: ${p.blockedReason}`;
      case 'occupied':
        return `Der Platz ist belegt (seit ${formatGermanDate(p.occupiedSince!)}).`;
      case 'sex':
        return p.sex === 'female'
          ? 'Der Raum ist nur für Frauen; im Haushalt sind nicht nur Frauen.'
          : 'Der Raum ist nur für Männer; im Haushalt sind nicht nur Männer.';
      case 'family':
        return `Im Haushalt leben ${n.children} ${n.children === 1 ? 'Kind' : 'Kinder'}; der Raum ist nicht für Familien geeignet.`;
      case 'single_room':
        return `Ein Einzelzimmer für einen Haushalt mit ${n.persons} Personen.`;
      case 'wheelchair':
        return 'Der Haushalt braucht einen rollstuhlgerechten Platz; dieser ist es nicht.';
      case 'pets':
        return 'Der Haushalt hat ein Haustier; Haustiere sind in diesem Raum nicht erlaubt.';
      case 'district_excluded':
        return `Der Bezirk ${p.district} ist für den Haushalt ausgeschlossen.`;
      case 'room_too_small':
        return `Weniger als ${MIN_M2_PER_PERSON} m² je Platz (${p.sizeM2} m² für ${p.roomPlaces} Plätze).`;
    }
  });
}
