import { useCallback, useEffect, useRef, useState } from "react";

interface Reloading {
  /** Loads again, showing "loading" meanwhile. */
  reload: () => void;
  /**
   * Loads again while the data already shown stays on screen, so what the page shows next to it (a
   * confirmation, the focus, a half-filled form) survives an update after a change.
   */
  refresh: () => void;
}

export type Resource<T> =
  | ({ status: "loading" } & Reloading)
  | ({ status: "error"; error: unknown } & Reloading)
  | ({ status: "ready"; data: T } & Reloading);

/**
 * Loads data for a page and re-loads it when `deps` change; stale answers of an earlier load are
 * dropped (aborted) so a slow response never overwrites a newer one.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
): Resource<T> {
  const [state, setState] = useState<
    { status: "loading" } | { status: "error"; error: unknown } | { status: "ready"; data: T }
  >({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  const keepShown = useRef(false);
  const reload = useCallback(() => {
    keepShown.current = false;
    setGeneration((value) => value + 1);
  }, []);
  const refresh = useCallback(() => {
    keepShown.current = true;
    setGeneration((value) => value + 1);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `load` depends on
  useEffect(() => {
    const controller = new AbortController();
    if (!keepShown.current) setState({ status: "loading" });
    keepShown.current = false;
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: "ready", data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", error });
      },
    );
    return () => controller.abort();
  }, [...deps, generation]);

  return { ...state, reload, refresh };
}
