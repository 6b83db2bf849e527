import { lazy, Suspense, type ComponentType } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Loading } from './components/Status.js';
import { Layout } from './Layout.js';
import { RegisterPage } from './pages/Register.js';
import { SignInPage } from './pages/SignIn.js';
import { SessionProvider, useSession } from './session.js';

/** Pages anyone may open, signed in or not. */
const PUBLIC_ROUTES: [path: string, page: ComponentType][] = [['/desk/sign-in', SignInPage]];

/**
 * Pages behind the sign-in. The first page (the register) is in the main bundle; every other
 * page loads when opened.
 */
const PRIVATE_ROUTES: [path: string, page: ComponentType][] = [
  ['/', RegisterPage],
  ['/desk/record', lazy(() => import('./pages/Record.js'))],
  ['/desk/deliberations/:id', lazy(() => import('./pages/Deliberation.js'))],
  ['/desk/deliberations/:id/amend', lazy(() => import('./pages/Amend.js'))],
  ['/desk/deliberations/:id/revoke', lazy(() => import('./pages/Revoke.js'))],
  ['/desk/deliberations/:id/commitments', lazy(() => import('./pages/Commitments.js'))],
  ['/desk/check', lazy(() => import('./pages/Check.js'))],
  ['/desk/deliveries', lazy(() => import('./pages/Ledger.js'))],
  ['/desk/deliveries/:id', lazy(() => import('./pages/Delivery.js'))],
  ['/desk/output-release', lazy(() => import('./pages/OutputRelease.js'))],
  ['/desk/schedule', lazy(() => import('./pages/Schedule.js'))],
  ['/desk/audit', lazy(() => import('./pages/Audit.js'))],
];

function Private({ children }: { children: React.ReactNode }) {
  const { session } = useSession();
  return session ? <>{children}</> : <Navigate to="/desk/sign-in" replace />;
}

export function App() {
  return (
    <SessionProvider>
      <Layout>
        <Suspense fallback={<Loading />}>
          <Routes>
            {PUBLIC_ROUTES.map(([path, Page]) => (
              <Route key={path} path={path} element={<Page />} />
            ))}
            {PRIVATE_ROUTES.map(([path, Page]) => (
              <Route
                key={path}
                path={path}
                element={
                  <Private>
                    <Page />
                  </Private>
                }
              />
            ))}
            <Route path="/desk" element={<Navigate to="/" replace />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </Layout>
    </SessionProvider>
  );
}
