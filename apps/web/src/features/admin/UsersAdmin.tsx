import type { UserListEntry } from "@pathwise/contracts";
import { RoleSchema } from "@pathwise/domain";
import { useTranslation } from "react-i18next";
import { createUser } from "../../api/admin";
import { DataTable } from "../../components/DataTable";
import { Alert, ErrorMessage } from "../../components/Feedback";
import { Field } from "../../components/Field";
import { SelectField } from "../../components/SelectField";
import { uiLocale } from "../../i18n/locales";
import { ROLE_LABELS } from "../../session/navigation";
import { AccountActions, AccountStatusBadge, useAccountNotice } from "./AccountActions";
import { useSubmit } from "./use-submit";

export function UsersAdmin({
  users,
  currentUserId,
  roleOptions,
  onChange,
}: {
  users: readonly UserListEntry[];
  /** The admin looking at the page: their own account offers no disable or delete (the server refuses both). */
  currentUserId: string | undefined;
  roleOptions: { value: string; label: string }[];
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const notice = useAccountNotice();
  const create = useSubmit(async (form) => {
    await createUser({
      displayName: String(form.get("displayName")),
      email: String(form.get("email")),
      password: String(form.get("password")),
      role: RoleSchema.parse(form.get("role")),
      locale: uiLocale(i18n.language),
    });
    onChange();
  });

  // Staff first (admins, teachers), then everyone else, each by name.
  const roleOrder = ["admin", "teacher", "guardian", "learner"];
  const sortedUsers = [...users].sort(
    (a, b) =>
      roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) ||
      a.displayName.localeCompare(b.displayName, uiLocale(i18n.language)),
  );
  return (
    <section className="card" aria-labelledby="users-title">
      <h2 id="users-title">{t("admin.users")}</h2>
      {notice.element}
      <DataTable
        columns={[
          { label: t("admin.name") },
          { label: t("admin.email") },
          { label: t("admin.role") },
          { label: t("admin.status") },
          { label: t("admin.actions") },
        ]}
      >
        {sortedUsers.map((user) => (
          <tr key={user.id}>
            <td>{user.displayName}</td>
            <td className="muted">{user.email}</td>
            <td>
              <span className="badge">{t(ROLE_LABELS[user.role])}</span>
            </td>
            <td>
              <AccountStatusBadge status={user.status} />
            </td>
            <td>
              {user.id === currentUserId ? (
                <span className="muted">{t("admin.yourAccount")}</span>
              ) : (
                <AccountActions
                  user={user}
                  onChanged={(action) => {
                    notice.show(action, user.displayName);
                    onChange();
                  }}
                />
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <h3 className="form-title">{t("admin.createUser")}</h3>
      {create.error !== undefined && <ErrorMessage error={create.error} />}
      {create.done && <Alert kind="success">{t("admin.created")}</Alert>}
      <form className="form-row" onSubmit={create.onSubmit}>
        <Field label={t("admin.name")} name="displayName" required maxLength={100} />
        <Field label={t("admin.email")} name="email" type="email" required />
        <Field
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
        />
        <SelectField label={t("admin.role")} name="role" options={roleOptions} defaultValue="learner" />
        <button type="submit" className="button" disabled={create.busy}>
          {t("admin.createUser")}
        </button>
      </form>
    </section>
  );
}
