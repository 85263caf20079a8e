import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { RouteError } from './components/RouteError.tsx';
import { FullPageSpin } from './components/FullPageSpin.tsx';
import { features } from './features/index.ts';
import { setAppRoutes } from './lib/links.ts';
import { SessionProvider, useSession } from './session/session.tsx';

// One chunk per screen (ARCHITECTURE: an unsplit bundle was 1 MB). The signed-in frame (menu,
// header, notifications) is a chunk of its own too: the login page never loads it (issue 10:
// the first screen's JavaScript ≤ 250 kB gzip).
const AppLayout = lazy(() => import('./layout/AppLayout.tsx').then((m) => ({ default: m.AppLayout })));
const LoginPage = lazy(() => import('./features/auth/LoginPage.tsx'));
const TotpPage = lazy(() => import('./features/auth/TotpPage.tsx'));
const TotpSetupPage = lazy(() => import('./features/auth/TotpSetupPage.tsx'));
const HomePage = lazy(() => import('./features/home/HomePage.tsx'));
const DepartmentsPage = lazy(() => import('./features/departments/DepartmentsPage.tsx'));
const PeoplePage = lazy(() => import('./features/people/PeoplePage.tsx'));
const RolesPage = lazy(() => import('./features/roles/RolesPage.tsx'));
const AccountsPage = lazy(() => import('./features/accounts/AccountsPage.tsx'));
const AuditPage = lazy(() => import('./features/audit/AuditPage.tsx'));
const SettingsPage = lazy(() => import('./features/settings/SettingsPage.tsx'));
const NotFoundPage = lazy(() => import('./components/NotFoundPage.tsx'));
// 公開窓口 (issue #14): pages for people without an account.
const PortalPage = lazy(() => import('./features/portal/PortalPage.tsx'));
const PortalReceiptPage = lazy(() => import('./features/portal/PortalReceiptPage.tsx'));
const PortalNoticePage = lazy(() => import('./features/portal/PortalNoticePage.tsx'));
const PortalConsentPage = lazy(() => import('./features/portal/PortalConsentPage.tsx'));
const PublicPolicyPage = lazy(() => import('./features/policy/PublicPolicyPage.tsx'));
// Their frame: the language from the URL (?lang=en), antd in it.
const PublicPages = lazy(() => import('./features/portal/PublicFrame.tsx').then((m) => ({ default: m.PublicPages })));

function Root() {
  return (
    <SessionProvider>
      <Suspense fallback={<FullPageSpin />}>
        <Outlet />
      </Suspense>
    </SessionProvider>
  );
}

/** Signed-in screens only: otherwise the login page (with `next`), the code page or the TOTP setup. */
function RequireAuth({ children }: { children: ReactNode }) {
  const { session, loading, loginPath } = useSession();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  const here = `${location.pathname}${location.search}`;
  if (!session) return <Navigate to={loginPath(here)} replace />;
  if (session.needsTotp) return <Navigate to={`/totp?next=${encodeURIComponent(here)}`} replace />;
  if (session.mustEnrollTotp && location.pathname !== '/settings/totp') return <Navigate to="/settings/totp" replace />;
  return <>{children}</>;
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/totp', element: <TotpPage /> },
      {
        element: <PublicPages />,
        children: [
          { path: '/p/:slug', element: <PortalPage /> },
          { path: '/p/:slug/receipts/:number', element: <PortalReceiptPage /> },
          { path: '/p/:slug/notices/:templateId', element: <PortalNoticePage /> },
          { path: '/p/:slug/consent', element: <PortalConsentPage /> },
          { path: '/p/:slug/policy', element: <PublicPolicyPage /> },
        ],
      },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: 'departments', element: <DepartmentsPage /> },
          { path: 'people', element: <PeoplePage /> },
          { path: 'roles', element: <RolesPage /> },
          { path: 'accounts', element: <AccountsPage /> },
          { path: 'audit', element: <AuditPage /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: 'settings/totp', element: <TotpSetupPage /> },
          ...features.flatMap((f) => f.routes),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

// Links the API returns are followed only when one of these routes answers them (lib/links.ts).
setAppRoutes(router.routes);
