import type { ModelSummary } from "@pathwise/contracts";
import { useTranslation } from "react-i18next";
import { type MessageKey, messageKey } from "../../i18n/message-key";

const LABELS: Record<ModelSummary["status"], MessageKey> = {
  champion: messageKey("models.status.champion"),
  candidate: messageKey("models.status.candidate"),
  retired: messageKey("models.status.retired"),
  rejected: messageKey("models.status.rejected"),
};
const TONES: Record<ModelSummary["status"], string> = {
  champion: "badge badge--success",
  candidate: "badge badge--info",
  retired: "badge",
  rejected: "badge badge--danger",
};

export function ModelStatusBadge({ status }: { status: ModelSummary["status"] }) {
  const { t } = useTranslation();
  return <span className={TONES[status]}>{t(LABELS[status])}</span>;
}
