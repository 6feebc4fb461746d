import type { CourseImportResponse } from "@pathwise/contracts";
import { localize } from "@pathwise/domain";
import { type ChangeEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { ApiError } from "../../api/http";
import { sendCourseFile } from "../../api/imports";
import { Alert, ErrorMessage } from "../../components/Feedback";
import { uiLocale } from "../../i18n/locales";
import { messageKey } from "../../i18n/message-key";
import { ProblemList } from "./ProblemList";

interface ChosenFile {
  readonly filename: string;
  readonly text: string;
}

type Outcome =
  | { kind: "result"; result: CourseImportResponse }
  | { kind: "problems"; problems: ApiError["issues"] }
  | { kind: "error"; error: unknown };

/**
 * Course import (docs/course-format.md): choose a `.yaml`/`.yml`/`.json` file, check it, import it. The
 * server validates the whole file and lists every problem with its path; a file with any problem writes
 * nothing. Importing the same file again updates the course instead of duplicating it.
 */
export function CourseImport() {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<ChosenFile>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const locale = uiLocale(i18n.language);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    setOutcome(undefined);
    const chosen = event.currentTarget.files?.[0];
    setFile(chosen ? { filename: chosen.name, text: await chosen.text() } : undefined);
  }

  async function send(check: boolean) {
    if (!file) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const result = await sendCourseFile(file, check);
      setOutcome(
        result.outcome === "problems"
          ? {
              kind: "problems",
              problems: result.problems.map(({ path, message }) => ({ field: path, message })),
            }
          : { kind: "result", result },
      );
    } catch (error) {
      setOutcome(
        error instanceof ApiError && error.code === "course_invalid"
          ? { kind: "problems", problems: error.issues }
          : { kind: "error", error },
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby="course-import-title">
      <h2 id="course-import-title">{t("imports.courseTitle")}</h2>
      <p className="muted">{t("imports.courseLead")}</p>
      <div className="field">
        <label htmlFor="course-file">{t("imports.courseFile")}</label>
        <input
          id="course-file"
          className="input"
          type="file"
          accept=".yaml,.yml,.json"
          onChange={(event) => void choose(event)}
        />
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={!file || busy}
          onClick={() => void send(true)}
        >
          {t("imports.check")}
        </button>
        <button type="button" className="button" disabled={!file || busy} onClick={() => void send(false)}>
          {t("imports.import")}
        </button>
      </div>
      {busy && (
        <p className="muted" role="status">
          {t("imports.sending")}
        </p>
      )}
      {outcome?.kind === "problems" && file && (
        <ProblemList filename={file.filename} problems={outcome.problems} />
      )}
      {outcome?.kind === "error" && <ErrorMessage error={outcome.error} />}
      {outcome?.kind === "result" && outcome.result.outcome === "checked" && (
        <Alert kind="success">
          {t("imports.checked", {
            concepts: outcome.result.concepts,
            items: outcome.result.items,
            courses: outcome.result.courses.map((course) => localize(course.title, locale)).join(", "),
          })}
        </Alert>
      )}
      {outcome?.kind === "result" && outcome.result.outcome === "imported" && (
        <Alert kind="success">
          <p>{t("imports.imported")}</p>
          <ul>
            {outcome.result.courses.map((course) => (
              <li key={course.id}>
                <strong>{localize(course.title, locale)}</strong>{" "}
                {t(
                  course.course === "created"
                    ? messageKey("imports.courseCreated")
                    : messageKey("imports.courseUpdated"),
                  {
                    conceptsCreated: course.concepts.created,
                    conceptsUpdated: course.concepts.updated,
                    itemsCreated: course.items.created,
                    itemsUpdated: course.items.updated,
                  },
                )}{" "}
                <Link href={`/models?course=${course.id}`}>{t("imports.toModels")}</Link>
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </section>
  );
}
