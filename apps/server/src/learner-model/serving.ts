import type { CourseId, TenantId } from "@pathwise/domain";
import { createPredictor, type Interaction, type LearnerState, type Predictor } from "@pathwise/ml/serving";
import type { Repositories } from "@pathwise/storage";
import { decodeModelFile } from "./evaluation";

/**
 * Serving each course's champion model in the API process (issue 4, item 4).
 *
 * - **Champions.** Every request asks the registry for the course's champion id (one index lookup), so a
 *   promotion or rollback made by any process — a worker's training job, an admin in another API process —
 *   is served from the next request on. A new champion's file is checked (SHA-256) and decoded once, then
 *   kept. While a new model trains nothing changes here: the old champion serves until the registry says
 *   otherwise. A file that fails to load is refused, logged, and not retried for a minute; the previous
 *   model (or, for a course that never had one, the interim BKT) keeps serving.
 * - **Learner states.** Folding a learner's whole history on every request would cost O(history) per call;
 *   instead each (model, learner) keeps its state and how many answers it has folded. A request with
 *   more answers folds only the new ones (`Predictor.observe` is incremental), so a state is updated as
 *   each event arrives — lazily, at the next read: ingestion never waits for a model. When the history no
 *   longer extends the cached one (an answer was erased, a late event was inserted earlier in time) the
 *   state is rebuilt from scratch. At most `maxLearnerStates` states are kept (least recently used out).
 */
export interface ServedModel {
  readonly id: string;
  readonly kind: string;
  readonly trainedAt: Date;
  readonly predictor: Predictor;
  /** Platform concept id → the model's skill id; concepts added after training are absent. */
  readonly skillOf: ReadonlyMap<string, number>;
  /** Platform item id → the model's problem id; items added after training are absent (served as 0). */
  readonly problemOf: ReadonlyMap<string, number>;
}

/** One answer as serving folds it: the item, its concepts and the grade, identified for the cache. */
export interface ServedAnswer {
  readonly itemId: string;
  readonly conceptIds: readonly string[];
  readonly correct: boolean;
  readonly at: Date;
}

/** A learner's state and, per observed interaction, which answer it came from (for explanations). */
export interface FoldedHistory {
  readonly state: LearnerState;
  /** answerIndex[position] = index into the answers of the interaction at that position. */
  readonly answerIndex: readonly number[];
}

interface CachedState {
  history: FoldedHistory;
  answers: number;
  lastKey: string;
}

export interface ModelServingOptions {
  readonly maxLearnerStates?: number;
  readonly retryAfterMs?: number;
  readonly log?: (message: string, error?: unknown) => void;
  readonly now?: () => number;
}

/** How long a replaced champion stays usable by requests already holding it. */
const RETIRED_GRACE_MS = 30_000;

const answerKey = (a: ServedAnswer) => `${a.itemId}|${a.at.getTime()}|${a.correct ? 1 : 0}`;

/** The interactions of one answer: one per concept the model knows, with the item's problem id or 0. */
export function interactionsOf(model: ServedModel, answer: ServedAnswer): Interaction[] {
  const problem = model.problemOf.get(answer.itemId) ?? 0;
  const out: Interaction[] = [];
  for (const conceptId of answer.conceptIds) {
    const skill = model.skillOf.get(conceptId);
    if (skill !== undefined) out.push({ skill, problem, correct: answer.correct });
  }
  return out;
}

/** Folds `answers[from..]` into `history` (mutating the state, as `observe` allows). */
function fold(model: ServedModel, history: FoldedHistory, answers: readonly ServedAnswer[], from: number) {
  const answerIndex = history.answerIndex as number[];
  let state = history.state;
  for (let i = from; i < answers.length; i++) {
    const interactions = interactionsOf(model, answers[i] as ServedAnswer);
    if (interactions.length === 0) continue;
    state = model.predictor.observe(state, interactions);
    for (let k = 0; k < interactions.length; k++) answerIndex.push(i);
  }
  return { state, answerIndex };
}

/** A fresh state over all `answers` (no cache): for replays such as mastery over time. */
export function foldAnswers(model: ServedModel, answers: readonly ServedAnswer[]): FoldedHistory {
  return fold(model, { state: model.predictor.initialState(), answerIndex: [] }, answers, 0);
}

