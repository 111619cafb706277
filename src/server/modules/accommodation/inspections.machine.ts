import type { TRole } from '../../../contracts/common.js';
import type { TInspectionState, TSeverity } from '../../../contracts/accommodationInspections.js';
import { AppError } from '../../platform/errors/app-error.js';
export { can, next, stepsFor } from '../placement/placement.machine.js';

/*
 * The inspection (Begehung) machine. Every step names the states it may start from, the state it
 * leads to and the roles that may take it; the service checks permission and scope first, then the
 * step here; `actions` in a response are the steps the current user may take now.
 *
 *   planned ─start→ in_progress ─record (item by item, repeatable)→ in_progress ─complete→ completed
 *   planned | in_progress ─cancel (reason)→ cancelled
 *
 * Completing needs a result for every item of the checklist version the inspection keeps. Each
 * failed item becomes a finding (severity, remedy deadline); a passed item of a later inspection of
 * the same facility closes the open finding of that item (re-inspection), and a finding may also be
 * closed by recording its remedy as checked. A critical finding may block the facility (the facility
 * machine's `block` step, with the finding as the reason).
 */
interface Step<S extends string> {
  from: readonly S[];
  to: S | null;
  roles: readonly TRole[];
}

const TEAM = ['accommodation_worker', 'lead'] as const satisfies readonly TRole[];

export const INSPECTION_STEPS = {
  start: { from: ['planned'], to: 'in_progress', roles: TEAM },
  record: { from: ['in_progress'], to: null, roles: TEAM },
  photo: { from: ['in_progress'], to: null, roles: TEAM },
  complete: { from: ['in_progress'], to: 'completed', roles: TEAM },
  cancel: { from: ['planned', 'in_progress'], to: 'cancelled', roles: TEAM },
} as const satisfies Record<string, Step<TInspectionState>>;

export type InspectionStep = keyof typeof INSPECTION_STEPS;

/** A result of one item as the machine sees it. */
export interface ItemOutcome {
  key: string;
  result: 'passed' | 'failed' | 'not_applicable' | null;
  severity: TSeverity | null;
}

/** Refuses completion while an item has no result; the error names the first open item's field. */
export function checkComplete(items: readonly ItemOutcome[]): void {
  const open = items.filter((i) => i.result === null);
  if (open.length)
    throw new AppError('validation_failed', 'Es fehlen noch Ergebnisse.', {
      errors: open.map((i) => ({ field: `items.${i.key}`, code: 'required', message: 'Bitte ein Ergebnis erfassen.' })),
    });
}

/**
 * What completing an inspection does to the facility's open findings: which items become new
 * findings, which open findings a passed item closes, and whether a block is possible (a critical
 * finding) and wanted.
 */
export function completionPlan(
  items: readonly ItemOutcome[],
  openFindings: readonly { id: string; itemKey: string }[],
  wantBlock: boolean,
): { newFindings: string[]; closes: string[]; block: boolean } {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const newFindings = items.filter((i) => i.result === 'failed').map((i) => i.key);
  const closes = openFindings.filter((f) => byKey.get(f.itemKey)?.result === 'passed').map((f) => f.id);
  const critical = items.some((i) => i.result === 'failed' && i.severity === 'critical');
  if (wantBlock && !critical)
    throw new AppError('validation_failed', 'Nur ein kritischer Mangel kann die Unterkunft sperren.', {
      errors: [{ field: 'blockFacility', code: 'custom', message: 'Nur ein kritischer Mangel kann die Unterkunft sperren.' }],
    });
  return { newFindings, closes, block: wantBlock && critical };
}

/** The day of the next routine inspection: `months` after the completed one (end of month kept). */
export function nextRoutineDay(completedOn: string, months: number): string {
  const [y, m, d] = completedOn.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
