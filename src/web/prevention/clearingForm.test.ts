import { describe, expect, it } from 'vitest';
import { ZClearing, ZClearingUpdate } from '../../contracts/prevention';
import { clearingForm, clearingPayload, INCOME, toggle } from './clearingForm';

describe('clearing checklist form', () => {
  it('starts from the case’s threat stage and round-trips a saved checklist', () => {
    const empty = ZClearing.parse({});
    const form = clearingForm(empty, 'lawsuit');
    expect(form.threatStage).toBe('lawsuit');
    const saved = clearingPayload({ ...form, income: ['pension'], monthlyIncome: '1.234,50', wishes: 'keep_home', triedNote: '  ' }, 'bad');
    expect(saved.issues).toEqual([]);
    expect(saved.clearing).toMatchObject({
      threatStage: 'lawsuit',
      income: ['pension'],
      monthlyIncomeCents: 123450,
      wishes: 'keep_home',
      triedNote: null,
    });
    expect(ZClearingUpdate.safeParse({ clearing: saved.clearing, version: 1 }).success).toBe(true);
    expect(clearingForm(saved.clearing, 'reminder').monthlyIncome).toBe('1234,50');
  });

  it('flags an unreadable income and keeps multiple choices in list order', () => {
    const form = clearingForm(ZClearing.parse({}), 'termination');
    expect(clearingPayload({ ...form, monthlyIncome: 'viel' }, 'Betrag?').issues).toEqual([
      { field: 'clearing.monthlyIncomeCents', code: 'custom', message: 'Betrag?' },
    ]);
    expect(toggle(INCOME, ['none', 'pension'], 'employment', true)).toEqual(['employment', 'pension', 'none']);
    expect(toggle(INCOME, ['none', 'pension'], 'none', false)).toEqual(['pension']);
  });
});
