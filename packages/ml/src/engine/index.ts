export { initEngine, tf } from "./backend";
export { embeddingLookup } from "./embedding";
export { maxGradientError } from "./gradient-check";
export { matMulLastAxis } from "./linear";
export {
  decodeSavedModel,
  encodeSavedModel,
  MODEL_SCHEMA_VERSION,
  readModelFile,
  writeModelFile,
} from "./model-file";
export { type Initializer, ParameterStore, type WeightValues } from "./parameters";
export { normal, type Random, seededRandom, shuffled } from "./random";
