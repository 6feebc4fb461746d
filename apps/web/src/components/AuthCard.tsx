import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "./Feedback";

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
