import type { DeskContribution } from '../../platform/desk/desk.contribution.js';
import { accommodationDesk } from '../accommodation/portal.service.js';
import { aftercareDesk } from '../aftercare/aftercare.service.js';
import { householdDesk } from '../households/households.service.js';
import { placementDesk } from '../placement/placement.service.js';
import { preventionDesk } from '../prevention/prevention.service.js';
import { sustainmentDesk } from '../sustainment/sustainment.service.js';

/**
 * The modules on the start page, in the order their sections appear. A new module (accommodation)
 * exports a `DeskContribution` from its service and is added here; the start page stays as it is.
 */
export const DESK_CONTRIBUTIONS: readonly DeskContribution[] = [
  preventionDesk,
  placementDesk,
  sustainmentDesk,
  aftercareDesk,
  accommodationDesk,
  householdDesk,
];
