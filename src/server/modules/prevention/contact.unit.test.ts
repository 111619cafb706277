import { describe, expect, it } from 'vitest';
import { contactProcedure, hoursBetween, type AttemptFact, type ContactStep } from './contact.js';

const STEPS: ContactStep[] = [
  { channel: 'letter', dayOffset: 0, label: 'Anschreiben' },
  { channel: 'phone', dayOffset: 1, label: 'Anruf' },
  { channel: 'home_visit', dayOffset: 3, label: 'Hausbesuch' },
  { channel: 'home_visit', dayOffset: 7, label: 'Zweiter Hausbesuch' },
];
const MONDAY = '2026-11-16';
let n = 0;
const attempt = (
  channel: AttemptFact['channel'],
  at: string,
  result: AttemptFact['result'],
  stepIndex: number | null = null,
): AttemptFact => ({ id: `a${++n}`, channel, at: new Date(at), result, stepIndex });

describe('contact procedure: next due step', () => {
  it('starts with the letter on the day the notice arrived', () => {
    const p = contactProcedure(STEPS, MONDAY, [], 'BW');
    expect(p.next).toMatchObject({ index: 0, channel: 'letter', dueOn: MONDAY });
    expect(p.steps.map((s) => s.dueOn)).toEqual(['2026-11-16', '2026-11-17', '2026-11-19', '2026-11-25']);
    expect(p.reached).toBe(false);
    expect(p.exhausted).toBe(false);
    expect(p.firstAttemptAt).toBeNull();
  });

  it('counts working days: a notice on Saturday is due Monday; a phone call the next working day', () => {
    const p = contactProcedure(STEPS, '2026-11-21', [], 'BW');
    expect(p.steps.map((s) => s.dueOn)).toEqual(['2026-11-23', '2026-11-23', '2026-11-25', '2026-12-01']);
  });

  it('letter sent → phone call next; no answer → unannounced home visit on day 3', () => {
    const letter = attempt('letter', '2026-11-16T09:00:00Z', 'letter_sent');
    expect(contactProcedure(STEPS, MONDAY, [letter], 'BW').next).toMatchObject({ index: 1, channel: 'phone', dueOn: '2026-11-17' });
    const phone = attempt('phone', '2026-11-17T10:00:00Z', 'not_reached');
    const p = contactProcedure(STEPS, MONDAY, [letter, phone], 'BW');
    expect(p.next).toMatchObject({ index: 2, channel: 'home_visit', dueOn: '2026-11-19' });
    expect(p.steps[1]!.attemptId).toBe(phone.id);
    expect(p.firstAttemptAt?.toISOString()).toBe('2026-11-16T09:00:00.000Z');
    expect(p.firstContactAt).toBeNull();
  });

  it('second home visit after the first found nobody; all done without contact = exhausted', () => {
    const base = [
      attempt('letter', '2026-11-16T09:00:00Z', 'letter_sent'),
      attempt('phone', '2026-11-17T10:00:00Z', 'not_reached'),
      attempt('home_visit', '2026-11-19T15:00:00Z', 'not_home'),
    ];
    expect(contactProcedure(STEPS, MONDAY, base, 'BW').next).toMatchObject({ index: 3, label: 'Zweiter Hausbesuch', dueOn: '2026-11-25' });
    const p = contactProcedure(STEPS, MONDAY, [...base, attempt('home_visit', '2026-11-25T15:00:00Z', 'not_home')], 'BW');
    expect(p.next).toBeNull();
    expect(p.exhausted).toBe(true);
    expect(p.reached).toBe(false);
  });

  it('real contact ends the procedure at any step and stops the second clock', () => {
    const p = contactProcedure(
      STEPS,
      MONDAY,
      [attempt('letter', '2026-11-16T09:00:00Z', 'letter_sent'), attempt('phone', '2026-11-17T10:00:00Z', 'reached')],
      'BW',
    );
    expect(p.next).toBeNull();
    expect(p.reached).toBe(true);
    expect(p.exhausted).toBe(false);
    expect(p.firstContactAt?.toISOString()).toBe('2026-11-17T10:00:00.000Z');
    // a household that declines help was still reached
    expect(contactProcedure(STEPS, MONDAY, [attempt('home_visit', '2026-11-19T15:00:00Z', 'declined')], 'BW').reached).toBe(true);
  });

  it('an attempt naming its step completes that step; others match the first open step of their channel', () => {
    const p = contactProcedure(STEPS, MONDAY, [attempt('home_visit', '2026-11-16T12:00:00Z', 'not_home', 3)], 'BW');
    expect(p.steps[3]!.doneAt).not.toBeNull();
    expect(p.steps[2]!.doneAt).toBeNull();
    expect(p.next?.index).toBe(0);
    // an e-mail is no step of this procedure: it does not complete anything
    expect(contactProcedure(STEPS, MONDAY, [attempt('email', '2026-11-16T12:00:00Z', 'message_left')], 'BW').next?.index).toBe(0);
  });

  it('a late attempt makes the next step due on its day at the earliest, not in the past', () => {
    const p = contactProcedure(STEPS, MONDAY, [attempt('letter', '2026-11-20T09:00:00Z', 'letter_sent')], 'BW');
    expect(p.next).toMatchObject({ index: 1, dueOn: '2026-11-20' });
  });

  it('hours between notice and attempt', () => {
    expect(hoursBetween(new Date('2026-11-16T08:00:00Z'), new Date('2026-11-16T10:30:00Z'))).toBe(2.5);
    expect(hoursBetween(null, new Date())).toBeNull();
  });
});
