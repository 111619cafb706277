import { describe, expect, it } from 'vitest';
import { activeNavId, NAV_ITEMS } from './navItems';

describe('active navigation entry', () => {
  it('marks the most specific entry only', () => {
    expect(activeNavId(NAV_ITEMS, '/sustainment/tenancies')).toBe('placementTenancies');
    expect(activeNavId(NAV_ITEMS, '/sustainment/incidents/7')).toBe('sustainment');
    expect(activeNavId(NAV_ITEMS, '/placement')).toBe('placement');
    expect(activeNavId(NAV_ITEMS, '/placement/offers/42')).toBe('placement');
  });
  it('matches whole path segments and the home page exactly', () => {
    expect(activeNavId(NAV_ITEMS, '/')).toBe('home');
    expect(activeNavId(NAV_ITEMS, '/households/abc/edit')).toBe('households');
    expect(activeNavId(NAV_ITEMS, '/placementx')).toBeNull();
    expect(activeNavId(NAV_ITEMS, '/login')).toBeNull();
  });
});
