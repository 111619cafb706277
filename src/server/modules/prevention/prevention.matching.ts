/*
 * Matching a notice against the agency's existing households, set-based: one statement for any
 * number of rows. A household matches when one of its members has the same first name, last name
 * and birth date as a tenant of the row ("person"), or when one of its prevention cases concerns
 * the same home ("address": wh_address_key of street and postal code). Never a silent duplicate:
 * callers show matches and require an explicit choice (link, or create anew). The statement is
 * `householdMatches` in prevention.repository.ts. The list import links by itself only on the
 * person (name and birth date, or name at the same home); the address alone is a possible match
 * a person decides on (import.repository.ts, `matches`).
 */

export interface MatchRow {
  tenants: { firstName: string; lastName: string; birthDate?: string | null }[];
  street?: string | null;
  postalCode?: string | null;
}

/** TypeScript twin of the SQL function wh_address_key (same normal form). */
export function addressKey(street: string | null | undefined, postalCode: string | null | undefined): string | null {
  if (!street || !street.trim()) return null;
  const s = street
    .toLowerCase()
    .replace(/stra(ss|ß)e|str\./g, 'str')
    .replace(/[^a-z0-9äöü]/g, '');
  return `${s}|${(postalCode ?? '').trim()}`;
}
