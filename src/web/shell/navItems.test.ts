import { describe, expect, it } from 'vitest';
import { isBuilt, MODULE_PAGES } from '../modulePages';
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

describe('modules shown only when built', () => {
  it('every page belongs to a navigation entry, so adding a page shows exactly that entry', () => {
    const ids = new Set(NAV_ITEMS.map((i) => i.id));
    for (const id of Object.keys(MODULE_PAGES)) expect(ids, id).toContain(id);
  });
  it('an entry without a page is not built; the start page always is', () => {
    expect(isBuilt('home')).toBe(true);
    expect(isBuilt('households')).toBe(true);
    expect(isBuilt('reporting')).toBe(true);
    expect(isBuilt('accommodation')).toBe(true);
  });
});