export class ModelServing {
  private readonly champions = new Map<string, ServedModel>();
  private readonly loading = new Map<string, Promise<ServedModel | undefined>>();
  private readonly failedAt = new Map<string, number>();
  private readonly states = new Map<string, CachedState>();
  private readonly maxLearnerStates: number;
  private readonly retryAfterMs: number;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly now: () => number;

  constructor(
    private readonly repos: Pick<Repositories, "models">,
    options: ModelServingOptions = {},
  ) {
    this.maxLearnerStates = options.maxLearnerStates ?? 5_000;
    this.retryAfterMs = options.retryAfterMs ?? 60_000;
    this.log = options.log ?? (() => {});
    this.now = options.now ?? Date.now;
  }

  /** The course's champion, loaded; undefined when the course has none (or none could be loaded). */
  async champion(tenantId: TenantId, courseId: CourseId): Promise<ServedModel | undefined> {
    const id = await this.repos.models.championId(tenantId, courseId);
    const current = this.champions.get(courseId);
    if (id === undefined) {
      if (current) this.retire(courseId, current);
      return undefined;
    }
    if (current?.id === id) return current;
    const failed = this.failedAt.get(id);
    if (failed !== undefined && this.now() - failed < this.retryAfterMs) return current;
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.load(tenantId, id).finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    const loaded = await pending;
    if (!loaded) return current;
    const latest = this.champions.get(courseId);
    if (latest?.id !== loaded.id) {
      if (latest) this.retire(courseId, latest);
      this.champions.set(courseId, loaded);
    }
    return loaded;
  }

  /**
   * The learner's state under `model` after `answers` (oldest first), folding only what is new since the
   * last call. Synchronous from lookup to store, so concurrent requests never fold into one state twice.
   */
  learnerHistory(model: ServedModel, learnerId: string, answers: readonly ServedAnswer[]): FoldedHistory {
    const key = `${model.id}:${learnerId}`;
    const cached = this.states.get(key);
    const extends_ =
      cached !== undefined &&
      cached.answers <= answers.length &&
      (cached.answers === 0 || answerKey(answers[cached.answers - 1] as ServedAnswer) === cached.lastKey);
    const history = extends_
      ? fold(model, cached.history, answers, cached.answers)
      : foldAnswers(model, answers);
    this.states.delete(key);
    this.states.set(key, {
      history,
      answers: answers.length,
      lastKey: answers.length > 0 ? answerKey(answers[answers.length - 1] as ServedAnswer) : "",
    });
    if (this.states.size > this.maxLearnerStates) {
      const oldest = this.states.keys().next().value;
      if (oldest !== undefined) this.states.delete(oldest);
    }
    return history;
  }

  /** Frees every loaded model (server shutdown). */
  close(): void {
    for (const model of this.champions.values()) model.predictor.dispose();
    this.champions.clear();
    this.states.clear();
  }

  private async load(tenantId: TenantId, modelId: string): Promise<ServedModel | undefined> {
    try {
      const file = await this.repos.models.getFile(tenantId, modelId);
      if (!file) return undefined;
      const predictor = await createPredictor(decodeModelFile(file));
      return {
        id: file.id,
        kind: file.kind,
        trainedAt: file.createdAt,
        predictor,
        skillOf: new Map(Object.entries(file.vocabulary.concepts)),
        problemOf: new Map(Object.entries(file.vocabulary.items)),
      };
    } catch (error) {
      this.failedAt.set(modelId, this.now());
      this.log(`Model ${modelId} could not be loaded for serving; the previous model keeps serving`, error);
      return undefined;
    }
  }

  /**
   * Forgets a replaced champion. Its predictor is freed after a grace period, not at once: a request that
   * fetched the model before the swap may still be between its awaits, about to predict with it.
   */
  private retire(courseId: string, model: ServedModel): void {
    this.champions.delete(courseId);
    for (const key of [...this.states.keys()]) if (key.startsWith(`${model.id}:`)) this.states.delete(key);
    setTimeout(() => model.predictor.dispose(), RETIRED_GRACE_MS).unref();
  }
}
