import { z } from "zod";

/** Training hyperparameters shared by every deep model; saved with the weights as part of the config. */
export const trainSettingsSchema = z.object({
  learningRate: z.number().positive().default(1e-3),
  batchSize: z.number().int().positive().default(64),
  evalBatchSize: z.number().int().positive().default(128),
  maxEpochs: z.number().int().positive().default(30),
  /** Epochs without a better validation AUC before stopping. */
  patience: z.number().int().positive().default(3),
  /** Sequences are cut into independent windows of this length (200 in the AKT/DKVMN protocol). */
  maxLength: z.number().int().min(2).default(200),
  seed: z.number().int().default(42),
  /**
   * Wall-clock budget for training in seconds (0 = none). When it runs out, the current epoch stops at
   * the next batch boundary, is validated like a full epoch, and training ends; the best epoch is kept.
   */
  maxTrainSeconds: z.number().min(0).default(0),
});

export type TrainSettings = z.infer<typeof trainSettingsSchema>;
