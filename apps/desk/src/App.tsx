import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Loading } from './components/Status.js';
import { Layout } from './Layout.js';
import { RegisterPage } from './pages/Register.js';
import { SignInPage } from './pages/SignIn.js';
import { SessionProvider, useSession } from './session.js';

// The first page (the register) is in the main bundle; every other page loads when opened.
const DeliberationPage = lazy(() => import('./pages/Deliberation.js'));
const RecordPage = lazy(() => import('./pages/Record.js'));
const AmendPage = lazy(() => import('./pages/Amend.js'));
const RevokePage = lazy(() => import('./pages/Revoke.js'));
const CommitmentsPage = lazy(() => import('./pages/Commitments.js'));
const CheckPage = lazy(() => import('./pages/Check.js'));
const LedgerPage = lazy(() => import('./pages/Ledger.js'));
const DeliveryPage = lazy(() => import('./pages/Delivery.js'));
const OutputReleasePage = lazy(() => import('./pages/OutputRelease.js'));
const SchedulePage = lazy(() => import('./pages/Schedule.js'));
const AuditPage = lazy(() => import('./pages/Audit.js'));

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
            <Route path="/desk/sign-in" element={<SignInPage />} />
            <Route
              path="/"
              element={
                <Private>
                  <RegisterPage />
                </Private>
              }
            />
            <Route path="/desk" element={<Navigate to="/" replace />} />
            <Route
              path="/desk/record"
              element={
                <Private>
                  <RecordPage />
                </Private>
              }
            />
            <Route
              path="/desk/deliberations/:id"
              element={
                <Private>
                  <DeliberationPage />
                </Private>
              }
            />
            <Route
              path="/desk/deliberations/:id/amend"
              element={
                <Private>
                  <AmendPage />
                </Private>
              }
            />
            <Route
              path="/desk/deliberations/:id/revoke"
              element={
                <Private>
                  <RevokePage />
                </Private>
              }
            />
            <Route
              path="/desk/deliberations/:id/commitments"
              element={
                <Private>
                  <CommitmentsPage />
                </Private>
              }
            />
            <Route
              path="/desk/check"
              element={
                <Private>
                  <CheckPage />
                </Private>
              }
            />
            <Route
              path="/desk/deliveries"
              element={
                <Private>
                  <LedgerPage />
                </Private>
              }
            />
            <Route
              path="/desk/deliveries/:id"
              element={
                <Private>
                  <DeliveryPage />
                </Private>
              }
            />
            <Route
              path="/desk/output-release"
              element={
                <Private>
                  <OutputReleasePage />
                </Private>
              }
            />
            <Route
              path="/desk/schedule"
              element={
                <Private>
                  <SchedulePage />
                </Private>
              }
            />
            <Route
              path="/desk/audit"
              element={
                <Private>
                  <AuditPage />
                </Private>
              }
            />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </Layout>
    </SessionProvider>
  );
}
