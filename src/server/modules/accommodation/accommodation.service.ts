import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { checklistService } from './checklist.service.js';
import { inspectionsService } from './inspections.service.js';
import { placesService } from './places.service.js';
import { searchService } from './search.service.js';
import { staysService } from './stays.service.js';

/** Accommodation (Unterbringung): places (operators, contracts, facilities), the place search, and stays. */
export function accommodationService(db: Kysely<DB>) {
  return {
    places: placesService(db),
    search: searchService(db),
    stays: staysService(db),
    checklist: checklistService(db),
    inspections: inspectionsService(db),
  };
}
export type AccommodationService = ReturnType<typeof accommodationService>;
