import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { ErrorMessage } from "../components/Feedback";
import { Field } from "../components/Field";
import { isUiLocale } from "../i18n/locales";
import { homeFor } from "../session/navigation";
import { useSession } from "../session/SessionContext";

/** A learner creates an account by joining their class with its join code. */
export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [, navigate] = useLocation();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const user = await session.signUp({
        displayName: String(form.get("displayName")),
        email: String(form.get("email")),
        password: String(form.get("password")),
        joinCode: String(form.get("joinCode")),
        locale: isUiLocale(i18n.language) ? i18n.language : "en",
      });
      navigate(homeFor(user.role), { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <div className="auth-page">
      <section className="card auth-card" aria-labelledby="signup-title">
        <h1 id="signup-title">{t("auth.signUpTitle")}</h1>
        <p className="card__lead">{t("auth.signUpLead")}</p>
        {error !== undefined && <ErrorMessage error={error} />}
        <form onSubmit={(event) => void submit(event)}>
          <Field
            label={t("auth.displayName")}
            name="displayName"
            autoComplete="name"
            required
            maxLength={100}
          />
          <Field label={t("auth.email")} name="email" type="email" autoComplete="email" required />
          <Field
            label={t("auth.password")}
            hint={t("auth.passwordHint")}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
          />
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
          <button type="submit" className="button button--block" disabled={busy}>
            {busy ? t("auth.working") : t("auth.signUp")}
          </button>
        </form>
        <p className="muted auth-switch">
          {t("auth.haveAccount")} <Link href="/login">{t("auth.logIn")}</Link>
        </p>
      </section>
    </div>
  );
}
