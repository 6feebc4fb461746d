/**
 * Serving a trained knowledge-tracing model to one learner at a time (issue 4, item 4 and 6).
 *
 * Training works on whole datasets (`KnowledgeTracer.fit/predict`); serving works on one learner's state,
 * updated incrementally as each answer arrives, and predicts many candidate items at once. Ids are the
 * model's own 1-based integers (see `IdVocabulary` in data/events.ts); 0 means "not in the vocabulary"
 * (an item added after training), and every predictor must handle a 0 problem id by falling back to
 * its skill-level estimate.
 *
 * A multi-concept answer is observed as one interaction per concept with the same problem id (the
 * ASSIST2009 convention the models were trained with).
 */
export interface Interaction {
  readonly skill: number;
  readonly problem: number;
  readonly correct: boolean;
}

/** An item to predict: its problem id (0 = unknown to the model) and the skills it practises (≥ 1). */
export interface Candidate {
  readonly problem: number;
  readonly skills: readonly number[];
}

/** One past interaction's share in a prediction; `position` indexes the learner's observed history. */
export interface Influence {
  readonly position: number;
  /** Signed: positive pushed p(correct) up. Comparable within one explanation, not across models. */
  readonly weight: number;
}

export interface Explanation {
  /** How the weights were obtained (attention weights, gradient × input, BKT/Elo/PFA parameters, …). */
  readonly method: "attention" | "gradient-x-input" | "parameters" | "leave-one-out";
  readonly probability: number;
  /** The most influential past interactions, strongest first (at most the `top` asked for). */
  readonly influences: readonly Influence[];
  /** Model parameters behind the prediction, named (e.g. BKT's p(L), guess, slip for the skill). */
  readonly parameters?: Readonly<Record<string, number>>;
}

/** A learner's state under one model. Opaque to callers; `length` is how many interactions it has seen. */
export interface LearnerState {
  readonly length: number;
}

export interface Predictor {
  readonly kind: string;
  initialState(): LearnerState;
  /** Folds new interactions into the state (returns the new state; the old one must not be reused). */
  observe(state: LearnerState, interactions: readonly Interaction[]): LearnerState;
  /** p(correct) of each candidate as the learner's next answer, in candidate order. */
  predict(state: LearnerState, candidates: readonly Candidate[]): Float32Array;
  explain(state: LearnerState, candidate: Candidate, top: number): Explanation;
  /** Frees native/tensor memory held by the predictor. */
  dispose(): void;
}
