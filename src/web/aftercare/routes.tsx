import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../auth/RequirePermission';

const AftercareCasePage = lazy(() => import('./AftercareCasePage').then((m) => ({ default: m.AftercareCasePage })));
const VisitFormPage = lazy(() => import('./VisitFormPage').then((m) => ({ default: m.VisitFormPage })));

/** The aftercare pages below /aftercare (the start page itself is the navigation entry's route). */
export const aftercareRoutes: RouteObject[] = [
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
