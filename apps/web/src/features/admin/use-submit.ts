import { type FormEvent, useState } from "react";

/** Form submission state: busy while saving, the error if it failed, a done flag when it worked. */
export function useSubmit(action: (form: FormData) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      await action(new FormData(formElement));
      formElement.reset();
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, done, onSubmit: (event: FormEvent<HTMLFormElement>) => void onSubmit(event) };
}
