import type { TOfferState } from '../../contracts/placement';

export const TABS = ['overview', 'check', 'ranking', 'shortlist', 'candidates', 'roundTable', 'contracts', 'timeline'] as const;
export type Tab = (typeof TABS)[number];

interface OfferLike {
  status: TOfferState;
  actions: string[];
  check: { eligible: boolean } | null;
}

const SHORTLISTED: readonly TOfferState[] = ['shortlisting', 'round_table', 'allocated', 'let'];

/** Whether the offer ever reached shortlisting (a withdrawn offer keeps its history if it was approved). */
function pastApproval(o: OfferLike): boolean {
  return SHORTLISTED.includes(o.status) || (o.status === 'withdrawn' && !!o.check?.eligible);
}

/**
 * The parts of the offer page the user sees: staff the whole process, a housing company its
 * presented candidates, meetings and timeline (the API gives it nothing more).
 */
export function visibleTabs(o: OfferLike, portal: boolean, permissions: readonly string[]): Tab[] {
  const tabs: Tab[] = ['overview'];
  if (!portal && (o.actions.includes('check') || o.check)) tabs.push('check');
  if (pastApproval(o)) {
    if (!portal && permissions.includes('ranking.read')) tabs.push('ranking');
    tabs.push(portal ? 'candidates' : 'shortlist');
    tabs.push('roundTable');
  }
  if (!portal && (o.status === 'allocated' || o.status === 'let')) tabs.push('contracts');
  tabs.push('timeline');
  return tabs;
}

/** Where the work is now: the tab opened when the URL names none. */
export function defaultTab(o: OfferLike, tabs: readonly Tab[]): Tab {
  const wanted: Partial<Record<TOfferState, Tab>> = {
    submitted: 'check',
    shortlisting: 'ranking',
    round_table: 'shortlist',
    allocated: 'contracts',
  };
  const pick = wanted[o.status];
  if (pick && tabs.includes(pick)) return pick;
  if ((o.status === 'shortlisting' || o.status === 'round_table') && tabs.includes('candidates')) return 'candidates';
  return 'overview';
}

export function parseTab(value: string | null, tabs: readonly Tab[]): Tab | null {
  return value && (tabs as readonly string[]).includes(value) ? (value as Tab) : null;
}
