import { describe, expect, it } from 'vitest';
import { caseActions } from './prevention.present.js';
import { CASE_STEPS, next, stepsFor } from './prevention.machine.js';

const actor = (role: 'case_manager' | 'social_worker' | 'lead' | 'auditor') => ({
  userId: 'u',
  agencyId: 'a',
  role,
  providerId: null,
  carrierId: null,
  sessionId: 's',
});

describe('prevention case machine', () => {
  it('walks contacting → clearing → measures → closed, and the lead reopens', () => {
    expect(next(CASE_STEPS, 'reach', 'contacting', 'social_worker')).toBe('clearing');
    expect(next(CASE_STEPS, 'completeClearing', 'clearing', 'social_worker')).toBe('measures');
    expect(next(CASE_STEPS, 'close', 'measures', 'case_manager')).toBe('closed');
    expect(next(CASE_STEPS, 'reopen', 'closed', 'lead')).toBe('clearing');
  });

  it('refuses steps in the wrong state (409) and for the wrong role (403)', () => {
    expect(() => next(CASE_STEPS, 'completeClearing', 'contacting', 'case_manager')).toThrow(
      expect.objectContaining({ code: 'invalid_transition', status: 409 }),
    );
    expect(() => next(CASE_STEPS, 'recordAttempt', 'closed', 'case_manager')).toThrow(
      expect.objectContaining({ code: 'invalid_transition' }),
    );
    expect(() => next(CASE_STEPS, 'reopen', 'closed', 'case_manager')).toThrow(expect.objectContaining({ code: 'forbidden', status: 403 }));
    expect(() => next(CASE_STEPS, 'commitmentLetter', 'measures', 'social_worker')).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('offers each role only the steps it may take now', () => {
    expect(stepsFor(CASE_STEPS, 'contacting', 'auditor')).toEqual([]);
    expect(stepsFor(CASE_STEPS, 'measures', 'social_worker')).not.toContain('decideMeasure');
    expect(stepsFor(CASE_STEPS, 'measures', 'case_manager')).toEqual(
      expect.arrayContaining(['decideMeasure', 'commitmentLetter', 'close']),
    );
    expect(caseActions(actor('case_manager'), { status: 'closed', outcome: 'home_kept', aftercare_carrier_id: null })).toEqual([
      'updateReferral',
      'handOver',
    ]);
    expect(caseActions(actor('case_manager'), { status: 'closed', outcome: 'home_lost', aftercare_carrier_id: null })).toEqual([
      'updateReferral',
    ]);
    expect(caseActions(actor('lead'), { status: 'closed', outcome: 'home_kept', aftercare_carrier_id: 'c' })).toEqual([
      'updateReferral',
      'reopen',
    ]);
    expect(caseActions(actor('social_worker'), { status: 'contacting', outcome: null, aftercare_carrier_id: null })).not.toContain('reach');
  });
});
