import type { LearnerSequence, SequencePredictions } from "../data/sequence";
import { tf } from "../engine/backend";
import { seededRandom } from "../engine/random";
import { type DeepNetwork, disposeTensors, toTensors } from "../models/deep/network";
import { lengthBucketedBatches } from "./batches";

/**
 * p(correct) for every position of every sequence, from a network in inference mode. Each window's
 * first position is NaN (nothing precedes it inside the window), as the windowed protocol requires.
 */
export async function predictSequences(
  network: DeepNetwork,
  sequences: readonly LearnerSequence[],
  maxLength: number,
  batchSize: number,
): Promise<SequencePredictions[]> {
  const out = sequences.map((s) => new Float32Array(s.skills.length).fill(Number.NaN));
  const context = { training: false, random: seededRandom(0) };
  for (const batch of lengthBucketedBatches(sequences, maxLength, batchSize)) {
    const input = toTensors(batch);
    const probs = tf.tidy(() => tf.sigmoid(network.logits(input, context)));
    const values = await probs.data();
    probs.dispose();
    disposeTensors(input);
    batch.windows.forEach((w, b) => {
      const target = out[w.sequence] as Float32Array;
      for (let t = 1; t < w.length; t++) target[w.start + t] = values[b * batch.length + t] as number;
    });
  }
  return out;
}
