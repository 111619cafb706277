import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { z, type ZodType } from 'zod';
import { AppError } from '../errors/app-error.js';

/** Versions are PostgreSQL `integer` columns: a larger number names a version that cannot exist. */
export const MAX_VERSION = 2_147_483_647;

const ETAG = /^\s*(?:W\/)?"(\d+)"\s*$|^\s*(\d+)\s*$/;

const malformed = () =>
  new AppError('validation_failed', 'If-Match ist ungültig: erwartet wird eine Version aus dem ETag, z. B. "3".', {
    errors: [{ field: 'headers.if-match', code: 'invalid_format', message: 'Eine Version aus dem ETag, z. B. "3"' }],
  });
const noSuchVersion = () => new AppError('precondition_failed', 'Diese Version des Datensatzes gibt es nicht.');

/**
 * The version an If-Match header names (`"3"`, `W/"3"` or `3`); undefined without the header.
 * Anything else (a list, `*`, text, a negative number) is malformed → 400; a number past the
 * largest possible version names no version → 412.
 */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = ETAG.exec(Array.isArray(header) ? header.join(', ') : header);
  if (!m) throw malformed();
  const digits = (m[1] ?? m[2])!.replace(/^0+(?=\d)/, '');
  if (digits.length > 10 || Number(digits) > MAX_VERSION) throw noSuchVersion();
  return Number(digits);
}

/**
 * The one rule for every update: the expected version comes from If-Match or from the body's
 * `version` (either suffices; given both, they must agree). Neither → 428.
 */
export function expectedVersion(ifMatch: string | string[] | undefined, bodyVersion: number | undefined): number {
  const v = optionalVersion(ifMatch, bodyVersion);
  if (v === undefined) throw new AppError('precondition_required');
  return v;
}

/** Like expectedVersion, for the few updates that may also go through unconditionally (no version at all). */
export function optionalVersion(ifMatch: string | string[] | undefined, bodyVersion: number | undefined): number | undefined {
  const fromHeader = parseIfMatch(ifMatch);
  if (bodyVersion !== undefined && bodyVersion > MAX_VERSION) throw noSuchVersion();
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) throw new AppError('precondition_failed');
  return fromHeader ?? bodyVersion;
}

type VersionField = 'required' | 'optional' | null;

/** Whether a route's body schema has a top-level `version` field, and whether the schema requires it. */
export function versionField(schema: unknown): VersionField {
  if (!schema || typeof schema !== 'object' || !('_zod' in schema)) return null;
  let json: unknown;
  try {
    json = z.toJSONSchema(schema as ZodType, { io: 'input', unrepresentable: 'any' });
  } catch {
    return null;
  }
  const walk = (s: unknown): VersionField => {
    if (!s || typeof s !== 'object') return null;
    const o = s as { properties?: Record<string, unknown>; required?: string[]; allOf?: unknown[] };
    if (o.properties?.version) return o.required?.includes('version') ? 'required' : 'optional';
    for (const part of o.allOf ?? []) {
      const found = walk(part);
      if (found) return found;
    }
    return null;
  };
  return walk(json);
}

/**
 * Applies the rule to every route whose body carries a `version`: before validation, the version
 * from If-Match is written into the body (so the schema and the service see one number), a
 * malformed or impossible one is refused, and a required one missing from both is a 428.
 */
export function registerVersionRule(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const field = versionField(route.schema?.body);
    if (!field) return;
    const hook = async (req: FastifyRequest) => {
      // A body-less request (If-Match alone) gets a body that carries the version.
      if ((req.body === undefined || req.body === null) && req.headers['if-match'] !== undefined) req.body = {};
      const body = req.body;
      if (!body || typeof body !== 'object' || Array.isArray(body)) return;
      const given = (body as { version?: unknown }).version;
      // A version of the wrong type is the schema's to report (400 naming the field).
      if (given !== undefined && (typeof given !== 'number' || !Number.isInteger(given))) return;
      const v =
        field === 'required'
          ? expectedVersion(req.headers['if-match'], given as number | undefined)
          : optionalVersion(req.headers['if-match'], given as number | undefined);
      if (v !== undefined) (body as { version?: number }).version = v;
    };
    route.preValidation = [...[route.preValidation ?? []].flat(), hook];
  });
}

type JsonSchema = { type?: string; properties?: Record<string, unknown>; required?: string[]; allOf?: JsonSchema[] };

/**
 * The OpenAPI side of the same rule: a body's `version` is optional (If-Match may carry it instead)
 * and every such route documents the If-Match header.
 */
export function documentVersionRule<T extends { schema: object }>(out: T): T {
  const schema = out.schema as { body?: JsonSchema; headers?: JsonSchema };
  const body = schema.body;
  let found = false;
  const relax = (s: JsonSchema | undefined) => {
    if (!s || typeof s !== 'object') return;
    if (s.properties?.version) {
      found = true;
      if (s.required) s.required = s.required.filter((k) => k !== 'version');
    }
    s.allOf?.forEach(relax);
  };
  relax(body);
  if (!found) return out;
  const headers = schema.headers ?? { type: 'object', properties: {} };
  headers.properties = {
    'if-match': { type: 'string', description: 'Version aus dem ETag, z. B. "3" (statt oder zusammen mit version im Body)' },
    ...headers.properties,
  };
  return { ...out, schema: { ...out.schema, headers } };
}
