import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The page of each navigation entry (NAV_ITEMS id → page), loaded on demand. This is the one switch
 * for modules: an entry without a page here is hidden from the menu, the start page and the routes,
 * so a module appears by adding its page, e.g. for aftercare:
 *   aftercare: lazy(() => import('./aftercare/AftercarePage').then((m) => ({ default: m.AftercarePage }))),
 */
export const MODULE_PAGES: Readonly<Record<string, LazyExoticComponent<ComponentType>>> = {
  households: lazy(() => import('./households/HouseholdListPage').then((m) => ({ default: m.HouseholdListPage }))),
  placement: lazy(() => import('./placement/OfferQueuePage').then((m) => ({ default: m.OfferQueuePage }))),
  prevention: lazy(() => import('./prevention/CaseQueuePage').then((m) => ({ default: m.CaseQueuePage }))),
  deadlines: lazy(() => import('./deadlines/DeadlinesPage').then((m) => ({ default: m.DeadlinesPage }))),
  adminOutbox: lazy(() => import('./outbox/OutboxPage').then((m) => ({ default: m.OutboxPage }))),
  adminUsers: lazy(() => import('./admin/UsersPage').then((m) => ({ default: m.UsersPage }))),
  adminAgency: lazy(() => import('./admin/AgencyPage').then((m) => ({ default: m.AgencyPage }))),
  adminOrganisations: lazy(() => import('./admin/OrganisationsPage').then((m) => ({ default: m.OrganisationsPage }))),
  adminTemplates: lazy(() => import('./documents/TemplatesPage').then((m) => ({ default: m.TemplatesPage }))),
  audit: lazy(() => import('./audit/AuditPage').then((m) => ({ default: m.AuditPage }))),
  security: lazy(() => import('./auth/SecurityPage').then((m) => ({ default: m.SecurityPage }))),
  programmeConditions: lazy(() => import('./placement-admin/ConditionsPage').then((m) => ({ default: m.ConditionsPage }))),
  placementTenancies: lazy(() => import('./sustainment/TenancyListPage').then((m) => ({ default: m.TenancyListPage }))),
  sustainment: lazy(() => import('./sustainment/IncidentQueuePage').then((m) => ({ default: m.IncidentQueuePage }))),
  aftercare: lazy(() => import('./aftercare/AftercareStartPage').then((m) => ({ default: m.AftercareStartPage }))),
  retention: lazy(() => import('./retention/RetentionPage').then((m) => ({ default: m.RetentionPage }))),
  consentReport: lazy(() => import('./retention/ConsentReportPage').then((m) => ({ default: m.ConsentReportPage }))),
  accommodation: lazy(() => import('./accommodation/AccommodationPage').then((m) => ({ default: m.AccommodationPage }))),
  accommodationPortal: lazy(() => import('./accommodation/PortalPage').then((m) => ({ default: m.PortalPage }))),
  reporting: lazy(() => import('./steering/SteeringPage').then((m) => ({ default: m.SteeringPage }))),
  steeringCity: lazy(() => import('./steering/CityPage').then((m) => ({ default: m.CityPage }))),
  privacy: lazy(() => import('./privacy/RequestsPage').then((m) => ({ default: m.RequestsPage }))),
  dpo: lazy(() => import('./privacy/DpoPage').then((m) => ({ default: m.DpoPage }))),
};

/** Whether a navigation entry's module is built (has a page). */
export const isBuilt = (id: string): boolean => id === 'home' || id in MODULE_PAGES;
