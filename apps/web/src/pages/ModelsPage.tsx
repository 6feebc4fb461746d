import { localize } from "@pathwise/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearch } from "wouter";
import { listCourses } from "../api/courses";
import { listDecisions, listModels, rollbackChampion } from "../api/models";
import { useResource } from "../api/use-resource";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorMessage, Loaded, Loading } from "../components/Feedback";
import { PageHeader } from "../components/Layout";
import { SelectField } from "../components/SelectField";
import { ChampionCard } from "../features/models/ChampionCard";
import { DecisionsLog } from "../features/models/DecisionsLog";
import { ModelSettingsPanel } from "../features/models/ModelSettingsForm";
import { RegistryTable } from "../features/models/RegistryTable";
import { TrainingPanel } from "../features/models/TrainingPanel";
import { uiLocale } from "../i18n/locales";
import { useSession } from "../session/SessionContext";
import "../styles/staff.css";

/** One course's learner models: its champion, every trained model, training, and the decisions log. */
function CourseModels({ courseId, isAdmin, userId }: { courseId: string; isAdmin: boolean; userId: string }) {
  const { t } = useTranslation();
  const models = useResource((signal) => listModels(courseId, signal), [courseId]);
  const decisions = useResource((signal) => listDecisions(courseId, signal), [courseId]);
  // Finished training runs on this page: the settings' last-training line follows them.
  const [trainings, setTrainings] = useState(0);
  const reload = () => {
    models.reload();
    decisions.reload();
  };
  const champion =
    models.status === "ready" ? models.data.find((model) => model.status === "champion") : undefined;
  // The training panel stays mounted while the lists reload, so a finished job's progress stays in view.
  return (
    <>
      <Loaded resource={models}>
        {() => (
          <ChampionCard
            champion={champion}
            actions={
              isAdmin && champion ? (
                <ConfirmDialog
                  buttonLabel={t("models.rollback")}
                  title={t("models.rollbackTitle")}
                  explanation={t("models.rollbackExplanation")}
                  confirmLabel={t("models.rollback")}
                  reasonLabel={t("models.reason")}
                  onConfirm={async (reason) => {
                    await rollbackChampion(courseId, reason);
                    reload();
                  }}
                />
              ) : undefined
            }
          />
        )}
      </Loaded>
      <TrainingPanel
        courseId={courseId}
        onFinished={() => {
          reload();
          setTrainings((count) => count + 1);
        }}
      />
      {isAdmin && <ModelSettingsPanel courseId={courseId} trainings={trainings} />}
      <section className="card stack" aria-labelledby="registry-title">
        <h2 id="registry-title">{t("models.registryTitle")}</h2>
        <Loaded resource={models}>{(data) => <RegistryTable models={data} />}</Loaded>
      </section>
      <section className="card stack" aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t("models.decisionsTitle")}</h2>
        <Loaded resource={decisions}>
          {(data) => (
            <DecisionsLog
              decisions={data}
              models={models.status === "ready" ? models.data : []}
              currentUserId={userId}
            />
          )}
        </Loaded>
      </section>
    </>
  );
}

/** Learner models per course (staff); `?course=<id>` picks the course, else the first one. */
export function ModelsPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const [, navigate] = useLocation();
  const requested = new URLSearchParams(useSearch()).get("course") ?? undefined;
  const courses = useResource((signal) => listCourses(signal), []);
  const locale = uiLocale(i18n.language);

  let body: React.ReactNode;
  if (courses.status === "loading") body = <Loading />;
  else if (courses.status === "error") body = <ErrorMessage error={courses.error} />;
  else if (courses.data.length === 0) body = <p className="muted">{t("models.noCourses")}</p>;
  else {
    const course = courses.data.find((c) => c.id === requested) ?? courses.data[0];
    body = course && (
      <>
        <SelectField
          label={t("models.course")}
          value={course.id}
          onChange={(event) => navigate(`/models?course=${event.currentTarget.value}`)}
          options={courses.data.map((c) => ({ value: c.id, label: localize(c.title, locale) }))}
        />
        <CourseModels
          key={course.id}
          courseId={course.id}
          isAdmin={user?.role === "admin"}
          userId={user?.id ?? ""}
        />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("models.title")} lead={t("models.lead")} />
      <div className="stack">{body}</div>
    </>
  );
}
