import { type FormEvent, useState } from "react";

/**
 * The submit pattern of a form page: read the form, mark it busy, clear the last error, run the action
 * and keep its failure to show. The action decides what success means (usually navigating away).
 */
export function useFormSubmit(action: (form: FormData, element: HTMLFormElement) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    setBusy(true);
    setError(undefined);
    try {
      await action(form, element);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, onSubmit: (event: FormEvent<HTMLFormElement>) => void submit(event) };
}
