import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { ErrorMessage } from "./Feedback";
import { Field } from "./Field";

/** The card of the signed-out pages (log in, sign up, register a school): title, lead, error, form. */
export function AuthCard({
  id,
  title,
  lead,
  tagline,
  error,
  children,
}: {
  id: string;
  title: string;
  lead: string;
  tagline?: string;
  error: unknown;
  children: ReactNode;
}) {
  return (
    <div className="auth-page">
      <section className="card auth-card" aria-labelledby={id}>
        <h1 id={id}>{title}</h1>
        {tagline && <p className="auth-tagline">{tagline}</p>}
        <p className="card__lead">{lead}</p>
        {error !== undefined && <ErrorMessage error={error} />}
        {children}
      </section>
    </div>
  );
}

/** The full-width submit button of an auth form; says it is working while the request runs. */
export function AuthSubmit({ busy, label }: { busy: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <button type="submit" className="button button--block" disabled={busy}>
      {busy ? t("auth.working") : label}
    </button>
  );
}

/**
 * The fields of a new account (sign-up, a new school's first admin): name, email and a new password,
 * named `displayName`, `email` and `password` in the form, with the browser's autofill hints.
 */
export function NewAccountFields({ nameLabel }: { nameLabel: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={nameLabel} name="displayName" autoComplete="name" required maxLength={100} />
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
    </>
  );
}

/** Under a sign-up form: a way to the log-in page for people who already have an account. */
export function LogInInstead() {
  const { t } = useTranslation();
  return (
    <p className="muted auth-switch">
      {t("auth.haveAccount")} <Link href="/login">{t("auth.logIn")}</Link>
    </p>
  );
}
