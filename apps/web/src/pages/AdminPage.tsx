import { ROLES } from "@pathwise/domain";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { listClasses, listUsers } from "../api/admin";
import { useResource } from "../api/use-resource";
import { ErrorMessage, Loading } from "../components/Feedback";
import { PageHeader } from "../components/Layout";
import { ClassesAdmin } from "../features/admin/ClassesAdmin";
import { UsersAdmin } from "../features/admin/UsersAdmin";
import { ROLE_LABELS } from "../session/navigation";
import { useSession } from "../session/SessionContext";

/** School administration: users, classes and enrolments, and the way to the import page. */
export function AdminPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const users = useResource((signal) => listUsers(signal), []);
  const classes = useResource((signal) => listClasses(signal), []);
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(ROLE_LABELS[role]) }));

  return (
    <>
      <PageHeader title={t("admin.title")} lead={t("admin.lead")} />
      <div className="stack">
        {users.status === "loading" || classes.status === "loading" ? (
          <Loading />
        ) : users.status === "error" ? (
          <ErrorMessage error={users.error} />
        ) : classes.status === "error" ? (
          <ErrorMessage error={classes.error} />
        ) : (
          <>
            {/* After a change the lists refresh in place: confirmations and the focus stay where they are. */}
            <UsersAdmin
              users={users.data}
              currentUserId={user?.id}
              roleOptions={roleOptions}
              onChange={users.refresh}
            />
            <ClassesAdmin
              classes={classes.data}
              users={users.data}
              onChange={() => {
                classes.refresh();
                users.refresh();
              }}
            />
          </>
        )}
        <section className="card" aria-labelledby="import-title">
          <h2 id="import-title">{t("admin.courseImportTitle")}</h2>
          <Link href="/imports">{t("admin.courseImportLink")}</Link>
        </section>
      </div>
    </>
  );
}
