import type { Tx } from '../../db/database.js';

/* Every statement on the idempotency_keys table; the logic is in idempotency.ts. */

export interface KeyOwner {
  agencyId: string;
  userId: string;
  key: string;
}

/** Claims a key for a request (response still empty); false when the key is already taken. */
export async function claimKey(tx: Tx, k: KeyOwner, requestHash: string): Promise<boolean> {
  const claimed = await tx
    .insertInto('idempotency_keys')
    .values({ agency_id: k.agencyId, user_id: k.userId, key: k.key, request_hash: requestHash, status_code: null, response: null })
    .onConflict((oc) => oc.doNothing())
    .returning('key')
    .executeTakeFirst();
  return !!claimed;
}

/** The request and stored response of a claimed key (null while its request still runs). */
export function claimedKey(tx: Tx, k: KeyOwner) {
  return tx
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response'])
    .where('agency_id', '=', k.agencyId)
    .where('user_id', '=', k.userId)
    .where('key', '=', k.key)
    .executeTakeFirstOrThrow();
}

/** Stores the response of the request that claimed the key, for its replays. */
export async function storeResponse(tx: Tx, k: KeyOwner, status: number, body: unknown): Promise<void> {
  await tx
    .updateTable('idempotency_keys')
    .set({ status_code: status, response: JSON.stringify(body) })
    .where('agency_id', '=', k.agencyId)
    .where('user_id', '=', k.userId)
    .where('key', '=', k.key)
    .execute();
}
