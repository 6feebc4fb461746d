import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { AuthCard, AuthSubmit, LogInInstead, NewAccountFields } from "../components/AuthCard";
import { Field } from "../components/Field";
import { useFormSubmit } from "../components/use-form-submit";
import { uiLocale } from "../i18n/locales";
import { homeFor } from "../session/navigation";
import { useSession } from "../session/SessionContext";

/** A learner creates an account by joining their class with its join code. */
export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [, navigate] = useLocation();
  const { busy, error, onSubmit } = useFormSubmit(async (form) => {
    const user = await session.signUp({
      displayName: String(form.get("displayName")),
      email: String(form.get("email")),
      password: String(form.get("password")),
      joinCode: String(form.get("joinCode")),
      locale: uiLocale(i18n.language),
    });
    navigate(homeFor(user.role), { replace: true });
  });

  return (
    <AuthCard id="signup-title" title={t("auth.signUpTitle")} lead={t("auth.signUpLead")} error={error}>
      <form onSubmit={onSubmit}>
        <NewAccountFields nameLabel={t("auth.displayName")} />
        <Field
          label={t("auth.joinCode")}
          hint={t("auth.joinCodeHint")}
          name="joinCode"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          maxLength={20}
        />
        <AuthSubmit busy={busy} label={t("auth.signUp")} />
      </form>
      <LogInInstead />
    </AuthCard>
  );
}
