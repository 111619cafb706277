import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../auth/RequirePermission';

const AftercareCasePage = lazy(() => import('./AftercareCasePage').then((m) => ({ default: m.AftercareCasePage })));
const VisitFormPage = lazy(() => import('./VisitFormPage').then((m) => ({ default: m.VisitFormPage })));
const ReferralFormPage = lazy(() => import('./ReferralFormPage').then((m) => ({ default: m.ReferralFormPage })));
const AgreementsPage = lazy(() => import('./AgreementsPage').then((m) => ({ default: m.AgreementsPage })));
const ReportsPage = lazy(() => import('./ReportsPage').then((m) => ({ default: m.ReportsPage })));
const AnnualReportPage = lazy(() => import('./AnnualReportPage').then((m) => ({ default: m.AnnualReportPage })));

/** The aftercare pages below /aftercare (the start page itself is the navigation entry's route). */
export const aftercareRoutes: RouteObject[] = [
  {
    path: '/aftercare/cases/new',
    element: (
      <RequirePermission permission="aftercare.refer">
        <ReferralFormPage />
      </RequirePermission>
    ),
  },
  {
    path: '/aftercare/agreements',
    element: (
      <RequirePermission permission="aftercare.agreement.list">
        <AgreementsPage />
      </RequirePermission>
    ),
  },
  {
    path: '/aftercare/reports',
    element: (
      <RequirePermission permission="aftercare.report">
        <ReportsPage />
      </RequirePermission>
    ),
  },
  {
    path: '/aftercare/reports/annual/:id',
    element: (
      <RequirePermission permission="aftercare.report">
        <AnnualReportPage />
      </RequirePermission>
    ),
  },
  {
    path: '/aftercare/cases/:id',
    element: (
      <RequirePermission permission="aftercare.read">
        <AftercareCasePage />
      </RequirePermission>
    ),
  },
  {
    path: '/aftercare/cases/:id/visit',
    element: (
      <RequirePermission permission="aftercare.visit">
        <VisitFormPage />
      </RequirePermission>
    ),
  },
];
