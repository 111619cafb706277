import type { Kysely } from 'kysely';
import { inAgency } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import type { Keyring } from '../keys/keyring.js';
import { sealedWith } from '../keys/secret-box.js';
import { allAgencyIds, authRepository } from './auth.repository.js';
import { openTotpSecret, sealTotpSecret } from './totp.js';

/**
 * Run as the owner right after the migrations (`start`, `migrate`, `seed`), where the key is at
 * hand — a migration never sees it: encrypts every TOTP secret still stored in clear (from before
 * encryption at rest) and re-encrypts those sealed with an older key under the current one.
 * Idempotent; returns how many secrets it rewrote.
 */
export async function resealTotpSecrets(owner: Kysely<DB>, keys: Keyring): Promise<number> {
  let rewritten = 0;
  for (const agencyId of await allAgencyIds(owner)) {
    rewritten += await inAgency(owner, agencyId, async (tx) => {
      const repo = authRepository(tx, agencyId);
      let n = 0;
      for (const u of await repo.storedTotpSecrets()) {
        const stored = u.totp_secret!;
        const keyId = sealedWith(stored);
        if (keyId === keys.currentId) continue;
        const clear = keyId === null ? stored : openTotpSecret(keys, stored, u.id);
        await repo.setTotpSecret(u.id, sealTotpSecret(keys, clear, u.id));
        n += 1;
      }
      return n;
    });
  }
  return rewritten;
}
