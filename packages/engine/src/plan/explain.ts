/**
 * Explanations: every planned step carries structured reasons and one sentence in English and in
 * Simplified Chinese, built only from those reasons (so the sentence never says more than the data).
 */
export interface InfluentialInteraction {
  readonly itemId: string;
  readonly correct: boolean;
  readonly at: string;
  readonly weight: number;
}

export interface StepReasons {
  readonly kind: "assignment" | "learn" | "review";
  /** The goal this step serves (absent for an assignment outside the goals). */
  readonly goal?: {
    readonly concept: string;
    readonly source: "learner" | "teacher";
    readonly assignedBy?: string;
  };
  /** From this step's concept to the goal, following prerequisite → dependent edges. */
  readonly prerequisiteChain: readonly string[];
  /** Prerequisites not mastered yet but planned in earlier steps of this plan. */
  readonly prerequisitesPlannedEarlier: readonly string[];
  readonly mastery: number;
  readonly predictedSuccess: number;
  readonly targetSuccess: number;
  readonly reviewDue?: string;
  readonly retrievability?: number;
  readonly assignedBy?: string;
  readonly assignmentDue?: string;
  readonly influentialInteractions: readonly InfluentialInteraction[];
}

export interface Explanation {
  readonly en: string;
  readonly "zh-CN": string;
}

/** Concept display names; English required, Chinese falls back to English. */
export type ConceptLabels = ReadonlyMap<string, { readonly en: string; readonly "zh-CN"?: string }>;

const pct = (p: number) => `${Math.round(p * 100)}%`;
const day = (iso: string) => iso.slice(0, 10);

export function explain(concept: string, reasons: StepReasons, labels: ConceptLabels): Explanation {
  const en = (c: string) => labels.get(c)?.en ?? c;
  const zh = (c: string) => labels.get(c)?.["zh-CN"] ?? en(c);
  const chainEn = reasons.prerequisiteChain.map(en).join(" → ");
  const chainZh = reasons.prerequisiteChain.map(zh).join(" → ");
  const goal = reasons.goal;
  const isGoal = goal !== undefined && goal.concept === concept;
  const goalEn = goal
    ? goal.source === "teacher"
      ? `the goal ${en(goal.concept)} set by ${goal.assignedBy ?? "your teacher"}`
      : `your goal ${en(goal.concept)}`
    : "";
  const goalZh = goal
    ? goal.source === "teacher"
      ? `${goal.assignedBy ?? "老师"}布置的目标「${zh(goal.concept)}」`
      : `你的目标「${zh(goal.concept)}」`
    : "";
  const numbersEn = `Your mastery is ${pct(reasons.mastery)} and your predicted chance of solving this item is ${pct(reasons.predictedSuccess)} (target ${pct(reasons.targetSuccess)}).`;
  const numbersZh = `你目前的掌握度为${pct(reasons.mastery)}，预计答对这道题的概率为${pct(reasons.predictedSuccess)}（目标${pct(reasons.targetSuccess)}）。`;
  const evidence = reasons.influentialInteractions;
  const evidenceEn =
    evidence.length === 0
      ? ""
      : ` This estimate rests most on your answers to ${evidence.map((i) => `${i.itemId} (${i.correct ? "right" : "wrong"})`).join(", ")}.`;
  const evidenceZh =
    evidence.length === 0
      ? ""
      : `这一估计主要依据你对${evidence.map((i) => `${i.itemId}（${i.correct ? "答对" : "答错"}）`).join("、")}的作答。`;

  let leadEn: string;
  let leadZh: string;
  if (reasons.kind === "assignment") {
    const due = reasons.assignmentDue ? `, due ${day(reasons.assignmentDue)}` : "";
    const dueZh = reasons.assignmentDue ? `，截止日期${day(reasons.assignmentDue)}` : "";
    leadEn = `${reasons.assignedBy ?? "Your teacher"} assigned this ${en(concept)} item${due}.`;
    leadZh = `${reasons.assignedBy ?? "老师"}布置了这道「${zh(concept)}」练习${dueZh}。`;
  } else if (reasons.kind === "review") {
    const due = reasons.reviewDue ? day(reasons.reviewDue) : "";
    const recall =
      reasons.retrievability === undefined ? "" : ` (estimated recall ${pct(reasons.retrievability)})`;
    const recallZh =
      reasons.retrievability === undefined ? "" : `（估计记忆保持率${pct(reasons.retrievability)}）`;
    leadEn = `Review ${en(concept)}: it was due on ${due}${recall}.`;
    leadZh = `复习「${zh(concept)}」：它应在${due}复习${recallZh}。`;
  } else if (isGoal) {
    const planned = reasons.prerequisitesPlannedEarlier;
    const afterEn =
      planned.length > 0
        ? `its prerequisites ${planned.map(en).join(", ")} come in the steps before`
        : "its prerequisites are mastered";
    const afterZh =
      planned.length > 0
        ? `它的先修知识「${planned.map(zh).join("」「")}」安排在前面的步骤中`
        : "它的先修知识已经掌握";
    leadEn = `Practise ${en(concept)} next: it is ${goalEn}, and ${afterEn}.`;
    leadZh = `接下来练习「${zh(concept)}」：这是${goalZh}，${afterZh}。`;
  } else {
    leadEn = `Practise ${en(concept)} next: it leads to ${goalEn} (${chainEn}).`;
    leadZh = `接下来练习「${zh(concept)}」：它是通往${goalZh}的先修知识（${chainZh}）。`;
  }
  return { en: `${leadEn} ${numbersEn}${evidenceEn}`, "zh-CN": `${leadZh}${numbersZh}${evidenceZh}` };
}
