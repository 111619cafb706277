import type { TMe } from '../../contracts/auth';
import type { Permission } from '../../contracts/permissions';

/** `required` null = everyone signed in; an array = any of them (names from contracts/permissions.ts). */
export function can(me: Pick<TMe, 'permissions'>, required: Permission | readonly Permission[] | null): boolean {
  if (required === null) return true;
  const list: readonly Permission[] = typeof required === 'string' ? [required] : required;
  return list.some((p) => me.permissions.includes(p));
}

/** Enrolment of the second factor is pending: only /security is usable. */
export function needsTotpEnrolment(me: Pick<TMe, 'totpRequired' | 'totpEnabled'>): boolean {
  return me.totpRequired && !me.totpEnabled;
}
