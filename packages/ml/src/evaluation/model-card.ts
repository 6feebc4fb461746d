import type { FitReport } from "../contract";
import type { MetricReport } from "../metrics/index";
import type { FairnessRow } from "./fairness";

/**
 * A model card in Markdown, following the sections of Mitchell et al. 2019, "Model Cards for Model
 * Reporting" (FAT* '19): model details, intended use, (training and evaluation) data, metrics —
 * here with calibration, since mastery is read as a probability — a disaggregated (per-group) analysis,
 * and caveats. Written once when the model is registered; it describes that model and that snapshot.
 */
export interface ModelCardInput {
  readonly modelId: string;
  readonly kind: string;
  readonly courseTitle: string;
  readonly createdAt: Date;
  readonly config: Readonly<Record<string, unknown>>;
  readonly snapshot: {
    readonly answers: number;
    readonly learners: number;
    readonly items: number;
    readonly concepts: number;
    readonly maxSeq: number;
    readonly splitSeed: number;
    readonly trainLearners: number;
    readonly validLearners: number;
    readonly testLearners: number;
  };
  readonly training: FitReport;
  readonly validAuc: number;
  readonly test: MetricReport;
  readonly fairness: readonly FairnessRow[];
  readonly minGroupSize: number;
}

const fixed = (value: number, digits = 4) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");

function metricLine(metrics: MetricReport): string {
  return `${fixed(metrics.auc)} | ${fixed(metrics.accuracy)} | ${fixed(metrics.rmse)} | ${fixed(metrics.logLoss)} | ${fixed(metrics.calibration.ece)}`;
}

/** Markdown table cells must not break the table: pipes and newlines in labels are escaped. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ");

export function renderModelCard(input: ModelCardInput): string {
  const { snapshot, training, test } = input;
  const lines = [
    `# Model card: ${input.kind} for "${cell(input.courseTitle)}"`,
    "",
    "## Model details",
    "",
    `- Model id: \`${input.modelId}\`, trained ${input.createdAt.toISOString()}.`,
    `- Kind: \`${input.kind}\` (the @pathwise/ml registry name; \`pathwise kt models\` describes it).`,
    `- Configuration: \`${JSON.stringify(input.config)}\`.`,
    `- Training: ${training.epochs} epochs (best ${training.bestEpoch}), ${fixed(training.wallSeconds, 1)} s wall time, ${Math.round(training.interactionsPerSecond)} interactions/s.`,
    "",
    "## Intended use",
    "",
    "Predicts the probability that a learner of this course answers an item correctly, given their earlier",
    "answers in the course; Pathwise derives mastery per concept and recommendations from it. It is meant to",
    "order practice and to inform teachers, not to grade, rank or select learners.",
    "",
    "## Data",
    "",
    `- Snapshot: ${snapshot.answers} answers by ${snapshot.learners} learners on ${snapshot.items} items and ${snapshot.concepts} concepts (events up to seq ${snapshot.maxSeq}).`,
    `- Split by learner (seed ${snapshot.splitSeed}): ${snapshot.trainLearners} train, ${snapshot.validLearners} validation (early stopping, model selection), ${snapshot.testLearners} test (the figures below).`,
    "",
    "## Metrics on held-out test learners",
    "",
    `Validation AUC ${fixed(input.validAuc)}; test over ${test.count} predicted answers:`,
    "",
    "| AUC | accuracy | RMSE | log loss | ECE |",
    "|---|---|---|---|---|",
    `| ${metricLine(test)} |`,
    "",
    "Calibration (reliability bins: mean predicted vs observed fraction correct):",
    "",
    "| p(correct) | answers | mean predicted | observed |",
    "|---|---|---|---|",
    ...test.calibration.bins
      .filter((bin) => bin.count > 0)
      .map(
        (bin) =>
          `| ${bin.lower.toFixed(1)}–${bin.upper.toFixed(1)} | ${bin.count} | ${fixed(bin.meanPredicted, 3)} | ${fixed(bin.observed, 3)} |`,
      ),
    "",
    "## Metrics per group",
    "",
    ...fairnessSection(input.fairness, input.minGroupSize),
    "",
    "## Caveats and limitations",
    "",
    "- Figures come from one split of one snapshot; small test sets give wide uncertainty (no intervals are computed).",
    "- The model knows only items and concepts present in its snapshot; newer items fall back to the concept level when served.",
    `- Groups with fewer than ${input.minGroupSize} test learners are suppressed to protect minors' privacy, so small groups are not checked.`,
    "- Learners who answer few items contribute few predictions; the metrics weight answers, not learners.",
    "",
  ];
  return lines.join("\n");
}

function fairnessSection(rows: readonly FairnessRow[], minGroupSize: number): string[] {
  if (rows.length === 0) return ["No learner groups were configured or found among the test learners."];
  return [
    `Same metrics over each group's test learners; groups under ${minGroupSize} learners are suppressed.`,
    "",
    "| dimension | group | learners | AUC | accuracy | RMSE | log loss | ECE |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map((row) =>
      row.suppressed
        ? `| ${cell(row.dimension)} | ${cell(row.label)} | suppressed (${row.reason}) | | | | | |`
        : `| ${cell(row.dimension)} | ${cell(row.label)} | ${row.learners} | ${metricLine(row.metrics)} |`,
    ),
  ];
}
