import type { AutomaticReasonCode } from "@pathwise/contracts";
import type { CourseId, TenantId, UserId } from "@pathwise/domain";
import { type ModelDecision, type ModelFile, StorageError } from "@pathwise/storage";
import { ApiError } from "../http/errors";
import type { JobDeps } from "../jobs/system";
import { chooseChallenger, decide, type HeadToHead, type ScoredCandidate } from "./selection";

/**
 * Registry use cases: the automatic champion/challenger decision after training, and the explicit,
 * audited promotion and rollback by an admin. Every change of champion is one transaction with its
 * decision row (repositories/models.ts), so the log and the registry never disagree.
 */
export interface AutomaticDecision {
  readonly action: "promote" | "reject";
  readonly modelId: string | null;
  readonly code: AutomaticReasonCode;
  readonly reason: string;
}

export async function selectChampion(
  deps: Pick<JobDeps, "repos" | "config" | "clock">,
  input: {
    tenantId: TenantId;
    courseId: CourseId;
    candidates: readonly ScoredCandidate[];
    /** Scores the champion and the challenger on the same held-out answers. */
    compare: (champion: ModelFile, challengerId: string) => Promise<HeadToHead>;
  },
): Promise<AutomaticDecision> {
  const { repos, config, clock } = deps;
  const minGain = config.training.promotionMinAucGain;
  const base = { tenantId: input.tenantId, courseId: input.courseId, actorId: null, at: clock() };
  const challenger = chooseChallenger(input.candidates);
  if (!challenger) {
    const first = input.candidates[0] as ScoredCandidate;
    const code = "no-valid-auc";
    const reason = "No candidate has a defined validation AUC (too few validation answers of both kinds)";
    const comparison = { reasonCode: code, candidates: input.candidates.length, minGain };
    await repos.models.reject({ ...base, modelId: first.modelId, reason, comparison });
    return { action: "reject", modelId: first.modelId, code, reason };
  }
  // The figures each reason needs, stored with the decision so clients can say it in their language.
  const comparison: Record<string, unknown> = {
    candidates: input.candidates.length,
    challengerId: challenger.modelId,
    challengerKind: challenger.kind,
    challengerValidAuc: challenger.validAuc,
    minGain,
  };
  let verdict: ReturnType<typeof decide>;
  const champion = await repos.models.getChampion(input.tenantId, input.courseId);
  if (!champion) {
    verdict = decide({ challenger, candidates: input.candidates.length, minGain });
  } else {
    try {
      const result = await input.compare(champion, challenger.modelId);
      Object.assign(comparison, result);
      verdict = decide({
        challenger,
        candidates: input.candidates.length,
        minGain,
        champion: { kind: "compared", result },
      });
    } catch (error) {
      if ((error as Error).name === "AbortError") throw error;
      const problem = (error as Error).message;
      Object.assign(comparison, { championId: champion.id, championProblem: problem });
      verdict = decide({
        challenger,
        candidates: input.candidates.length,
        minGain,
        champion: { kind: "unusable", championId: champion.id, problem },
      });
    }
  }
  comparison.reasonCode = verdict.code;
  const decision = { ...base, modelId: challenger.modelId, reason: verdict.reason, comparison };
  if (verdict.action === "promote") await repos.models.promote(decision);
  else await repos.models.reject(decision);
  return { action: verdict.action, modelId: challenger.modelId, code: verdict.code, reason: verdict.reason };
}

/** Storage refusals of a promotion or rollback become the catalogue's 404 / 409. */
async function asApiErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StorageError && error.code === "not_found")
      throw new ApiError("not_found", error.message);
    if (error instanceof StorageError && error.code === "conflict")
      throw new ApiError("model_conflict", error.message);
    throw error;
  }
}

export async function promoteModel(
  deps: Pick<JobDeps, "repos" | "clock">,
  input: { tenantId: TenantId; modelId: string; actorId: UserId; reason: string },
): Promise<ModelDecision> {
  const model = await deps.repos.models.get(input.tenantId, input.modelId);
  if (!model) throw new ApiError("not_found", `No such model ${input.modelId} in your school`);
  return asApiErrors(() =>
    deps.repos.models.promote({
      tenantId: input.tenantId,
      courseId: model.courseId,
      modelId: model.id,
      actorId: input.actorId,
      reason: input.reason,
      comparison: { metrics: model.metrics },
      at: deps.clock(),
    }),
  );
}

/** Puts back the champion the current one replaced (see `previousChampion`); 409 when there is none. */
export async function rollbackChampion(
  deps: Pick<JobDeps, "repos" | "clock">,
  input: { tenantId: TenantId; courseId: CourseId; actorId: UserId; reason: string },
): Promise<ModelDecision> {
  const previous = await deps.repos.models.previousChampion(input.tenantId, input.courseId);
  if (!previous)
    throw new ApiError(
      "model_conflict",
      "This course has no earlier champion to roll back to (the current one, if any, was its first)",
    );
  return asApiErrors(() =>
    deps.repos.models.rollback({
      tenantId: input.tenantId,
      courseId: input.courseId,
      modelId: previous,
      actorId: input.actorId,
      reason: input.reason,
      at: deps.clock(),
    }),
  );
}
