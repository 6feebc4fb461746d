export type { CalibrationResult, ResponsePattern } from "./cat/calibrate";
export { calibrate2pl } from "./cat/calibrate";
export type { AbilityEstimate } from "./cat/eap";
export { abilityPosterior, eapEstimate } from "./cat/eap";
export type { IrtItem } from "./cat/irt";
export { itemInformation, probabilityCorrect } from "./cat/irt";
export type { PlacementResult, PlacementSettings } from "./cat/placement";
export { DEFAULT_PLACEMENT, masteryFromAbility, PlacementTest } from "./cat/placement";
export type { ItemSelector } from "./cat/selection";
export { maxInformationSelector, minExpectedVarianceSelector, randomSelector } from "./cat/selection";
export { raschBank, runFixedLengthCat, runVariableLengthCat, simulateCalibrationSample } from "./cat/study";
export type { BlueprintItem, ExamPrediction, ReviewAdvice } from "./exam/predict";
export { predictExam, reviewAdvice } from "./exam/predict";
export {
  centralInterval,
  expectedValue,
  mixedScoreDistribution,
  poissonBinomial,
} from "./exam/score-distribution";
export { prerequisiteClosure, topologicalOrder } from "./graph/closure";
export { firstStepToward, structuralNeighbourhood } from "./graph/neighbourhood";
export { kssEnvironment } from "./kss/environment";
export type { DktWeights } from "./kt/dkt-stepper";
export { DktLearnerState, dktWeightsFrom } from "./kt/dkt-stepper";
export type { KtEnvironmentSettings, RealSession } from "./kt/environment";
export { createKtEnvironment, DEFAULT_KT_SETTINGS } from "./kt/environment";
export { inferPrerequisiteGraph } from "./kt/inferred-graph";
export type { BktParameters } from "./mastery/bkt-tracker";
export { DEFAULT_BKT, predictCorrect, updateMastery } from "./mastery/bkt-tracker";
export { adaptTargetSuccess, closestToTarget } from "./plan/difficulty";
export type { ConceptLabels, Explanation, StepReasons } from "./plan/explain";
export type { LearningPlan, PlanStep } from "./plan/planner";
export { planNextSteps } from "./plan/planner";
export type { Feedback, PlanRequest, PlanRequestInput } from "./plan/request";
export { PlanRequestSchema } from "./plan/request";
export type { EpisodeContext, PathPolicy, PolicyDefinition } from "./policies/policy";
export { getPolicy, POLICIES } from "./policies/registry";
export type { Rng } from "./random/prng";
export { createRng, deriveSeed } from "./random/prng";
export type { DueReview, ReviewCard } from "./review/fsrs";
export { DEFAULT_REVIEW_SETTINGS, gradeAnswer, ReviewScheduler } from "./review/fsrs";
export { DEFAULT_INTERLEAVE, interleave } from "./review/interleave";
export type { LearningEnvironment, Observation, PrerequisiteStructure } from "./simulation/environment";
export type { EvaluationResult } from "./simulation/evaluate";
export { evaluatePolicy, runEpisode } from "./simulation/evaluate";
export { ENVIRONMENTS, getEnvironment } from "./simulation/registry";
