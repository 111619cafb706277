import type { ParseKeys } from 'i18next';
import type { Permission } from '../../contracts/permissions';

export type ProgrammeId = 'prevention' | 'placement' | 'sustainment' | 'aftercare' | 'accommodation' | 'reporting';

export interface NavItem {
  id: string;
  path: string;
  labelKey: ParseKeys;
  /** Needed permission (any of, if an array); null = every signed-in user. */
  permission: Permission | readonly Permission[] | null;
  group: 'main' | 'cases' | 'admin';
  /** The programme module this entry opens (hidden until its page exists in MODULE_PAGES). */
  programme?: ProgrammeId;
  /** Label for housing-company users, where their view differs (e.g. "Meine Angebote"). */
  providerLabelKey?: ParseKeys;
}

/** The label of a navigation entry for the signed-in user's role. */
export function navLabelKey(item: NavItem, role: string): ParseKeys {
  return role === 'provider_user' && item.providerLabelKey ? item.providerLabelKey : item.labelKey;
}

/**
 * The navigation, in order. A new module plugs in by adding an entry here and its page in
 * modulePages.ts (MODULE_PAGES); entries without a page stay hidden.
 *
 * Programme modules are gated by `household.list` for now (case staff); replace with the
 * module's own permission (e.g. `prevention.list`) when the server defines it.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'home', path: '/', labelKey: 'nav.home', permission: null, group: 'main' },
  { id: 'households', path: '/households', labelKey: 'nav.households', permission: 'household.list', group: 'cases' },
  { id: 'deadlines', path: '/deadlines', labelKey: 'deadlines.nav', permission: 'deadline.list', group: 'cases' },
  {
    id: 'prevention',
    path: '/prevention',
    labelKey: 'nav.prevention',
    permission: 'prevention.list',
    group: 'cases',
    programme: 'prevention',
  },
  {
    id: 'placement',
    path: '/placement',
    labelKey: 'nav.placement',
    providerLabelKey: 'placement.nav.mine',
    permission: 'offer.list',
    group: 'cases',
    programme: 'placement',
  },
  {
    id: 'placementTenancies',
    path: '/sustainment/tenancies',
    labelKey: 'placementAdmin.nav.tenancies',
    providerLabelKey: 'sustainment.nav.tenanciesPortal',
    permission: 'tenancy.list',
    group: 'cases',
  },
  {
    id: 'sustainment',
    path: '/sustainment',
    labelKey: 'nav.sustainment',
    providerLabelKey: 'sustainment.nav.queuePortal',
    permission: 'incident.list',
    group: 'cases',
    programme: 'sustainment',
  },
  { id: 'aftercare', path: '/aftercare', labelKey: 'nav.aftercare', permission: 'aftercare.list', group: 'cases', programme: 'aftercare' },
  {
    id: 'accommodation',
    path: '/accommodation',
    labelKey: 'nav.accommodation',
    permission: 'accommodation.read',
    group: 'cases',
    programme: 'accommodation',
  },
  {
    id: 'reporting',
    path: '/reporting',
    labelKey: 'nav.reporting',
    permission: 'steering.figures',
    group: 'cases',
    programme: 'reporting',
  },
  // A shelter operator's only page: its facilities, arrivals, move-in/out and incidents.
  {
    id: 'accommodationPortal',
    path: '/accommodation/portal',
    labelKey: 'accommodationPortal.nav',
    permission: 'accommodation.portal',
    group: 'main',
  },
  // The steering body's only page: the city-wide comparison (its users see no records).
  { id: 'steeringCity', path: '/steering/city', labelKey: 'steeringCity.nav', permission: 'steering.city', group: 'main' },
  { id: 'adminUsers', path: '/admin/users', labelKey: 'nav.adminUsers', permission: 'user.list', group: 'admin' },
  { id: 'adminAgency', path: '/admin/agency', labelKey: 'nav.adminAgency', permission: 'agency.read', group: 'admin' },
  {
    id: 'programmeConditions',
    path: '/admin/programme-conditions',
    labelKey: 'placementAdmin.nav.conditions',
    permission: 'conditions.read',
    group: 'admin',
  },
  {
    id: 'adminOrganisations',
    path: '/admin/organisations',
    labelKey: 'nav.adminOrganisations',
    permission: ['provider.list', 'carrier.list'],
    group: 'admin',
  },
  { id: 'adminTemplates', path: '/admin/templates', labelKey: 'documentTemplates.nav', permission: 'template.list', group: 'admin' },
  { id: 'adminOutbox', path: '/admin/outbox', labelKey: 'outbox.nav', permission: 'outbox.list', group: 'admin' },
  { id: 'consentReport', path: '/consents/report', labelKey: 'consentReport.nav', permission: 'consent.report', group: 'cases' },
  { id: 'retention', path: '/retention', labelKey: 'retention.nav', permission: 'retention.list', group: 'admin' },
  { id: 'audit', path: '/audit', labelKey: 'nav.audit', permission: 'audit.list', group: 'admin' },
  { id: 'privacy', path: '/privacy', labelKey: 'privacy.nav', permission: 'privacy.request.list', group: 'admin' },
  { id: 'dpo', path: '/privacy/dpo', labelKey: 'privacy.navDpo', permission: 'privacy.transfers', group: 'admin' },
  { id: 'security', path: '/security', labelKey: 'nav.security', permission: null, group: 'admin' },
];

export const NAV_GROUPS: readonly { id: NavItem['group']; labelKey: ParseKeys | null; providerLabelKey?: ParseKeys }[] = [
  { id: 'main', labelKey: null },
  // A housing company does no case work: its entries are its offers and tenancies.
  { id: 'cases', labelKey: 'nav.groupCases', providerLabelKey: 'nav.groupPortal' },
  { id: 'admin', labelKey: 'nav.groupAdmin' },
];

/**
 * The entry for the current page: the longest path that is the page's path or a parent of it, so
 * /placement/tenancies marks "Mietverhältnisse" only, while /placement/offers/1 still marks "/placement".
 */
export function activeNavId(items: readonly Pick<NavItem, 'id' | 'path'>[], pathname: string): string | null {
  let best: Pick<NavItem, 'id' | 'path'> | null = null;
  for (const item of items) {
    const hit = item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (hit && (!best || item.path.length > best.path.length)) best = item;
  }
  return best?.id ?? null;
}
