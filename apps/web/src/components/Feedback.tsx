import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Resource } from "../api/use-resource";
import type { MessageKey } from "../i18n/message-key";
import { errorMessageKey } from "./error-text";

/** A status message; errors are announced to screen readers as alerts, the rest politely. */
export function Alert({ kind, children }: { kind: "error" | "success" | "info"; children: ReactNode }) {
  return (
    <div className={`alert alert--${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

/**
 * Turns any failure into a sentence in the current language, never a stack trace; `byCode` says more
 * precisely what an error code means where it is shown.
 */
export function ErrorMessage({
  error,
  byCode,
}: {
  error: unknown;
  byCode?: Readonly<Record<string, MessageKey>> | undefined;
}) {
  const { t } = useTranslation();
  return <Alert kind="error">{t(errorMessageKey(error, byCode))}</Alert>;
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t("app.loading")}
    </p>
  );
}

/**
 * What a section shows for data it loads: "Loading…" until it arrives, the failure in words if it
 * failed, else `children` given the data.
 */
export function Loaded<T>({
  resource,
  children,
}: {
  resource: Resource<T>;
  children: (data: T) => ReactNode;
}) {
  if (resource.status === "loading") return <Loading />;
  if (resource.status === "error") return <ErrorMessage error={resource.error} />;
  return <>{children(resource.data)}</>;
}
