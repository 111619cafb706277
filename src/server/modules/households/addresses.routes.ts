import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../../contracts/common.js';
import { ZAddressCreate, ZAddressHistory, ZAddressParams, ZAddressUpdate } from '../../../contracts/householdAddresses.js';
import { ctxOf } from '../../platform/auth/guard.js';
import type { AddressService } from './addresses.service.js';

const tags = ['Haushalte'];
const ZChanged = ZAddressHistory.extend({ id: ZAddressParams.shape.subId });

/** The address and whereabouts history of a household. */
export function addressRoutes(app: FastifyInstance, svc: AddressService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/households/districts',
    {
      config: { access: 'household.list' },
      schema: {
        tags,
        summary: 'Bezirke der Behörde (für Anschrift und Listenfilter)',
        response: { 200: z.object({ items: z.array(z.string()) }) },
      },
    },
    (req) => svc.districts(ctxOf(req)),
  );

  r.get(
    '/api/v1/households/:id/addresses',
    {
      config: { access: 'household.addresses' },
      schema: {
        tags,
        summary: 'Anschriften und Aufenthalte eines Haushalts (aktuelle und Verlauf)',
        params: ZIdParams,
        response: { 200: ZAddressHistory },
      },
    },
    (req) => svc.list(ctxOf(req), req.params.id),
  );

  r.post(
    '/api/v1/households/:id/addresses',
    {
      config: { access: 'household.addressWrite' },
      schema: {
        tags,
        summary: 'Umzug bzw. neuen Aufenthalt erfassen (ohne „bis“: wird aktuell, die bisherige endet am Vortag)',
        params: ZIdParams,
        body: ZAddressCreate,
        response: { 201: ZChanged },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.add(ctxOf(req), req.params.id, req.body)),
  );

  r.put(
    '/api/v1/households/:id/addresses/:subId',
    {
      config: { access: 'household.addressWrite' },
      schema: {
        tags,
        summary: 'Eintrag berichtigen (version: veraltete Stände → 412)',
        params: ZAddressParams,
        body: ZAddressUpdate,
        response: { 200: ZChanged },
      },
    },
    (req) => svc.correct(ctxOf(req), req.params.id, req.params.subId, req.body),
  );
}
