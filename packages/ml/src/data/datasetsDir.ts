import { fileURLToPath } from "node:url";

/**
 * Where the published benchmark splits live: `$PATHWISE_DATASETS`, else `../shared/datasets` next to the
 * repository (the layout this project is developed in). Each dataset has `akt_split/` and `dkvmn_split/`.
 */
export function datasetsDir(): string {
  return (
    process.env.PATHWISE_DATASETS ?? fileURLToPath(new URL("../../../../../shared/datasets", import.meta.url))
  );
}
