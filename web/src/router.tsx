import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation, useParams } from 'react-router';
import { RouteError } from './components/RouteError.tsx';
import { FullPageSpin } from './components/page.tsx';
import { features } from './features/index.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { setAppRoutes } from './lib/links.ts';
import { SessionProvider, useSession } from './session/session.tsx';

// One chunk per screen (ARCHITECTURE: an unsplit bundle was 1 MB).
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
const ApprovalPage = lazy(() => import('./features/approvals/ApprovalPage.tsx'));
const NotFoundPage = lazy(() => import('./components/NotFoundPage.tsx'));

function Root() {
  return (
    <SessionProvider>
      <Suspense fallback={<FullPageSpin />}>
        <Outlet />
      </Suspense>
    </SessionProvider>
  );
}

/**
 * `/tasks/:id` (task notifications and reminder e-mails): tasks are worked on from the home
 * page's task list, which highlights the one asked for.
 */
function TaskLink() {
  const { id = '' } = useParams();
  return <Navigate to={`/?task=${encodeURIComponent(id)}`} replace />;
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
          { path: 'approvals/:id', element: <ApprovalPage /> },
          { path: 'tasks/:id', element: <TaskLink /> },
          ...features.flatMap((f) => f.routes),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

// Links the API returns are followed only when one of these routes answers them (lib/links.ts).
setAppRoutes(router.routes);
