import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../auth/RequirePermission';

const FacilityPage = lazy(() => import('./FacilityPage').then((m) => ({ default: m.FacilityPage })));
const PlaceSearchPage = lazy(() => import('./PlaceSearchPage').then((m) => ({ default: m.PlaceSearchPage })));
const StatisticsPage = lazy(() => import('./StatisticsPage').then((m) => ({ default: m.StatisticsPage })));
const OccupancyPage = lazy(() => import('./OccupancyPage').then((m) => ({ default: m.OccupancyPage })));
const InspectionPage = lazy(() => import('./InspectionPage').then((m) => ({ default: m.InspectionPage })));
const ChecklistPage = lazy(() => import('./ChecklistPage').then((m) => ({ default: m.ChecklistPage })));
const AssignmentPage = lazy(() => import('./AssignmentPage').then((m) => ({ default: m.AssignmentPage })));
const BillingPage = lazy(() => import('./BillingPage').then((m) => ({ default: m.BillingPage })));

/** The accommodation pages below /accommodation (the overview itself is the navigation entry's route). */
export const accommodationRoutes: RouteObject[] = [
  {
    path: '/accommodation/statistics',
    element: (
      <RequirePermission permission="accommodation.statistics">
        <StatisticsPage />
      </RequirePermission>
    ),
  },
  {
    path: '/accommodation/occupancy',
    element: (
      <RequirePermission permission="accommodation.read">
        <OccupancyPage />
      </RequirePermission>
    ),
  },
  {
    path: '/accommodation/facilities/:id',
    element: (
      <RequirePermission permission="accommodation.read">
        <FacilityPage />
      </RequirePermission>
    ),
  },
  {
    path: '/accommodation/search/:householdId',
    element: (
      <RequirePermission permission="accommodation.search">
        <PlaceSearchPage />
      </RequirePermission>
    ),
  },
  {
    path: '/accommodation/billing',
    element: (
      <RequirePermission permission="accommodation.billing.read">
        <BillingPage />
      </RequirePermission>
    ),
  },
  {
    path: '/accommodation/assignments/:id',
    element: (
      <RequirePermission permission="accommodation.stays">
        <AssignmentPage />
      </RequirePermission>
    ),
  },
  {
    path: '/accommodation/inspections/:id',
    element: (
      <RequirePermission permission="accommodation.read">
        <InspectionPage />
      </RequirePermission>
    ),
  },
  {
    path: '/accommodation/checklist',
    element: (
      <RequirePermission permission="accommodation.checklist">
        <ChecklistPage />
      </RequirePermission>
    ),
  },
];
