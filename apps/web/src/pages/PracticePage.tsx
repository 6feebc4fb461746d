import { localize, toLearnerEvent } from "@pathwise/domain";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearch } from "wouter";
import { type CheckResult, checkAnswer } from "../api/courses";
import { answeredStatement, postStatements, recentHistory } from "../api/events";
import { useResource } from "../api/use-resource";
import { Alert, ErrorMessage, Loading } from "../components/Feedback";
import { PageHeader } from "../components/Layout";
import { type CourseData, useCourse } from "../features/course/use-course";
import { AnswerInput } from "../features/practice/AnswerInput";
import { nextPracticeItem } from "../features/practice/next-item";
import { uiLocale } from "../i18n/locales";
import { useSession } from "../session/SessionContext";

const HISTORY_WINDOW = 1000;

function FeedbackFor({ result }: { result: CheckResult }) {
  const { t } = useTranslation();
  if (result.status === "correct") return <Alert kind="success">{t("practice.correct")}</Alert>;
  if (result.status === "incorrect") return <Alert kind="error">{t("practice.incorrect")}</Alert>;
  if (result.status === "ungraded") return <Alert kind="info">{t("practice.ungraded")}</Alert>;
  return <Alert kind="info">{t("practice.unreadable")}</Alert>;
}

/**
 * One question at a time: the server grades the answer (the key never reaches the browser), the
 * answer is recorded as an xAPI statement, and the next question follows the course order.
 */
function PracticeSession({
  course,
  learnerId,
  requested,
}: {
  course: CourseData;
  learnerId: string;
  /** An item chosen on the dashboard ("Next up"); practised first when it belongs to the course. */
  requested: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const past = useResource((signal) => recentHistory(learnerId, HISTORY_WINDOW, signal), [learnerId]);
  const [answered, setAnswered] = useState<{ itemId: string; correct: boolean | undefined }[]>([]);
  const [current, setCurrent] = useState<string>();
  const [response, setResponse] = useState("");
  const [result, setResult] = useState<CheckResult>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const shownAt = useRef(Date.now());
  const feedbackRef = useRef<HTMLDivElement>(null);

  const history =
    past.status === "ready"
      ? past.data.map((entry) => {
          const event = toLearnerEvent(entry.statement);
          return { itemId: event.itemId ?? "", correct: event.correct };
        })
      : [];
  const pick = (skip: Set<string>) =>
    nextPracticeItem(course.items, course.graph.order, [...history, ...answered], skip)?.id;

  // biome-ignore lint/correctness/useExhaustiveDependencies: choose the first item once the history is in
  useEffect(() => {
    if (past.status !== "loading" && current === undefined) {
      const chosen = course.items.some((candidate) => candidate.id === requested) ? requested : undefined;
      setCurrent(chosen ?? pick(new Set()));
    }
  }, [past.status]);

  if (past.status === "loading") return <Loading />;
  const item = course.items.find((candidate) => candidate.id === current);
  if (!item) return <p className="empty">{t("practice.noItems")}</p>;
  const concept = course.graph.concepts.find((candidate) => item.conceptIds.includes(candidate.id));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!item || response.trim() === "") return;
    setBusy(true);
    setError(undefined);
    try {
      const checked = await checkAnswer(item.id, response);
      if (checked.status !== "unreadable") {
        const success = checked.status === "ungraded" ? undefined : checked.status === "correct";
        await postStatements([
          answeredStatement({
            learnerId,
            itemId: item.id,
            response,
            success,
            durationMs: Date.now() - shownAt.current,
            language: locale,
            at: new Date(),
          }),
        ]);
        setAnswered((list) => [...list, { itemId: item.id, correct: success }]);
      }
      setResult(checked);
      requestAnimationFrame(() => feedbackRef.current?.focus());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  function next() {
    setCurrent(pick(new Set(item ? [item.id] : [])));
    setResponse("");
    setResult(undefined);
    shownAt.current = Date.now();
  }

  const done = result !== undefined && result.status !== "unreadable";
  return (
    <section className="card practice-card" aria-labelledby="question-title">
      {concept && (
        <p className="muted">{t("practice.concept", { concept: localize(concept.title, locale) })}</p>
      )}
      <h2 id="question-title" className="question">
        {localize(item.stem, locale)}
      </h2>
      <form onSubmit={(event) => void submit(event)}>
        <AnswerInput item={item} value={response} onChange={setResponse} disabled={busy || done} />
        <div ref={feedbackRef} tabIndex={-1} className="practice-feedback">
          {error !== undefined && <ErrorMessage error={error} />}
          {result && <FeedbackFor result={result} />}
        </div>
        {done ? (
          <button type="button" className="button" onClick={next}>
            {t("practice.next")}
          </button>
        ) : (
          <button type="submit" className="button" disabled={busy || response.trim() === ""}>
            {t("practice.submit")}
          </button>
        )}
      </form>
    </section>
  );
}

export function PracticePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const course = useCourse();
  const requested = new URLSearchParams(useSearch()).get("item") ?? undefined;
  return (
    <>
      <PageHeader title={t("practice.title")} lead={t("practice.lead")} />
      <p className="muted">{t("practice.orderNote")}</p>
      {course.status === "loading" && <Loading />}
      {course.status === "error" && <ErrorMessage error={course.error} />}
      {course.status === "ready" && !course.data && <p className="empty">{t("practice.noItems")}</p>}
      {course.status === "ready" && course.data && user && (
        <PracticeSession course={course.data} learnerId={user.id} requested={requested} />
      )}
    </>
  );
}
