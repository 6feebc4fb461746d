import type { UserView } from "@pathwise/contracts";
import { RoleSchema } from "@pathwise/domain";
import { useTranslation } from "react-i18next";
import { createUser } from "../../api/admin";
import { DataTable } from "../../components/DataTable";
import { Alert, ErrorMessage } from "../../components/Feedback";
import { Field } from "../../components/Field";
import { SelectField } from "../../components/SelectField";
import { uiLocale } from "../../i18n/locales";
import { ROLE_LABELS } from "../../session/navigation";
import { useSubmit } from "./use-submit";

export function UsersAdmin({
  users,
  roleOptions,
  onChange,
}: {
  users: readonly UserView[];
  roleOptions: { value: string; label: string }[];
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
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
      <DataTable
        columns={[{ label: t("admin.name") }, { label: t("admin.email") }, { label: t("admin.role") }]}
      >
        {sortedUsers.map((user) => (
          <tr key={user.id}>
            <td>{user.displayName}</td>
            <td className="muted">{user.email}</td>
            <td>
              <span className="badge">{t(ROLE_LABELS[user.role])}</span>
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
