import { describe, expect, it } from 'vitest';
import { defaultTab, parseTab, visibleTabs } from './tabs';

const staffPerms = ['ranking.read', 'offer.check'];
const offer = (
  status: Parameters<typeof visibleTabs>[0]['status'],
  actions: string[] = [],
  check: { eligible: boolean } | null = null,
) => ({ status, actions, check });

describe('offer page tabs', () => {
  it('shows a submitted offer to the case manager with its check', () => {
    const o = offer('submitted', ['check', 'approve', 'decline']);
    const tabs = visibleTabs(o, false, staffPerms);
    expect(tabs).toEqual(['overview', 'check', 'timeline']);
    expect(defaultTab(o, tabs)).toBe('check');
  });

  it('gives staff the whole process once shortlisting began, and the contracts after allocation', () => {
    const shortlisting = offer('shortlisting', ['rank', 'pick'], { eligible: true });
    expect(visibleTabs(shortlisting, false, staffPerms)).toEqual(['overview', 'check', 'ranking', 'shortlist', 'roundTable', 'timeline']);
    expect(defaultTab(shortlisting, visibleTabs(shortlisting, false, staffPerms))).toBe('ranking');
    const allocated = offer('allocated', ['concludeLease'], { eligible: true });
    const tabs = visibleTabs(allocated, false, staffPerms);
    expect(tabs).toContain('contracts');
    expect(defaultTab(allocated, tabs)).toBe('contracts');
  });

  it('hides the ranking from staff without ranking.read', () => {
    expect(visibleTabs(offer('round_table', [], { eligible: true }), false, [])).not.toContain('ranking');
  });

  it('shows a company only its presented candidates, meetings and timeline', () => {
    const o = offer('round_table', [], { eligible: true });
    const tabs = visibleTabs(o, true, []);
    expect(tabs).toEqual(['overview', 'candidates', 'roundTable', 'timeline']);
    expect(defaultTab(o, tabs)).toBe('candidates');
    expect(visibleTabs(offer('draft', ['edit', 'submit']), true, [])).toEqual(['overview', 'timeline']);
    expect(visibleTabs(offer('let', [], { eligible: true }), true, [])).not.toContain('contracts');
  });

  it('keeps the history of a withdrawn offer only if it had been approved', () => {
    expect(visibleTabs(offer('withdrawn', [], { eligible: true }), false, staffPerms)).toContain('shortlist');
    expect(visibleTabs(offer('withdrawn'), false, staffPerms)).toEqual(['overview', 'timeline']);
  });

  it('accepts only tabs the user can see from the URL', () => {
    expect(parseTab('ranking', ['overview', 'ranking'])).toBe('ranking');
    expect(parseTab('ranking', ['overview'])).toBeNull();
    expect(parseTab(null, ['overview'])).toBeNull();
  });
});
