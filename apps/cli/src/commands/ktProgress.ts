import { MultiBar, Presets, type SingleBar } from "cli-progress";

/**
 * One progress bar per fold on stderr (stdout stays clean for results). Deep models report progress
 * per batch, baselines per epoch; both arrive as `fraction` 0..1 of the whole fit. When stderr is not a
 * terminal (CI logs), one line per finished epoch is printed instead.
 */
export class FoldProgressBars {
  private readonly interactive = process.stderr.isTTY === true;
  private readonly lastEpoch = new Map<number, number>();
  private readonly multi = new MultiBar(
    {
      format: " fold {fold} |{bar}| {percentage}% | epoch {epoch}/{epochs} | valid AUC {auc}",
      hideCursor: true,
      clearOnComplete: false,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  private readonly bars = new Map<number, SingleBar>();

  constructor(folds: readonly number[]) {
    if (!this.interactive) return;
    for (const fold of folds)
      this.bars.set(fold, this.multi.create(100, 0, { fold, epoch: 0, epochs: "?", auc: "-" }));
  }

  update(
    fold: number,
    progress: { fraction: number; epoch: number; epochs: number; validAuc?: number },
  ): void {
    if (!this.interactive) {
      if (progress.validAuc !== undefined && this.lastEpoch.get(fold) !== progress.epoch) {
        this.lastEpoch.set(fold, progress.epoch);
        process.stderr.write(
          `fold ${fold} epoch ${progress.epoch}/${progress.epochs} valid AUC ${progress.validAuc.toFixed(4)}\n`,
        );
      }
      return;
    }
    this.bars.get(fold)?.update(Math.round(progress.fraction * 100), {
      fold,
      epoch: progress.epoch,
      epochs: progress.epochs,
      ...(progress.validAuc !== undefined ? { auc: progress.validAuc.toFixed(4) } : {}),
    });
  }

  done(fold: number): void {
    this.bars.get(fold)?.update(100, { fold });
  }

  stop(): void {
    if (this.interactive) this.multi.stop();
  }
}

/**
 * Wraps a command action so a bad option or a failed run prints its message (not a stack dump — the
 * wasm runtime rethrows uncaught errors with its whole minified source) and sets exit code 1.
 */
export function reportErrors<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async function reportingAction(...args: A) {
    try {
      await action(...args);
    } catch (error) {
      console.error(`Error: ${(error as Error).message}`);
      if (process.env.PATHWISE_DEBUG) console.error(error);
      process.exitCode = 1;
    }
  };
}

/** An AbortSignal fired by Ctrl-C; `dispose` removes the handler. */
export function abortOnCtrlC(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSigint = () => {
    process.stderr.write("\nCancelling… (Ctrl-C again to force)\n");
    process.removeListener("SIGINT", onSigint);
    controller.abort();
  };
  process.on("SIGINT", onSigint);
  return { signal: controller.signal, dispose: () => process.removeListener("SIGINT", onSigint) };
}
