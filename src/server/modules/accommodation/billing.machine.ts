import type { TInvoiceState } from '../../../contracts/accommodationBilling.js';
import type { TRole } from '../../../contracts/common.js';
export { next, stepsFor } from '../placement/placement.machine.js';

/*
 * The operator's invoice, a small explicit machine:
 *
 *   received ─check (differences listed per person and night)→ checked ─approve→ approved
 *   received | checked ─dispute (reason)→ disputed
 *
 * Approving needs a check and no blocking difference at that moment (a night invoiced but not
 * stayed, a rate that differs, a night billed before, a night without a rate): such an invoice is
 * disputed, and the operator sends a corrected one under a new number. Approved and disputed are
 * final. Approving records the invoiced nights as billed with the rate they had (never changed).
 */
interface Step<S extends string> {
  from: readonly S[];
  to: S | null;
  roles: readonly TRole[];
}
const TEAM = ['accommodation_worker', 'lead'] as const satisfies readonly TRole[];

export const INVOICE_STEPS = {
  check: { from: ['received'], to: 'checked', roles: TEAM },
  approve: { from: ['checked'], to: 'approved', roles: TEAM },
  dispute: { from: ['received', 'checked'], to: 'disputed', roles: TEAM },
} as const satisfies Record<string, Step<TInvoiceState>>;
