import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Redirect, Route, Switch } from "wouter";
import { Loading } from "./components/Feedback";
import { Layout, PageHeader } from "./components/Layout";
import { LogInPage } from "./pages/LogInPage";
import { RegisterSchoolPage } from "./pages/RegisterSchoolPage";
import { SignUpPage } from "./pages/SignUpPage";
import { homeFor } from "./session/navigation";
import { SessionProvider, useSession } from "./session/SessionContext";

// Signed-in pages load on demand: the log-in page does not wait for the graph and table code.
const DashboardPage = lazy(() => import("./pages/DashboardPage").then((m) => ({ default: m.DashboardPage })));
const PracticePage = lazy(() => import("./pages/PracticePage").then((m) => ({ default: m.PracticePage })));
const ClassesPage = lazy(() => import("./pages/ClassesPage").then((m) => ({ default: m.ClassesPage })));
const ClassPage = lazy(() => import("./pages/ClassPage").then((m) => ({ default: m.ClassPage })));
const LearnerHistoryPage = lazy(() =>
  import("./pages/LearnerHistoryPage").then((m) => ({ default: m.LearnerHistoryPage })),
);
const PlacementPage = lazy(() => import("./pages/PlacementPage").then((m) => ({ default: m.PlacementPage })));
const ChildrenPage = lazy(() => import("./pages/ChildrenPage").then((m) => ({ default: m.ChildrenPage })));
const ChildPage = lazy(() => import("./pages/ChildPage").then((m) => ({ default: m.ChildPage })));
const AdminPage = lazy(() => import("./pages/AdminPage").then((m) => ({ default: m.AdminPage })));
const ImportsPage = lazy(() => import("./pages/ImportsPage").then((m) => ({ default: m.ImportsPage })));
const ModelsPage = lazy(() => import("./pages/ModelsPage").then((m) => ({ default: m.ModelsPage })));
const ModelPage = lazy(() => import("./pages/ModelPage").then((m) => ({ default: m.ModelPage })));
const JobsPage = lazy(() => import("./pages/JobsPage").then((m) => ({ default: m.JobsPage })));

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("errors.notFound")} />
      <Link href="/">{t("errors.goHome")}</Link>
    </>
  );
}

/** Pages for a signed-in user; anyone else is sent to the log-in page. */
function SignedInRoutes() {
  const { user } = useSession();
  if (!user) return <Redirect to="/login" replace />;
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/">
          {user.role === "learner" ? <DashboardPage /> : <Redirect to={homeFor(user.role)} replace />}
        </Route>
        <Route path="/practice" component={PracticePage} />
        <Route path="/placement" component={PlacementPage} />
        <Route path="/classes" component={ClassesPage} />
        <Route path="/classes/:classId" component={ClassPage} />
        <Route path="/classes/:classId/learners/:learnerId" component={LearnerHistoryPage} />
        <Route path="/children" component={ChildrenPage} />
        <Route path="/children/:learnerId" component={ChildPage} />
        <Route path="/admin" component={AdminPage} />
        <Route path="/imports" component={ImportsPage} />
        <Route path="/models" component={ModelsPage} />
        <Route path="/models/:modelId" component={ModelPage} />
        <Route path="/jobs" component={JobsPage} />
        <Route component={NotFound} />
      </Switch>
    </Suspense>
  );
}

function Routes() {
  const session = useSession();
  if (session.status === "loading") return <Loading />;
  return (
    <Switch>
      <Route path="/login">
        {session.user ? <Redirect to={homeFor(session.user.role)} replace /> : <LogInPage />}
      </Route>
      <Route path="/signup">
        {session.user ? <Redirect to={homeFor(session.user.role)} replace /> : <SignUpPage />}
      </Route>
      <Route path="/register-school">
        {session.user ? <Redirect to={homeFor(session.user.role)} replace /> : <RegisterSchoolPage />}
      </Route>
      <Route>
        <SignedInRoutes />
      </Route>
    </Switch>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Layout>
        <Routes />
      </Layout>
    </SessionProvider>
  );
}
