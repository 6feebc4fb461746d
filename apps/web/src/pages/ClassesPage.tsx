import { localize } from "@pathwise/domain";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { listClasses } from "../api/admin";
import { useResource } from "../api/use-resource";
import { ErrorMessage, Loading } from "../components/Feedback";
import { PageHeader } from "../components/Layout";
import { uiLocale } from "../i18n/locales";

/** The classes a teacher teaches (all of the school's classes for an admin). */
export function ClassesPage() {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const classes = useResource((signal) => listClasses(signal), []);
  return (
    <>
      <PageHeader title={t("classes.title")} lead={t("classes.lead")} />
      {classes.status === "loading" && <Loading />}
      {classes.status === "error" && <ErrorMessage error={classes.error} />}
      {classes.status === "ready" && classes.data.length === 0 && (
        <p className="empty">{t("classes.empty")}</p>
      )}
      {classes.status === "ready" && classes.data.length > 0 && (
        <ul className="list-plain">
          {classes.data.map((schoolClass) => (
            <li key={schoolClass.id} className="list-row">
              <div>
                <Link href={`/classes/${schoolClass.id}`} className="list-row__title">
                  {localize(schoolClass.name, locale)}
                </Link>
                {schoolClass.joinCode && (
                  <p className="muted list-row__meta">
                    {t("classes.joinCode")}: <code>{schoolClass.joinCode}</code>
                  </p>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
