import { describe, expect, it } from 'vitest';
import { AFTERCARE_STATES } from '../../../contracts/aftercare.js';
import { AFTERCARE_STEPS, can, next, stepsFor } from './aftercare.machine.js';

describe('aftercare case machine', () => {
  it('walks referred → checked → granted → active → ended', () => {
    expect(next(AFTERCARE_STEPS, 'check', 'referred', 'case_manager')).toBe('checked');
    expect(next(AFTERCARE_STEPS, 'grant', 'checked', 'social_worker')).toBe('granted');
    expect(next(AFTERCARE_STEPS, 'activate', 'granted', 'lead')).toBe('active');
    expect(next(AFTERCARE_STEPS, 'end', 'active', 'case_manager')).toBe('ended');
    expect(next(AFTERCARE_STEPS, 'recordFollowUp', 'ended', 'case_manager')).toBe('ended');
  });

  it('refuses from referred or checked, and withdrawal of consent ends an open case', () => {
    expect(next(AFTERCARE_STEPS, 'refuse', 'referred', 'case_manager')).toBe('refused');
    expect(next(AFTERCARE_STEPS, 'refuse', 'checked', 'lead')).toBe('refused');
    for (const s of ['referred', 'checked', 'granted', 'active'] as const)
      expect(next(AFTERCARE_STEPS, 'withdrawConsent', s, 'social_worker')).toBe('ended');
  });

  it('forbids impossible transitions with 409 and the current state', () => {
    const invalid = expect.objectContaining({ code: 'invalid_transition', status: 409 });
    expect(() => next(AFTERCARE_STEPS, 'grant', 'referred', 'case_manager')).toThrow(invalid);
    expect(() => next(AFTERCARE_STEPS, 'grant', 'refused', 'case_manager')).toThrow(invalid);
    expect(() => next(AFTERCARE_STEPS, 'activate', 'checked', 'case_manager')).toThrow(invalid);
    expect(() => next(AFTERCARE_STEPS, 'end', 'granted', 'case_manager')).toThrow(invalid);
    expect(() => next(AFTERCARE_STEPS, 'refuse', 'active', 'case_manager')).toThrow(invalid);
    expect(() => next(AFTERCARE_STEPS, 'withdrawConsent', 'ended', 'case_manager')).toThrow(invalid);
    expect(() => next(AFTERCARE_STEPS, 'withdrawConsent', 'refused', 'case_manager')).toThrow(invalid);
    expect(() => next(AFTERCARE_STEPS, 'documentVisit', 'granted', 'carrier_worker')).toThrow(invalid);
    expect(() => next(AFTERCARE_STEPS, 'recordFollowUp', 'active', 'case_manager')).toThrow(invalid);
  });

  it('forbids the carrier the Fachstelle decisions and the office the visits (403)', () => {
    const forbidden = expect.objectContaining({ code: 'forbidden', status: 403 });
    for (const step of ['check', 'grant', 'refuse', 'extend', 'end', 'withdrawConsent', 'recordFollowUp'] as const)
      expect(() => next(AFTERCARE_STEPS, step, 'active', 'carrier_worker')).toThrow(forbidden);
    expect(() => next(AFTERCARE_STEPS, 'documentVisit', 'active', 'case_manager')).toThrow(forbidden);
    expect(() => next(AFTERCARE_STEPS, 'check', 'referred', 'provider_user')).toThrow(forbidden);
  });

  it('has no step leaving the final states except the follow-up and late referral updates', () => {
    expect(stepsFor(AFTERCARE_STEPS, 'refused', 'lead')).toEqual([]);
    expect(stepsFor(AFTERCARE_STEPS, 'ended', 'lead').sort()).toEqual(['recordFollowUp', 'updateReferral']);
    expect(stepsFor(AFTERCARE_STEPS, 'active', 'carrier_worker').sort()).toEqual(
      ['addGoal', 'addReferral', 'assign', 'documentVisit', 'logContact', 'reviewGoal', 'updateGoal', 'updateReferral'].sort(),
    );
    // Every step starts from real states and leads to one.
    for (const s of Object.values(AFTERCARE_STEPS)) {
      for (const f of s.from) expect(AFTERCARE_STATES).toContain(f);
      if (s.to) expect(AFTERCARE_STATES).toContain(s.to);
    }
    expect(can(AFTERCARE_STEPS, 'activate', 'granted', 'carrier_worker')).toBe(false);
  });
});
