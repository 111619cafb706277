import { describe, expect, it } from 'vitest';
import { ZCaseCreate } from '../../contracts/prevention';
import { emptyNoticeForm, noticePayload, showsCourt, splitName } from './noticeForm';

describe('prevention notice form', () => {
  const filled = () => ({
    ...emptyNoticeForm('2026-11-20'),
    tenants: [{ firstName: 'Erika', lastName: 'Muster', birthDate: '1970-05-01', gender: 'female' as const, phone: '', email: '' }],
    street: 'Lindenallee 4',
    postalCode: '30159',
    city: 'Hannover',
    monthlyRent: '650',
    arrears: '1.950,50',
    compensation: '',
    courtName: 'Amtsgericht Hannover',
    courtFileNumber: '512 C 1234/26',
    lawsuitServedOn: '2026-11-02',
    hearingAt: '2026-12-15T09:30',
  });

  it('turns euros into cents, empty fields into null, and passes the contract', () => {
    const { payload, issues } = noticePayload(filled(), 'bad');
    expect(issues).toEqual([]);
    expect(payload).toMatchObject({
      monthlyRentCents: 65000,
      arrearsCents: 195050,
      compensationCents: null,
      courtFileNumber: '512 C 1234/26',
      lawsuitServedOn: '2026-11-02',
    });
    expect(payload.tenants[0]).toMatchObject({ birthDate: '1970-05-01', phone: null, email: null });
    expect(payload.hearingAt).toMatch(/^2026-12-15T/);
    expect(ZCaseCreate.safeParse(payload).success).toBe(true);
  });

  it('reports unreadable money at its cents field', () => {
    const { issues } = noticePayload({ ...filled(), arrears: '12 Euro' }, 'Bitte einen Betrag');
    expect(issues).toEqual([{ field: 'arrearsCents', code: 'custom', message: 'Bitte einen Betrag' }]);
  });

  it('drops court facts for a landlord report without a lawsuit', () => {
    const f = { ...filled(), source: 'landlord' as const, threatStage: 'termination' as const };
    expect(showsCourt(f)).toBe(false);
    const { payload } = noticePayload(f, 'bad');
    expect(payload).toMatchObject({ courtName: null, lawsuitServedOn: null, hearingAt: null, parties: [] });
    expect(showsCourt({ source: 'landlord', threatStage: 'lawsuit' })).toBe(true);
  });

  it('splits a visitor’s name', () => {
    expect(splitName(' Anna Maria  Schulz ')).toEqual({ firstName: 'Anna Maria', lastName: 'Schulz' });
    expect(splitName('Schulz')).toEqual({ firstName: '', lastName: 'Schulz' });
  });
});
