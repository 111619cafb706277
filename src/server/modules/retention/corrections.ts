import crypto from 'node:crypto';
import type { Tx } from '../../db/database.js';
import { correctionsRepository } from './corrections.repository.js';

/*
 * Rectification (Art. 16 DSGVO, § 84 Abs. 1 SGB X): a correction keeps the old value in the audit.
 * The values go to `audit_values` beside the sealed chain, the event names the changed fields, the
 * row and a salted SHA-256 of the stored values: the chain holds no personal data (so anonymisation
 * never has to break it) and a changed value row no longer matches its sealed digest.
 */

type Flat = Record<string, unknown>;

/** Leaves of a JSON-like value by path (`members.0.lastName`). */
function flatten(v: unknown, prefix = '', out: Flat = {}): Flat {
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = v instanceof Date ? v.toISOString() : v;
  return out;
}

/** `members.*.id` matches `members.0.id`; a path also covers everything below it. */
const ignored = (pattern: string, path: string) => {
  const p = pattern.split('.');
  const k = path.split('.');
  return p.length <= k.length && p.every((seg, i) => seg === '*' || seg === k[i]);
};

/** The fields that differ between two versions of a record, with their old and new values. */
export function changedFields(
  before: unknown,
  after: unknown,
  ignore: readonly string[] = [],
): { field: string; before: unknown; after: unknown }[] {
  const a = flatten(before);
  const b = flatten(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys
    .filter((k) => !ignore.some((i) => ignored(i, k)))
    .filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null))
    .map((field) => ({ field, before: a[field] ?? null, after: b[field] ?? null }));
}

/** The digest sealed with the event: SHA-256 over salt and the stored value. */
export const valueDigest = (salt: string, value: string) => crypto.createHash('sha256').update(`${salt}|${value}`).digest('hex');

/**
 * Stores a correction's old and new values for the household and answers the audit details
 * (changed fields, value row, digest); null when nothing changed.
 */
export async function auditCorrection(
  tx: Tx,
  agencyId: string,
  householdId: string,
  before: unknown,
  after: unknown,
  ignore: readonly string[] = [],
): Promise<{ changed: string[]; values: string; digest: string } | null> {
  const changes = changedFields(before, after, ignore);
  if (changes.length === 0) return null;
  const salt = crypto.randomBytes(16).toString('hex');
  const value = JSON.stringify(changes);
  const row = await correctionsRepository(tx, agencyId).insert(householdId, salt, value);
  return { changed: changes.map((c) => c.field), values: row.id, digest: valueDigest(salt, value) };
}
