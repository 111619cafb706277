import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { occupancyService } from './occupancy.service.js';
import { checklistService } from './checklist.service.js';
import { inspectionsService } from './inspections.service.js';
import { placesService } from './places.service.js';
import { portalService } from './portal.service.js';
import { searchService } from './search.service.js';
import { staysService } from './stays.service.js';

/** Accommodation (Unterbringung): places (operators, contracts, facilities), the place search, stays and the occupancy board. */
export function accommodationService(db: Kysely<DB>) {
  const stays = staysService(db);
  return {
    places: placesService(db),
    search: searchService(db),
    stays,
    portal: portalService(db, stays),
    occupancy: occupancyService(db),
    checklist: checklistService(db),
    inspections: inspectionsService(db),
  };
}
export type AccommodationService = ReturnType<typeof accommodationService>;
