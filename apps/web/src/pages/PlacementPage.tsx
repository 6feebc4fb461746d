import { localize } from "@pathwise/domain";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { answerPlacement, latestPlacement, type PlacementSession, startPlacement } from "../api/learning";
import { useResource } from "../api/use-resource";
import { ErrorMessage, Loading } from "../components/Feedback";
import { PageHeader } from "../components/Layout";
import { type CourseData, useCourse } from "../features/course/use-course";
import { PlacementResult } from "../features/placement/PlacementResult";
import { AnswerInput } from "../features/practice/AnswerInput";
import { uiLocale } from "../i18n/locales";
import { useSession } from "../session/SessionContext";

/**
 * Items per test. The server stops earlier once the ability is precise (SE ≤ 0.3); a cap of 12 keeps
 * the first visit short, at the cost of a wider interval than the server's default cap of 30.
 */
const PLACEMENT_LENGTH = 12;

function PlacementTest({
  course,
  learnerId,
  unfinished,
}: {
  course: CourseData;
  learnerId: string;
  /** A test started earlier and not finished: it continues where it stopped. */
  unfinished: PlacementSession | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const [session, setSession] = useState<PlacementSession | undefined>(unfinished);
  const [response, setResponse] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  async function run(action: () => Promise<PlacementSession>) {
    setBusy(true);
    setError(undefined);
    try {
      setSession(await action());
      setResponse("");
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  if (session?.result) return <PlacementResult result={session.result} course={course} />;
  const item = session?.nextItem;
  if (!session || !item) {
    return (
      <section className="card">
        <p>{t("placement.intro", { count: PLACEMENT_LENGTH })}</p>
        {error !== undefined && <ErrorMessage error={error} />}
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void run(() => startPlacement(learnerId, course.course.id, PLACEMENT_LENGTH))}
        >
          {t("placement.start")}
        </button>
      </section>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!session || !item || response.trim() === "") return;
    const answer = { sessionId: session.sessionId, itemId: item.id, response };
    void run(() => answerPlacement(learnerId, course.course.id, answer));
  }

  return (
    <section className="card practice-card" aria-labelledby="placement-question">
      {session.sessionId === unfinished?.sessionId && session.answered === unfinished.answered && (
        <p className="muted">{t("placement.resumed")}</p>
      )}
      <p className="muted" role="status">
        {t("placement.progress", { number: session.answered + 1, total: session.maxItems })}
      </p>
      <h2 id="placement-question" className="question">
        {localize(item.stem, locale)}
      </h2>
      <form onSubmit={submit}>
        <AnswerInput key={item.id} item={item} value={response} onChange={setResponse} disabled={busy} />
        {error !== undefined && <ErrorMessage error={error} />}
        <button type="submit" className="button" disabled={busy || response.trim() === ""}>
          {t("placement.submit")}
        </button>
      </form>
    </section>
  );
}

/**
 * The adaptive placement test (issue 6): the server picks each item and grades it without telling. A test
 * left unfinished (page closed, connection lost) is resumed at its pending question.
 */
export function PlacementPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const course = useCourse();
  const learnerId = user?.id ?? "";
  const courseId = course.status === "ready" ? course.data?.course.id : undefined;
  const latest = useResource(
    (signal) => (courseId ? latestPlacement(learnerId, courseId, signal) : Promise.resolve(null)),
    [learnerId, courseId],
  );
  return (
    <>
      <PageHeader title={t("placement.title")} lead={t("placement.lead")} />
      {(course.status === "loading" || latest.status === "loading") && <Loading />}
      {course.status === "error" && <ErrorMessage error={course.error} />}
      {course.status === "ready" && !course.data && <p className="empty">{t("practice.noItems")}</p>}
      {latest.status === "error" && <ErrorMessage error={latest.error} />}
      {course.status === "ready" && course.data && user && latest.status === "ready" && (
        <PlacementTest
          course={course.data}
          learnerId={user.id}
          unfinished={latest.data?.status === "in_progress" ? latest.data : undefined}
        />
      )}
    </>
  );
}
