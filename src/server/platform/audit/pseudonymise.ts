import crypto from 'node:crypto';
import type { Tx } from '../../db/database.js';
import type { Keyring } from '../keys/keyring.js';
import { AUDIT_KINDS, type AuditAction } from './audit.js';
import { pseudoLinkHash } from './chain.js';
import { auditPseudonymRepository } from './pseudonym.repository.js';

/*
 * The audit trail's own retention (issue 18): after its period an event keeps what happened, when,
 * in which role, on which kind of record and with what outcome, but no longer says who did it or
 * whom it was about. Actor, subject and every UUID in the details become keyed pseudonyms (the
 * same person or record always gets the same pseudonym under one key, so patterns stay visible;
 * only the key outside the database could link them back — Art. 4 No. 5 DSGVO), the IP address is
 * removed and free strings of the details are replaced. The event keeps its link hash, so the
 * chain and every checkpoint still verify; its new text is sealed by a second HMAC over that hash
 * (pseudoLinkHash, checked by verifyChain). See migration 2026-12-10T15-00_audit_retention.
 */

/** Audit events that record only a look at data (or a sign-in), not a change: they get the shorter period. */
const READ_SUFFIX =
  /\.(?:[a-z_]+_)?(list|read|log|timeline|programmes|file|addresses|figures|targets|breakdowns|workload|cases|city|city_average|queue|report|download|export|verify|transfers|workers|search|match|records|run|runs)$/;
/** Matched by the pattern but a change: an incident report is recorded by the provider. */
const NOT_READS = new Set<string>(['incident.report']);
const SIGN_INS = new Set<string>(['auth.login', 'auth.logout', 'auth.sso_login']);

export const isReadAction = (action: string) => SIGN_INS.has(action) || (READ_SUFFIX.test(action) && !NOT_READS.has(action));

export const READ_ACTIONS: readonly AuditAction[] = (Object.keys(AUDIT_KINDS) as AuditAction[]).filter(isReadAction);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Strings that name nobody: identifiers (snake_case, dotted), dates and times, numbers. */
const HARMLESS = /^(?:[a-z][a-z0-9_.]*|\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?|-?\d+(?:\.\d+)?)$/;
export const PSEUDONYMISED = 'pseudonymisiert';

/** The pseudonym of a reference (user id, record id, any subject key): a version-8 UUID from an HMAC under the key. */
export function pseudonymOf(keys: Keyring, keyId: string, value: string): string {
  const h = crypto.createHmac('sha256', keys.keyFor('audit-pseudonym', keyId)).update(value.toLowerCase()).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Details with every UUID pseudonymised and every free string replaced; keys, numbers, flags and identifiers stay. */
export function pseudonymiseDetails(keys: Keyring, keyId: string, v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => pseudonymiseDetails(keys, keyId, x));
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, pseudonymiseDetails(keys, keyId, x)]));
  if (typeof v === 'string') return UUID.test(v) ? pseudonymOf(keys, keyId, v) : HARMLESS.test(v) ? v : PSEUDONYMISED;
  return v;
}

export interface AuditRetentionCut {
  /** Reads and sign-ins before this are pseudonymised. */
  readsBefore: Date;
  /** Every other event before this is pseudonymised. */
  othersBefore: Date;
}

const BATCH = 2_000;

/** Pseudonymises the transaction's agency's sealed events older than the cut; answers how many. */
export async function pseudonymiseAudit(tx: Tx, keys: Keyring, cut: AuditRetentionCut): Promise<number> {
  const repo = auditPseudonymRepository(tx);
  const keyId = keys.currentId;
  let done = 0;
  for (;;) {
    const rows = await repo.due(READ_ACTIONS, cut.readsBefore, cut.othersBefore, BATCH);
    if (!rows.length) break;
    const texts = await repo.apply(
      rows.map((r) => Number(r.id)),
      rows.map((r) => (r.actor_id ? pseudonymOf(keys, keyId, r.actor_id) : null)),
      rows.map((r) => (r.entity_id ? pseudonymOf(keys, keyId, r.entity_id) : null)),
      rows.map((r) => (r.details == null ? null : JSON.stringify(pseudonymiseDetails(keys, keyId, r.details)))),
    );
    done += await repo.seal(
      texts.map((t) => Number(t.id)),
      texts.map((t) => pseudoLinkHash(keys, keyId, t.hash, Number(t.seq), t.canonical)),
      keyId,
    );
    if (rows.length < BATCH) break;
  }
  return done;
}

/** The cut for a day: `readYears` and `otherYears` before it (midnight UTC). */
export function auditCut(today: string, readYears: number, otherYears: number): AuditRetentionCut {
  const back = (years: number) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCFullYear(d.getUTCFullYear() - years);
    return d;
  };
  return { readsBefore: back(readYears), othersBefore: back(otherYears) };
}
