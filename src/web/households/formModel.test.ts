import { describe, expect, it } from 'vitest';
import { ZHouseholdCreate } from '../../contracts/households';
import { emptyHouseholdForm, formToPayload, knownFields } from './formModel';

describe('household form model', () => {
  it('turns empty optional inputs into null and splits districts', () => {
    const f = emptyHouseholdForm();
    f.situation = 'in_accommodation';
    f.districtsAvoid = 'Nord, Süd ,';
    f.members[0] = { ...f.members[0]!, firstName: ' Ada ', lastName: 'Muster' };
    const p = formToPayload(f);
    expect(p.needs.districtsAvoid).toEqual(['Nord', 'Süd']);
    expect(p.members[0]).toMatchObject({ firstName: 'Ada', birthDate: null, email: null });
    expect(p.caseManagerId).toBeNull();
    expect(ZHouseholdCreate.safeParse(p).success).toBe(true);
  });
  it('reports a missing first name at members.0.firstName', () => {
    const f = emptyHouseholdForm();
    f.situation = 'at_risk';
    f.members[0] = { ...f.members[0]!, lastName: 'Muster' };
    const r = ZHouseholdCreate.safeParse(formToPayload(f));
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain('members.0.firstName');
  });
  it('knows the member field paths', () => {
    expect(knownFields(2).has('members.1.email')).toBe(true);
    expect(knownFields(1).has('members.1.email')).toBe(false);
  });
});
