import type { TRole } from '../../../contracts/common.js';
import type { TCarrierReportState } from '../../../contracts/aftercareReports.js';
export { next, stepsFor } from '../placement/placement.machine.js';

/*
 * The carrier's annual report (see src/contracts/aftercareReports.ts for the model):
 *
 *   draft ─edit (narrative)→ draft
 *   draft ─submit (carrier lead: data frozen as submission N)→ submitted
 *   submitted ─return (Fachstelle, with a reason; submission N stays, marked returned)→ draft
 *
 * Deadline: opening the report opens "aftercare_annual_report" (the agency's due date, reminder two
 * weeks before, assigned to the carrier lead, the agency's leads alerted when it passes); submit
 * closes it (done); return opens it again (due the original date, or two weeks on if that is past).
 */
interface Step {
  from: readonly TCarrierReportState[];
  to: TCarrierReportState | null;
  roles: readonly TRole[];
}

export const ANNUAL_REPORT_STEPS = {
  edit: { from: ['draft'], to: null, roles: ['carrier_worker'] },
  submit: { from: ['draft'], to: 'submitted', roles: ['carrier_worker'] },
  return: { from: ['submitted'], to: 'draft', roles: ['case_manager', 'lead'] },
} as const satisfies Record<string, Step>;

export type AnnualReportStep = keyof typeof ANNUAL_REPORT_STEPS;
