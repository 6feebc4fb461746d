import type { ClassView, UserView } from "@pathwise/contracts";
import { localize } from "@pathwise/domain";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { createClass, enrol } from "../../api/admin";
import { Alert, ErrorMessage } from "../../components/Feedback";
import { Field } from "../../components/Field";
import { SelectField } from "../../components/SelectField";
import { uiLocale } from "../../i18n/locales";
import { ROLE_LABELS } from "../../session/navigation";
import { useSubmit } from "./use-submit";

export function ClassesAdmin({
  classes,
  users,
  onChange,
}: {
  classes: readonly ClassView[];
  users: readonly UserView[];
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const create = useSubmit(async (form) => {
    const zh = String(form.get("nameZh") ?? "").trim();
    await createClass({ name: { en: String(form.get("name")), ...(zh ? { "zh-CN": zh } : {}) } });
    onChange();
  });
  const enrolment = useSubmit(async (form) => {
    const role = form.get("role") === "teacher" ? "teacher" : "learner";
    await enrol(String(form.get("classId")), { userId: String(form.get("userId")), role });
    onChange();
  });
  const enrollable = users.filter((user) => user.role === "learner" || user.role === "teacher");

  return (
    <section className="card" aria-labelledby="classes-admin-title">
      <h2 id="classes-admin-title">{t("admin.classesTitle")}</h2>
      <ul className="list-plain">
        {classes.map((schoolClass) => (
          <li key={schoolClass.id} className="list-row">
            <Link href={`/classes/${schoolClass.id}`}>{localize(schoolClass.name, locale)}</Link>
            {schoolClass.joinCode && (
              <span className="muted">
                {t("classes.joinCode")}: <code>{schoolClass.joinCode}</code>
              </span>
            )}
          </li>
        ))}
      </ul>
      <h3 className="form-title">{t("admin.createClass")}</h3>
      {create.error !== undefined && <ErrorMessage error={create.error} />}
      {create.done && <Alert kind="success">{t("admin.created")}</Alert>}
      <form className="form-row" onSubmit={create.onSubmit}>
        <Field label={t("admin.className")} name="name" required maxLength={200} />
        <Field label={t("admin.classNameZh")} name="nameZh" maxLength={200} lang="zh-CN" />
        <button type="submit" className="button" disabled={create.busy}>
          {t("admin.createClass")}
        </button>
      </form>
      {classes.length > 0 && enrollable.length > 0 && (
        <>
          <h3 className="form-title">{t("admin.enrolments")}</h3>
          {enrolment.error !== undefined && <ErrorMessage error={enrolment.error} />}
          {enrolment.done && <Alert kind="success">{t("admin.created")}</Alert>}
          <form className="form-row" onSubmit={enrolment.onSubmit}>
            <SelectField
              label={t("admin.enrolUser")}
              name="userId"
              options={enrollable.map((user) => ({
                value: user.id,
                label: `${user.displayName} (${user.email})`,
              }))}
            />
            <SelectField
              label={t("admin.enrolClass")}
              name="classId"
              options={classes.map((schoolClass) => ({
                value: schoolClass.id,
                label: localize(schoolClass.name, locale),
              }))}
            />
            <SelectField
              label={t("admin.enrolRole")}
              name="role"
              options={(["learner", "teacher"] as const).map((role) => ({
                value: role,
                label: t(ROLE_LABELS[role]),
              }))}
            />
            <button type="submit" className="button" disabled={enrolment.busy}>
              {t("admin.enrol")}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
