import { describe, expect, it } from 'vitest';
import { AUDIT_KINDS } from '../../server/platform/audit/audit';
import { de } from './de';
import { en } from './en';

// The auditor reads labels, not codes: a new kind in AUDIT_KINDS needs its German and English text.
describe('audit action labels', () => {
  const kinds = Object.keys(AUDIT_KINDS).sort();
  it.each([
    ['de', de.auditActions],
    ['en', en.auditActions],
  ])('%s labels exactly the audit kinds', (_lang, labels: Record<string, string>) => {
    expect(kinds.filter((k) => !labels[k]?.trim())).toEqual([]);
    expect(Object.keys(labels).sort()).toEqual(kinds);
  });
  it('labels every entity type an event can be about', () => {
    const types = [...new Set(Object.values(AUDIT_KINDS).filter((t): t is NonNullable<typeof t> => t !== null))].sort();
    expect(types.filter((t) => !(t in de.auditEntities) || !(t in en.auditEntities))).toEqual([]);
  });
});
