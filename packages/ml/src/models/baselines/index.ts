import { registerModel } from "../../registry";
import { bktDefinition } from "./bkt";
import { eloDefinition } from "./elo";
import { pfaDefinition } from "./pfa";

/** The classical baselines, each a `KnowledgeTracer`; importing this module registers them by name. */
export const baselineModels = [bktDefinition, eloDefinition, pfaDefinition] as const;
for (const definition of baselineModels) registerModel(definition);
