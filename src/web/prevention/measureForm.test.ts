import { describe, expect, it } from 'vitest';
import { ZMeasureInput } from '../../contracts/prevention';
import { emptyMeasureForm, measurePayload, measureToForm } from './measureForm';
import type { Measure } from './queries';

describe('measure form', () => {
  it('builds a rent-debt assumption with all its fields in cents', () => {
    const f = emptyMeasureForm('rent_debt_assumption');
    f.status = 'approved';
    f.data = {
      applicationOn: '2026-11-23',
      amountCents: '1.950,50',
      legalBasis: 'sgb2_22_8',
      decision: 'loan',
      decidedOn: '2026-11-30',
      grantedCents: '1950,50',
      repaymentMonthlyCents: '50',
      repaymentStartsOn: '2027-01-01',
      repaymentNote: '',
      paidToLandlordOn: '2026-12-02',
    };
    const { payload, issues } = measurePayload(f, 'bad');
    expect(issues).toEqual([]);
    expect(payload).toMatchObject({
      kind: 'rent_debt_assumption',
      status: 'approved',
      data: {
        amountCents: 195050,
        grantedCents: 195050,
        repaymentMonthlyCents: 5000,
        legalBasis: 'sgb2_22_8',
        decision: 'loan',
        repaymentNote: null,
      },
    });
    expect(ZMeasureInput.safeParse(payload).success).toBe(true);
    const back = measureToForm({
      id: 'x',
      kind: 'rent_debt_assumption',
      status: 'approved',
      note: null,
      data: payload.data as Record<string, unknown>,
      documents: [],
      version: 1,
      createdAt: '',
      updatedAt: '',
    } as Measure);
    expect(back.data).toMatchObject({ amountCents: '1950,50', repaymentMonthlyCents: '50', decision: 'loan' });
  });

  it('builds a commitment with its items and reports bad money', () => {
    const f = { ...emptyMeasureForm('commitment'), items: 'Mietrückstand Okt.–Dez.\n\n Prozesskosten ' };
    f.data = { ...f.data, recipientName: 'Wohnbau eG', amountCents: '12 Euro' };
    const { payload, issues } = measurePayload(f, 'Betrag?');
    expect(issues).toEqual([{ field: 'data.amountCents', code: 'custom', message: 'Betrag?' }]);
    expect(payload.data).toMatchObject({
      recipient: 'landlord',
      recipientName: 'Wohnbau eG',
      items: ['Mietrückstand Okt.–Dez.', 'Prozesskosten'],
    });
  });
});
