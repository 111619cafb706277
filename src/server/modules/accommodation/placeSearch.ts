import type { TPlaceExclusion } from '../../../contracts/accommodationStays.js';
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

const norm = (s: string) => s.trim().toLocaleLowerCase('de');

/** Why the place does not fit the household on the day; empty when it fits. In a fixed order. */
export function exclusions(n: Needs, p: PlaceFacts): TPlaceExclusion[] {
  const out: TPlaceExclusion[] = [];
  if (p.facilityState === 'blocked') out.push('facility_blocked');
  if (p.blockedReason) out.push('place_blocked');
  if (p.occupiedSince) out.push('occupied');
  const nonFemale = n.sexes.some((s) => s !== 'female');
  const nonMale = n.sexes.some((s) => s !== 'male');
  if ((p.sex === 'female' && nonFemale) || (p.sex === 'male' && nonMale)) out.push('sex');
  if (n.children > 0 && !p.family) out.push('family');
  if (n.persons > 1 && p.singleRoom) out.push('single_room');
  if (n.wheelchair && !p.wheelchair) out.push('wheelchair');
  if (n.pets && !p.pets) out.push('pets');
  if (p.district && districtExcluded(n, p.district)) out.push('district_excluded');
  if (p.sizeM2 !== null && p.sizeM2 / Math.max(1, p.roomPlaces) < MIN_M2_PER_PERSON) out.push('room_too_small');
  return out;
}

/** Whether the household excludes the district (case-insensitively). */
export const districtExcluded = (n: Needs, district: string): boolean => n.excluded.some((d) => norm(d) === norm(district));

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
