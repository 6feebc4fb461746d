import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { ErrorMessage } from "../components/Feedback";
import { Field } from "../components/Field";
import { homeFor } from "../session/navigation";
import { useSession } from "../session/SessionContext";

export function LogInPage() {
  const { t } = useTranslation();
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
      const user = await session.logIn(String(form.get("email")), String(form.get("password")));
      navigate(homeFor(user.role), { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <div className="auth-page">
      <section className="card auth-card" aria-labelledby="login-title">
        <h1 id="login-title">{t("auth.logInTitle")}</h1>
        <p className="auth-tagline">{t("app.tagline")}</p>
        <p className="card__lead">{t("auth.logInLead")}</p>
        {error !== undefined && <ErrorMessage error={error} />}
        <form onSubmit={(event) => void submit(event)}>
          <Field label={t("auth.email")} name="email" type="email" autoComplete="username" required />
          <Field
            label={t("auth.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
          <button type="submit" className="button button--block" disabled={busy}>
            {busy ? t("auth.working") : t("auth.logIn")}
          </button>
        </form>
        <p className="muted auth-switch">
          {t("auth.noAccount")} <Link href="/signup">{t("auth.signUp")}</Link>
        </p>
        <p className="muted auth-switch">
          {t("school.prompt")} <Link href="/register-school">{t("school.link")}</Link>
        </p>
      </section>
    </div>
  );
}
