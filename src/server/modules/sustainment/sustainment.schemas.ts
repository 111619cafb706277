import { z } from 'zod';
import { ZId } from '../../../contracts/common.js';

/** Route-level schemas of sustainment; request and response bodies live in src/contracts/sustainment.ts. */
export const ZIdem = z.object({
  'idempotency-key': z.string().max(200).optional().describe('Wiederholte Anfragen mit demselben Schlüssel legen nur einen Datensatz an'),
});
export const ZIfMatch = z.object({ 'if-match': z.string().optional().describe('Version aus dem ETag, z. B. "3"') });
export const ZSubParams = z.object({ id: ZId, subId: ZId });
export const tenancyTags = ['Mietverhältnisse (Sicherung)'];
export const incidentTags = ['Mietausfall und Konfliktfall'];
