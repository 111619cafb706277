import crypto from 'node:crypto';
import type { Tx } from '../../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Ctx } from './context.js';
import { claimedKey, claimKey, storeResponse } from './idempotency.repository.js';

export interface Created<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * Honours an Idempotency-Key on a creating POST, inside the creating transaction: the first request
 * claims the key (a concurrent one with the same key waits on that row), stores its response, and
 * every replay gets the same response without creating anything again.
 */
export async function idempotent<T>(
  tx: Tx,
  ctx: Ctx,
  key: string | undefined,
  request: unknown,
  create: () => Promise<T>,
  status = 201,
): Promise<Created<T>> {
  if (!key) return { status, body: await create(), replayed: false };
  if (key.length > 200)
    throw new AppError('validation_failed', 'Idempotency-Key ist zu lang.', {
      errors: [{ field: 'Idempotency-Key', code: 'too_big', message: 'Höchstens 200 Zeichen' }],
    });
  const requestHash = crypto
    .createHash('sha256')
    .update(JSON.stringify(request ?? null))
    .digest('hex');
  const owner = { agencyId: ctx.actor.agencyId, userId: ctx.actor.userId, key };
  if (!(await claimKey(tx, owner, requestHash))) {
    const prior = await claimedKey(tx, owner);
    if (prior.request_hash !== requestHash) throw new AppError('idempotency_mismatch');
    if (prior.status_code === null) throw new AppError('conflict', 'Die Anfrage mit diesem Idempotency-Key läuft noch.');
    return { status: prior.status_code, body: prior.response as T, replayed: true };
  }
  const body = await create();
  await storeResponse(tx, owner, status, body);
  return { status, body, replayed: false };
}

export const etag = (version: number): string => `"${version}"`;

type Reply = { header: (k: string, v: string) => unknown };

/** Headers of a created resource: its ETag, Location and, on a replayed Idempotency-Key, the replay header. */
export function created<T extends { version: number }>(reply: Reply, res: Created<T>, location?: string): T {
  if (res.replayed) reply.header('Idempotent-Replayed', 'true');
  if (location) reply.header('Location', location);
  reply.header('ETag', etag(res.body.version));
  return res.body;
}

/** Sets the ETag of a versioned resource and returns it, for a route's answer. */
export const withEtag = <T extends { version: number }>(reply: Reply, o: T): T => (reply.header('ETag', etag(o.version)), o);
