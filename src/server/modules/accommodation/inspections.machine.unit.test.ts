import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.js';
import { checkComplete, completionPlan, INSPECTION_STEPS, next, nextRoutineDay, stepsFor } from './inspections.machine.js';

describe('inspection machine', () => {
  it('goes planned → in progress → completed, and cancels only before completion', () => {
    expect(next(INSPECTION_STEPS, 'start', 'planned', 'accommodation_worker')).toBe('in_progress');
    expect(next(INSPECTION_STEPS, 'record', 'in_progress', 'lead')).toBe('in_progress');
    expect(next(INSPECTION_STEPS, 'complete', 'in_progress', 'lead')).toBe('completed');
    expect(next(INSPECTION_STEPS, 'cancel', 'planned', 'lead')).toBe('cancelled');
    expect(next(INSPECTION_STEPS, 'cancel', 'in_progress', 'lead')).toBe('cancelled');
    for (const [step, state] of [
      ['complete', 'planned'],
      ['start', 'in_progress'],
      ['record', 'completed'],
      ['cancel', 'completed'],
      ['start', 'cancelled'],
    ] as const) {
      const err = (() => {
        try {
          next(INSPECTION_STEPS, step, state, 'lead');
        } catch (e) {
          return e as AppError;
        }
      })();
      expect(err?.code, `${step} from ${state}`).toBe('invalid_transition');
    }
  });

  it('lets only the accommodation team take steps', () => {
    expect(() => next(INSPECTION_STEPS, 'start', 'planned', 'case_manager')).toThrowError(AppError);
    expect(stepsFor(INSPECTION_STEPS, 'planned', 'case_manager')).toEqual([]);
    expect(stepsFor(INSPECTION_STEPS, 'planned', 'accommodation_worker')).toEqual(['start', 'cancel']);
    expect(stepsFor(INSPECTION_STEPS, 'in_progress', 'lead')).toEqual(['record', 'photo', 'complete', 'cancel']);
    expect(stepsFor(INSPECTION_STEPS, 'completed', 'lead')).toEqual([]);
  });

  it('refuses completion while an item is open, naming each open item', () => {
    try {
      checkComplete([
        { key: 'space', result: 'passed', severity: null },
        { key: 'kitchen', result: null, severity: null },
        { key: 'fire', result: null, severity: null },
      ]);
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).extra.errors?.map((x) => x.field)).toEqual(['items.kitchen', 'items.fire']);
    }
    expect(() => checkComplete([{ key: 'space', result: 'not_applicable', severity: null }])).not.toThrow();
  });

  it('turns failed items into findings, closes findings whose item now passes, blocks only on a critical one', () => {
    const items = [
      { key: 'space', result: 'passed', severity: null },
      { key: 'fire', result: 'failed', severity: 'critical' },
      { key: 'wlan', result: 'not_applicable', severity: null },
    ] as const;
    const open = [
      { id: 'f-space', itemKey: 'space' },
      { id: 'f-wlan', itemKey: 'wlan' },
      { id: 'f-fire', itemKey: 'fire' },
    ];
    expect(completionPlan(items, open, true)).toEqual({ newFindings: ['fire'], closes: ['f-space'], block: true });
    expect(completionPlan(items, open, false).block).toBe(false);
    const minor = [{ key: 'fire', result: 'failed', severity: 'minor' }] as const;
    expect(() => completionPlan(minor, [], true)).toThrowError(/kritischer Mangel/);
  });

  it('dates the next routine inspection months later, keeping the end of a month', () => {
    expect(nextRoutineDay('2026-12-06', 12)).toBe('2027-12-06');
    expect(nextRoutineDay('2026-08-31', 6)).toBe('2027-02-28');
    expect(nextRoutineDay('2027-11-15', 3)).toBe('2028-02-15');
  });
});
