import type { JobSummary } from "@pathwise/contracts";
import { useTranslation } from "react-i18next";
import { type MessageKey, messageKey } from "../../i18n/message-key";

const LABELS: Record<JobSummary["status"], MessageKey> = {
  queued: messageKey("jobs.status.queued"),
  running: messageKey("jobs.status.running"),
  succeeded: messageKey("jobs.status.succeeded"),
  failed: messageKey("jobs.status.failed"),
  cancelled: messageKey("jobs.status.cancelled"),
};
const TONES: Record<JobSummary["status"], string> = {
  queued: "badge",
  running: "badge badge--info",
  succeeded: "badge badge--success",
  failed: "badge badge--danger",
  cancelled: "badge",
};

/** A job's status in words (never colour alone). */
export function JobStatusBadge({ status }: { status: JobSummary["status"] }) {
  const { t } = useTranslation();
  return <span className={TONES[status]}>{t(LABELS[status])}</span>;
}
