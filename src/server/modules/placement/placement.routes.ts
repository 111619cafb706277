import type { FastifyInstance } from 'fastify';
import { candidateRoutes } from './candidates.routes.js';
import { offerRoutes } from './offers.routes.js';
import type { PlacementService } from './placement.service.js';

/** The placement (WohnenPlus) module: offers to tenancy, for office staff and housing companies. */
export function placementRoutes(app: FastifyInstance, services: PlacementService): void {
  offerRoutes(app, services);
  candidateRoutes(app, services);
}
