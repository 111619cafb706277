import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { incidentStepService } from './incident-steps.service.js';
import { incidentService } from './incidents.service.js';
import { recoveryService } from './recovery.service.js';
import { tenancyService } from './tenancies.service.js';

/** The sustainment module's services, one per aggregate: tenancies, incidents and their steps, recovery. */
export function sustainmentService(db: Kysely<DB>) {
  return {
    tenancies: tenancyService(db),
    incidents: incidentService(db),
    incidentSteps: incidentStepService(db),
    recovery: recoveryService(db),
  };
}
export type SustainmentService = ReturnType<typeof sustainmentService>;

/** Sustainment's part of the start page (open incidents) and its work to hand over (tenancies). */
export { sustainmentDesk } from './desk.service.js';
