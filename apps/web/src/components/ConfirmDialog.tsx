import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MessageKey } from "../i18n/message-key";
import { ErrorMessage } from "./Feedback";

/**
 * A button that opens a modal confirmation of a consequential action (promote or roll back a model,
 * disable, enable or delete an account). The native `<dialog>` traps focus, closes on Escape and
 * returns focus to the button. With `reasonLabel` it also asks for a reason (required), e.g. the one
 * kept in the audited decisions log. A failure is shown inside the dialog, which stays open so it can be
 * tried again or cancelled; on success the dialog closes.
 */
export function ConfirmDialog({
  buttonLabel,
  buttonName,
  buttonVariant = "primary",
  title,
  explanation,
  confirmLabel,
  reasonLabel,
  danger = false,
  errorsByCode,
  onConfirm,
}: {
  buttonLabel: string;
  /** The button's accessible name when its label alone is ambiguous (one per table row); starts with the label. */
  buttonName?: string;
  buttonVariant?: "primary" | "secondary";
  title: string;
  explanation: string;
  confirmLabel: string;
  /** Ask for a reason, under this label; `onConfirm` receives it trimmed. */
  reasonLabel?: string;
  /** A destructive action: the confirm button is red and Cancel has the focus when the dialog opens. */
  danger?: boolean;
  /** What an error code means here, when the app-wide sentence would be vaguer (see `errorMessageKey`). */
  errorsByCode?: Readonly<Record<string, MessageKey>>;
  /** Runs the action; `reason` is "" when no reason is asked. */
  onConfirm: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const id = useId();

  useEffect(() => {
    if (open && !dialog.current?.open) {
      dialog.current?.showModal();
      // WAI-ARIA APG (alert dialog): start on the least destructive choice when the action cannot be undone.
      if (danger) cancel.current?.focus();
    }
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open, danger]);

  function close() {
    setOpen(false);
    setError(undefined);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    if (reasonLabel !== undefined && reason === "") return;
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm(reason);
      close();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className={buttonVariant === "secondary" ? "button button--secondary" : "button"}
        aria-label={buttonName}
        onClick={() => setOpen(true)}
      >
        {buttonLabel}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
        onClose={close}
      >
        {open && (
          <form className="stack" onSubmit={(event) => void submit(event)}>
            <h2 id={`${id}-title`}>{title}</h2>
            <p id={`${id}-text`}>{explanation}</p>
            {reasonLabel !== undefined && (
              <div className="field">
                <label htmlFor={`${id}-reason`}>{reasonLabel}</label>
                <textarea
                  id={`${id}-reason`}
                  name="reason"
                  className="input"
                  required
                  maxLength={500}
                  rows={3}
                />
              </div>
            )}
            {error !== undefined && <ErrorMessage error={error} byCode={errorsByCode} />}
            <div className="button-row">
              <button type="submit" className={danger ? "button button--danger" : "button"} disabled={busy}>
                {confirmLabel}
              </button>
              <button ref={cancel} type="button" className="button button--secondary" onClick={close}>
                {t("app.cancel")}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
