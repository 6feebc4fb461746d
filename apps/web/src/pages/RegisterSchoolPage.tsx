import { RegisterSchoolRequestSchema } from "@pathwise/contracts";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { AuthCard, AuthSubmit, LogInInstead, NewAccountFields } from "../components/AuthCard";
import { Field } from "../components/Field";
import { useFormSubmit } from "../components/use-form-submit";
import { uiLocale } from "../i18n/locales";
import { homeFor } from "../session/navigation";
import { useSession } from "../session/SessionContext";

/** A new school registers with its first admin (when the server allows open school sign-up). */
export function RegisterSchoolPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [, navigate] = useLocation();
  const { busy, error, onSubmit } = useFormSubmit(async (form) => {
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const request = RegisterSchoolRequestSchema.parse({
      school: {
        slug: text("slug"),
        name: {
          en: text("schoolName"),
          ...(text("schoolNameZh") ? { "zh-CN": text("schoolNameZh") } : {}),
        },
      },
      admin: {
        displayName: text("displayName"),
        email: text("email"),
        password: String(form.get("password")),
        locale: uiLocale(i18n.language),
      },
    });
    const user = await session.registerSchool(request);
    navigate(homeFor(user.role), { replace: true });
  });

  return (
    <AuthCard id="school-title" title={t("school.title")} lead={t("school.lead")} error={error}>
      <form onSubmit={onSubmit}>
        <Field label={t("school.name")} name="schoolName" required maxLength={200} />
        <Field label={t("school.nameZh")} name="schoolNameZh" maxLength={200} lang="zh-CN" />
        <Field
          label={t("school.slug")}
          hint={t("school.slugHint")}
          name="slug"
          required
          minLength={2}
          maxLength={60}
          pattern="[a-z0-9][a-z0-9\-]*"
          autoCapitalize="none"
          spellCheck={false}
        />
        <NewAccountFields nameLabel={t("school.adminName")} />
        <AuthSubmit busy={busy} label={t("school.submit")} />
      </form>
      <LogInInstead />
    </AuthCard>
  );
}
