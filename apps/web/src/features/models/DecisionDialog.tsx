import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../components/Feedback";

/**
 * A button that opens a modal confirmation asking for the reason of a promotion or rollback (the
 * reason is kept in the audited decisions log). The native `<dialog>` traps focus, closes on Escape
 * and returns focus to the button.
 */
export function DecisionDialog({
  buttonLabel,
  title,
  explanation,
  confirmLabel,
  onConfirm,
}: {
  buttonLabel: string;
  title: string;
  explanation: string;
  confirmLabel: string;
  onConfirm: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const id = useId();

  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    if (reason === "") return;
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm(reason);
      setOpen(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {buttonLabel}
      </button>
      <dialog
        ref={dialog}
        className="decision-dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
        onClose={() => setOpen(false)}
      >
        {open && (
          <form className="stack" onSubmit={(event) => void submit(event)}>
            <h2 id={`${id}-title`}>{title}</h2>
            <p id={`${id}-text`}>{explanation}</p>
            <div className="field">
              <label htmlFor={`${id}-reason`}>{t("models.reason")}</label>
              <textarea
                id={`${id}-reason`}
                name="reason"
                className="input"
                required
                maxLength={500}
                rows={3}
              />
            </div>
            {error !== undefined && <ErrorMessage error={error} />}
            <div className="button-row">
              <button type="submit" className="button" disabled={busy}>
                {confirmLabel}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
                {t("models.cancel")}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
