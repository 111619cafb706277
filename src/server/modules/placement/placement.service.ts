import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { conditionsService } from './conditions.service.js';
import { decisionService } from './decisions.service.js';
import { filesService } from './files.service.js';
import { meetingService } from './meetings.service.js';
import { offerService } from './offers.service.js';
import { shortlistService } from './shortlist.service.js';

/** The placement (WohnenPlus) module's services, one per aggregate: offers to tenancy. */
export function placementService(db: Kysely<DB>) {
  return {
    offers: offerService(db),
    conditions: conditionsService(db),
    shortlist: shortlistService(db),
    decisions: decisionService(db),
    files: filesService(db),
    meetings: meetingService(db),
  };
}
export type PlacementService = ReturnType<typeof placementService>;

/** Placement's part of the start page (offers waiting) and its work to hand over (offers). */
export { placementDesk } from './desk.service.js';
