/**
 * The CSRF token of the current session. The session cookie is HttpOnly; mutating requests must also
 * send this token in `x-csrf-token` (the server compares it with the session's). It is handed out at
 * log-in, so it is remembered in localStorage to survive a page reload; it is useless without the
 * cookie, and it is forgotten at log-out.
 */
const STORAGE_KEY = "pathwise.csrf";

export function rememberCsrfToken(token: string | undefined): void {
  try {
    if (token) window.localStorage.setItem(STORAGE_KEY, token);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage disabled: mutations will fail with csrf_failed and the user is asked to log in again
  }
}

export function currentCsrfToken(): string | undefined {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}
