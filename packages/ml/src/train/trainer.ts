import type { EpochRecord, FitOptions, FitReport } from "../contract";
import type { KTDataset } from "../data/sequence";
import { tf } from "../engine/backend";
import type { WeightValues } from "../engine/parameters";
import { seededRandom } from "../engine/random";
import { auc, collectScored } from "../metrics";
import { type DeepNetwork, disposeTensors, toTensors } from "../models/deep/network";
import { lengthBucketedBatches, targetCount } from "./batches";
import { predictSequences } from "./predict";
import type { TrainSettings } from "./settings";

/** Per-batch progress, for progress bars and job status. */
export interface BatchProgress {
  readonly epoch: number;
  readonly batch: number;
  readonly batches: number;
  readonly loss: number;
}

export interface TrainOptions extends FitOptions {
  readonly onBatch?: (progress: BatchProgress) => void;
}

/**
 * The wasm backend's heap cannot grow past its maximum, and running out surfaces as a bare
 * "RuntimeError: memory access out of bounds" (or an allocation abort) from inside a kernel. Name the
 * batch shape and the way out; any other error passes through unchanged.
 */
export function explainHeapExhaustion(
  error: unknown,
  batch: { size: number; length: number },
  epoch: number,
  index: number,
): unknown {
  const message = error instanceof Error ? error.message : String(error);
  const heapError =
    (error instanceof Error && error.name === "RuntimeError") || // WebAssembly.RuntimeError
    /memory access out of bounds|out of memory|maximum memory size/i.test(message) ||
    /\bOOM\b/.test(message);
  if (!heapError) return error;
  return new Error(
    `The tensor engine's wasm heap ran out at epoch ${epoch}, batch ${index} (${batch.size} windows × ` +
      `${batch.length} positions): ${message}. Lower batchSize or maxLength in the model's config.`,
    { cause: error },
  );
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Validation AUC over real target positions (C1's exact AUC; NaN positions are skipped). */
export async function validationAuc(
  network: DeepNetwork,
  valid: KTDataset,
  settings: TrainSettings,
): Promise<number> {
  const predictions = await predictSequences(
    network,
    valid.sequences,
    settings.maxLength,
    settings.evalBatchSize,
  );
  return auc(collectScored(valid.sequences, predictions));
}

/**
 * The one training loop for every deep model: Adam (Kingma & Ba 2015) on the model's own loss,
 * length-bucketed shuffled batches, early stopping on validation AUC with `patience` epochs,
 * and the best epoch's weights restored at the end. Reproducible for a given seed: initial weights,
 * batch order and dropout masks all come from seeded generators; the wasm backend is single-threaded.
 * Aborting `signal` stops at the next batch boundary with an AbortError and leaves the weights unspecified.
 */
export async function trainNetwork(
  network: DeepNetwork,
  train: KTDataset,
  valid: KTDataset,
  settings: TrainSettings,
  options: TrainOptions = {},
): Promise<FitReport> {
  const maxEpochs = options.maxEpochs ?? settings.maxEpochs;
  const random = seededRandom(options.seed ?? settings.seed);
  network.prepare?.(train);
  const optimizer = tf.train.adam(settings.learningRate);
  const variables = network.params.list();
  const history: EpochRecord[] = [];
  let best: { auc: number; epoch: number; weights: Record<string, WeightValues> } | undefined;
  let trainedInteractions = 0;
  let trainingSeconds = 0;
  const started = performance.now();
  try {
    for (let epoch = 1; epoch <= maxEpochs; epoch++) {
      const epochStart = performance.now();
      const batches = lengthBucketedBatches(train.sequences, settings.maxLength, settings.batchSize, random);
      let lossSum = 0;
      let lossWeight = 0;
      let outOfTime = false;
      for (let i = 0; i < batches.length; i++) {
        options.signal?.throwIfAborted();
        if (
          i > 0 &&
          settings.maxTrainSeconds > 0 &&
          (performance.now() - started) / 1000 > settings.maxTrainSeconds
        ) {
          outOfTime = true;
          break;
        }
        const batch = batches[i] as (typeof batches)[number];
        const input = toTensors(batch);
        const context = { training: true, random };
        let cost: tf.Scalar | null;
        try {
          cost = optimizer.minimize(() => network.loss(input, context), true, variables);
        } catch (error) {
          throw explainHeapExhaustion(error, batch, epoch, i + 1);
        } finally {
          disposeTensors(input);
        }
        const loss = (await (cost as tf.Scalar).data())[0] as number;
        cost?.dispose();
        if (!Number.isFinite(loss))
          throw new Error(`Training diverged: loss ${loss} at epoch ${epoch}, batch ${i + 1}`);
        const n = targetCount(batch);
        lossSum += loss * n;
        lossWeight += n;
        trainedInteractions += n;
        options.onBatch?.({ epoch, batch: i + 1, batches: batches.length, loss });
        options.onProgress?.({
          epoch,
          epochs: maxEpochs,
          fraction: (epoch - 1 + (i + 1) / batches.length) / maxEpochs,
          trainLoss: lossSum / lossWeight,
          message: `epoch ${epoch} batch ${i + 1}/${batches.length}`,
        });
        await yieldToEventLoop();
      }
      trainingSeconds += (performance.now() - epochStart) / 1000;
      options.signal?.throwIfAborted();
      const validAuc = await validationAuc(network, valid, settings);
      const record = {
        epoch,
        trainLoss: lossSum / Math.max(lossWeight, 1),
        validAuc,
        seconds: (performance.now() - epochStart) / 1000,
      };
      history.push(record);
      options.onProgress?.({
        epoch,
        epochs: maxEpochs,
        fraction: epoch / maxEpochs,
        trainLoss: record.trainLoss,
        validAuc,
      });
      if (!best || validAuc > best.auc) best = { auc: validAuc, epoch, weights: network.params.snapshot() };
      else if (epoch - best.epoch >= settings.patience) break;
      if (outOfTime) {
        options.onProgress?.({
          epoch,
          epochs: maxEpochs,
          fraction: 1,
          validAuc,
          message: `time budget of ${settings.maxTrainSeconds} s used up during epoch ${epoch}`,
        });
        break;
      }
    }
  } finally {
    optimizer.dispose();
  }
  if (best) network.params.restore(best.weights);
  return {
    epochs: history.length,
    bestEpoch: best?.epoch ?? 0,
    history,
    wallSeconds: (performance.now() - started) / 1000,
    interactionsPerSecond: trainingSeconds > 0 ? trainedInteractions / trainingSeconds : 0,
  };
}
