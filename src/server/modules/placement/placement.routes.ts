import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { candidateRoutes } from './candidates.routes.js';
import { conditionsService } from './conditions.service.js';
import { decisionService } from './decisions.service.js';
import { filesService } from './files.service.js';
import { meetingService } from './meetings.service.js';
import { offerRoutes } from './offers.routes.js';
import { offerService } from './offers.service.js';
import { shortlistService } from './shortlist.service.js';

/** The placement (WohnenPlus) module: offers to tenancy, for office staff and housing companies. */
export function placementRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const services = {
    offers: offerService(db),
    conditions: conditionsService(db),
    shortlist: shortlistService(db),
    decisions: decisionService(db),
    files: filesService(db),
    meetings: meetingService(db),
  };
  offerRoutes(app, services);
  candidateRoutes(app, services);
}
