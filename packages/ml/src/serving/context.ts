import type { SavedModel } from "../contract";
import type { Interaction, LearnerState } from "./contract";
import { configInteger } from "./weights";

/**
 * The history a windowed (deep) model sees. Training and batch prediction cut sequences into windows of
 * `maxLength`, so a prediction is made at window position ≤ maxLength − 1 from at most maxLength − 1
 * earlier interactions. Serving keeps the most recent maxLength − 1 interactions (a sliding window): the
 * query always sits where the model was trained to answer, with as much history as it was trained on.
 * Up to maxLength − 1 interactions this is exactly batch prediction on the whole sequence; beyond that it
 * equals batch prediction on the trailing window (both are tested).
 */
export class WindowState implements LearnerState {
  /** The interactions in the window, oldest first. */
  readonly window: Interaction[] = [];
  private seen = 0;

  constructor(readonly capacity: number) {}

  get length(): number {
    return this.seen;
  }

  /** Absolute history position of window[0]. */
  get offset(): number {
    return this.seen - this.window.length;
  }

  /** Appends one interaction; returns true when the oldest one fell out of the window. */
  push(x: Interaction): boolean {
    this.window.push(x);
    this.seen++;
    if (this.window.length <= this.capacity) return false;
    this.window.shift();
    return true;
  }
}

/** The context size of a windowed model: maxLength − 1 past interactions. */
export function windowCapacity(saved: SavedModel): number {
  return configInteger(saved, "maxLength") - 1;
}

/** Spreads window-relative weights over the whole history (positions before the window weigh 0). */
export function overHistory(state: WindowState, windowWeights: ArrayLike<number>): Float64Array {
  const all = new Float64Array(state.length);
  for (let i = 0; i < windowWeights.length; i++) all[state.offset + i] = windowWeights[i] as number;
  return all;
}
