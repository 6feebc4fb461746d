import { localize } from "@pathwise/domain";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "wouter";
import { classDetail } from "../api/admin";
import { useResource } from "../api/use-resource";
import { ComingSoon, ErrorMessage, Loading } from "../components/Feedback";
import { PageHeader } from "../components/Layout";
import { uiLocale } from "../i18n/locales";

/** One class: its learners (each opens their history) and, later, the mastery heatmap. */
export function ClassPage() {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const { classId = "" } = useParams<{ classId: string }>();
  const detail = useResource((signal) => classDetail(classId, signal), [classId]);

  if (detail.status === "loading") return <Loading />;
  if (detail.status === "error") return <ErrorMessage error={detail.error} />;
  const learners = detail.data.members
    .filter((member) => member.role === "learner")
    .sort((a, b) => a.user.displayName.localeCompare(b.user.displayName, locale));
  return (
    <>
      <PageHeader
        title={localize(detail.data.class.name, locale)}
        lead={t("classes.learnerCount", { count: learners.length })}
      />
      <div className="grid grid--class">
        <section className="card" aria-labelledby="learners-title">
          <h2 id="learners-title">{t("classes.learners")}</h2>
          {learners.length === 0 ? (
            <p className="empty">{t("classes.noLearners")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("admin.name")}</th>
                    <th scope="col">{t("admin.email")}</th>
                  </tr>
                </thead>
                <tbody>
                  {learners.map(({ user }) => (
                    <tr key={user.id}>
                      <td>
                        <Link href={`/classes/${classId}/learners/${user.id}`}>{user.displayName}</Link>
                      </td>
                      <td className="muted">{user.email}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section className="card" aria-labelledby="heatmap-title">
          <h2 id="heatmap-title">{t("classes.heatmapTitle")}</h2>
          <ComingSoon>{t("classes.heatmapPending")}</ComingSoon>
        </section>
      </div>
    </>
  );
}
