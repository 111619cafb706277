import type { z } from 'zod';
import type { ZConsent } from '../../contracts/placement';

export type Consent = z.infer<typeof ZConsent>;
export type ConsentStatus = 'valid' | 'withdrawn' | 'expired' | 'pending';

/**
 * gültig / widerrufen / abgelaufen (and "noch nicht gültig" for a consent dated in the future).
 * The server's `valid` flag decides validity; the rest only explains why it is not valid.
 */
export function consentStatus(c: Pick<Consent, 'withdrawnAt' | 'valid' | 'validUntil' | 'givenOn'>, today: string): ConsentStatus {
  if (c.withdrawnAt) return 'withdrawn';
  if (c.valid) return 'valid';
  if (c.validUntil && c.validUntil < today) return 'expired';
  return c.givenOn > today ? 'pending' : 'expired';
}

export const STATUS_BADGE: Record<ConsentStatus, string> = {
  valid: 'kern-badge--success',
  withdrawn: 'kern-badge--danger',
  expired: 'kern-badge--warning',
  pending: 'kern-badge--info',
};

interface Member {
  firstName: string;
  lastName: string;
  relationship: string;
}

/** Default for "given by": the head of household, else the first member. */
export function headName(members: readonly Member[]): string {
  const head = members.find((m) => m.relationship === 'head') ?? members[0];
  return head ? `${head.firstName} ${head.lastName}`.trim() : '';
}

/**
 * Who may pick a recipient: the provider list is open only to some roles (server registry
 * `provider.list`), so others get a hint instead of an empty select.
 */
export function canPickRecipient(permissions: readonly string[]): boolean {
  return permissions.includes('provider.list');
}
