import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../auth/RequirePermission';

const RequestFormPage = lazy(() => import('./RequestFormPage').then((m) => ({ default: m.RequestFormPage })));
const RequestPage = lazy(() => import('./RequestPage').then((m) => ({ default: m.RequestPage })));

/** The access-request pages below /privacy (the list and the DPO page are navigation entries). */
export const privacyRoutes: RouteObject[] = [
  {
    path: '/privacy/requests/new',
    element: (
      <RequirePermission permission="privacy.request.create">
        <RequestFormPage />
      </RequirePermission>
    ),
  },
  {
    path: '/privacy/requests/:id',
    element: (
      <RequirePermission permission="privacy.request.read">
        <RequestPage />
      </RequirePermission>
    ),
  },
];
