import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { guardianChildren } from "../api/progress";
import { useResource } from "../api/use-resource";
import { ErrorMessage, Loading } from "../components/Feedback";
import { PageHeader } from "../components/Layout";

/** A guardian's home: the learners linked to them, each opening a read-only view of their progress. */
export function ChildrenPage() {
  const { t } = useTranslation();
  const children = useResource((signal) => guardianChildren(signal), []);
  return (
    <>
      <PageHeader title={t("guardian.title")} lead={t("guardian.lead")} />
      <section className="card" aria-labelledby="children-title">
        <h2 id="children-title">{t("guardian.children")}</h2>
        {children.status === "loading" && <Loading />}
        {children.status === "error" && <ErrorMessage error={children.error} />}
        {children.status === "ready" && children.data.length === 0 && (
          <p className="empty">{t("guardian.noChildren")}</p>
        )}
        {children.status === "ready" && children.data.length > 0 && (
          <ul className="list-plain">
            {children.data.map((child) => (
              <li key={child.id} className="list-row">
                <Link href={`/children/${child.id}`}>{child.displayName}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
