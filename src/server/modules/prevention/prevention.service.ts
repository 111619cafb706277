import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { caseService } from './cases.service.js';
import { measureService } from './measures.service.js';
import { visitService } from './visits.service.js';
import { workService } from './work.service.js';

/** The prevention module's services, one per aggregate: cases, contact work, measures, home visits. */
export function preventionService(db: Kysely<DB>) {
  return { cases: caseService(db), work: workService(db), measures: measureService(db), visits: visitService(db) };
}
export type PreventionService = ReturnType<typeof preventionService>;

/** Prevention's part of the start page (new notices) and its work to hand over (cases). */
export { preventionDesk } from './desk.service.js';
