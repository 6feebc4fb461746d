import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { AuthCard, AuthSubmit } from "../components/AuthCard";
import { Field } from "../components/Field";
import { useFormSubmit } from "../components/use-form-submit";
import { homeFor } from "../session/navigation";
import { useSession } from "../session/SessionContext";

export function LogInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [, navigate] = useLocation();
  const { busy, error, onSubmit } = useFormSubmit(async (form) => {
    const user = await session.logIn(String(form.get("email")), String(form.get("password")));
    navigate(homeFor(user.role), { replace: true });
  });

  return (
    <AuthCard
      id="login-title"
      title={t("auth.logInTitle")}
      tagline={t("app.tagline")}
      lead={t("auth.logInLead")}
      error={error}
    >
      <form onSubmit={onSubmit}>
        <Field label={t("auth.email")} name="email" type="email" autoComplete="username" required />
        <Field
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <AuthSubmit busy={busy} label={t("auth.logIn")} />
      </form>
      <p className="muted auth-switch">
        {t("auth.noAccount")} <Link href="/signup">{t("auth.signUp")}</Link>
      </p>
      <p className="muted auth-switch">
        {t("school.prompt")} <Link href="/register-school">{t("school.link")}</Link>
      </p>
    </AuthCard>
  );
}
