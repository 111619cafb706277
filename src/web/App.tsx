import { lazy } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, type RouteObject } from 'react-router';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth } from './auth/RequireAuth';
import { RequirePermission } from './auth/RequirePermission';
import { NotFoundPage } from './pages/NotFoundPage';
import { NAV_ITEMS } from './shell/navItems';
import { isBuilt, MODULE_PAGES } from './modulePages';
import { aftercareRoutes } from './aftercare/routes';
import { privacyRoutes } from './privacy/routes';
import { accommodationRoutes } from './accommodation/routes';

// Larger areas load on demand (code splitting); RequireAuth shows a loading state meanwhile. The start page
// too: its desk (lists, the lead's hand-over dialog and form library) is not needed on the login page.
const HomePage = lazy(() => import('./pages/HomePage').then((m) => ({ default: m.HomePage })));
const SearchPage = lazy(() => import('./search/SearchPage').then((m) => ({ default: m.SearchPage })));
const HouseholdDetailPage = lazy(() => import('./households/HouseholdDetailPage').then((m) => ({ default: m.HouseholdDetailPage })));
const HouseholdNewPage = lazy(() => import('./households/HouseholdFormPage').then((m) => ({ default: m.HouseholdNewPage })));
const HouseholdEditPage = lazy(() => import('./households/HouseholdFormPage').then((m) => ({ default: m.HouseholdEditPage })));
const TemplateEditorPage = lazy(() => import('./documents/TemplateEditorPage').then((m) => ({ default: m.TemplateEditorPage })));
const IncidentDetailPage = lazy(() => import('./sustainment/IncidentDetailPage').then((m) => ({ default: m.IncidentDetailPage })));
const TenancyDetailPage = lazy(() => import('./sustainment/TenancyDetailPage').then((m) => ({ default: m.TenancyDetailPage })));
const TenancyNewPage = lazy(() => import('./sustainment/TenancyFormPage').then((m) => ({ default: m.TenancyNewPage })));
const TenancyEditPage = lazy(() => import('./sustainment/TenancyFormPage').then((m) => ({ default: m.TenancyEditPage })));
const OfferDetailPage = lazy(() => import('./placement/OfferDetailPage').then((m) => ({ default: m.OfferDetailPage })));
const OfferNewPage = lazy(() => import('./placement/OfferFormPage').then((m) => ({ default: m.OfferNewPage })));
const OfferEditPage = lazy(() => import('./placement/OfferFormPage').then((m) => ({ default: m.OfferEditPage })));
const OutboxMailPage = lazy(() => import('./outbox/OutboxMailPage').then((m) => ({ default: m.OutboxMailPage })));
const PreventionImportPage = lazy(() => import('./prevention-import/ImportPage').then((m) => ({ default: m.ImportPage })));
const CaseDetailPage = lazy(() => import('./prevention/CaseDetailPage').then((m) => ({ default: m.CaseDetailPage })));
const NoticeFormPage = lazy(() => import('./prevention/NoticeFormPage').then((m) => ({ default: m.NoticeFormPage })));
const NoticeEditPage = lazy(() => import('./prevention/NoticeEditPage').then((m) => ({ default: m.NoticeEditPage })));
const HelpPage = lazy(() => import('./help/HelpPage').then((m) => ({ default: m.HelpPage })));
const FigureCasesPage = lazy(() => import('./steering/FigureCasesPage').then((m) => ({ default: m.FigureCasesPage })));
const WalkInPage = lazy(() => import('./prevention/WalkInPage').then((m) => ({ default: m.WalkInPage })));

// Entries without a page (modules not built yet) get no route: their paths are "not found".
const navRoutes: RouteObject[] = NAV_ITEMS.filter((item) => isBuilt(item.id)).map((item) => {
  const Component = MODULE_PAGES[item.id];
  const page = Component ? <Component /> : <HomePage />;
  return item.path === '/'
    ? { index: true, element: page }
    : { path: item.path, element: <RequirePermission permission={item.permission}>{page}</RequirePermission> };
});

const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      ...navRoutes,
      { path: '/help', element: <HelpPage /> },
      {
        path: '/households/new',
        element: (
          <RequirePermission permission="household.create">
            <HouseholdNewPage />
          </RequirePermission>
        ),
      },
      {
        path: '/admin/templates/:kind',
        element: (
          <RequirePermission permission="template.list">
            <TemplateEditorPage />
          </RequirePermission>
        ),
      },
      { path: '/households/:id', element: <HouseholdDetailPage /> },
      { path: '/households/:id/edit', element: <HouseholdEditPage /> },
      // The list import is reached from the prevention queue ("Liste importieren").
      {
        path: '/prevention/import',
        element: (
          <RequirePermission permission="preventionImport.read">
            <PreventionImportPage />
          </RequirePermission>
        ),
      },
      {
        path: '/prevention/import/:id',
        element: (
          <RequirePermission permission="preventionImport.read">
            <PreventionImportPage />
          </RequirePermission>
        ),
      },
      {
        path: '/prevention/cases/new',
        element: (
          <RequirePermission permission="prevention.create">
            <NoticeFormPage />
          </RequirePermission>
        ),
      },
      {
        path: '/prevention/cases/:id',
        element: (
          <RequirePermission permission="prevention.read">
            <CaseDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: '/prevention/cases/:id/edit',
        element: (
          <RequirePermission permission="prevention.read">
            <NoticeEditPage />
          </RequirePermission>
        ),
      },
      {
        path: '/prevention/walk-in',
        element: (
          <RequirePermission permission="prevention.visit.list">
            <WalkInPage />
          </RequirePermission>
        ),
      },
      {
        path: '/placement/offers/new',
        element: (
          <RequirePermission permission="offer.create">
            <OfferNewPage />
          </RequirePermission>
        ),
      },
      {
        path: '/placement/offers/:id',
        element: (
          <RequirePermission permission="offer.read">
            <OfferDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: '/placement/offers/:id/edit',
        element: (
          <RequirePermission permission="offer.update">
            <OfferEditPage />
          </RequirePermission>
        ),
      },
      { path: '/placement/tenancies', element: <Navigate to="/sustainment/tenancies" replace /> },
      {
        path: '/sustainment/tenancies/new',
        element: (
          <RequirePermission permission="tenancy.create">
            <TenancyNewPage />
          </RequirePermission>
        ),
      },
      {
        path: '/sustainment/tenancies/:id',
        element: (
          <RequirePermission permission="tenancy.read">
            <TenancyDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: '/sustainment/tenancies/:id/edit',
        element: (
          <RequirePermission permission="tenancy.update">
            <TenancyEditPage />
          </RequirePermission>
        ),
      },
      {
        path: '/sustainment/incidents/:id',
        element: (
          <RequirePermission permission="incident.read">
            <IncidentDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: '/admin/outbox/:id',
        element: (
          <RequirePermission permission="outbox.read">
            <OutboxMailPage />
          </RequirePermission>
        ),
      },
      ...aftercareRoutes,
      ...privacyRoutes,
      {
        path: '/reporting/figures/:key/cases',
        element: (
          <RequirePermission permission="steering.cases">
            <FigureCasesPage />
          </RequirePermission>
        ),
      },
      ...accommodationRoutes,
      {
        path: '/search',
        element: (
          <RequirePermission permission="search.use">
            <SearchPage />
          </RequirePermission>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

const router = createBrowserRouter(routes);

export function App() {
  return <RouterProvider router={router} />;
}
