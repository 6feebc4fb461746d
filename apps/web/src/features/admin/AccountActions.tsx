import type { AccountStatus, UserListEntry } from "@pathwise/contracts";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AccountAction, changeAccountState } from "../../api/admin";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Alert } from "../../components/Feedback";
import { type MessageKey, messageKey } from "../../i18n/message-key";

const STATUS_LABELS: Record<AccountStatus, MessageKey> = {
  active: messageKey("admin.accountStatus.active"),
  disabled: messageKey("admin.accountStatus.disabled"),
  deleted: messageKey("admin.accountStatus.deleted"),
};

/** An account's state in words (never by colour alone). */
export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  return (
    <span className={status === "active" ? "badge badge--success" : "badge badge--danger"}>
      {t(STATUS_LABELS[status])}
    </span>
  );
}

/** Said once an action has worked; the server's answer is the account's new state. */
const NOTICES: Record<AccountAction, MessageKey> = {
  disable: messageKey("admin.disabledNotice"),
  enable: messageKey("admin.enabledNotice"),
  delete: messageKey("admin.deletedNotice"),
};

/** The texts of each action's button and confirmation; `{{name}}` is the account's display name. */
const TEXTS = {
  disable: {
    label: messageKey("admin.disable"),
    name: messageKey("admin.disableUser"),
    title: messageKey("admin.disableTitle"),
    explanation: messageKey("admin.disableExplanation"),
  },
  enable: {
    label: messageKey("admin.enable"),
    name: messageKey("admin.enableUser"),
    title: messageKey("admin.enableTitle"),
    explanation: messageKey("admin.enableExplanation"),
  },
  delete: {
    label: messageKey("admin.delete"),
    name: messageKey("admin.deleteUser"),
    title: messageKey("admin.deleteTitle"),
    explanation: messageKey("admin.deleteExplanation"),
  },
} satisfies Record<AccountAction, Record<string, MessageKey>>;

// Another admin may have deleted the account meanwhile: "this page does not exist" would mislead.
const ERRORS_BY_CODE = { not_found: messageKey("admin.accountGone") };

/**
 * Disable or enable (one button, by the account's state: it keeps the focus when the label flips) and
 * delete, each behind a confirmation. `onChanged` runs after the server has answered.
 */
export function AccountActions({
  user,
  onChanged,
}: {
  user: UserListEntry;
  onChanged: (action: AccountAction) => void;
}) {
  const { t } = useTranslation();
  if (user.status === "deleted") return null;
  const name = user.displayName;
  const toggle: AccountAction = user.status === "active" ? "disable" : "enable";
  const dialogFor = (action: AccountAction) => {
    const texts = TEXTS[action];
    return (
      <ConfirmDialog
        buttonVariant="secondary"
        buttonLabel={t(texts.label)}
        buttonName={t(texts.name, { name })}
        title={t(texts.title, { name })}
        explanation={t(texts.explanation, { name })}
        confirmLabel={t(texts.label)}
        danger={action === "delete"}
        errorsByCode={ERRORS_BY_CODE}
        onConfirm={async () => {
          await changeAccountState(user.id, action);
          onChanged(action);
        }}
      />
    );
  };
  return (
    <div className="button-row">
      {dialogFor(toggle)}
      {dialogFor("delete")}
    </div>
  );
}

/**
 * The confirmation of the last account action, above the users table. After a deletion the row and its
 * button are gone, so the focus moves to this message instead of falling back to the page's start.
 */
export function useAccountNotice() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<{ action: AccountAction; name: string }>();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice?.action === "delete") element.current?.focus();
  }, [notice]);

  return {
    show: (action: AccountAction, name: string) => setNotice({ action, name }),
    element: notice && (
      <div ref={element} tabIndex={-1}>
        <Alert kind="success">{t(NOTICES[notice.action], { name: notice.name })}</Alert>
      </div>
    ),
  };
}
