import type { ModelDefinition } from "./contract";

/**
 * Models are looked up by name here; nothing else in the library switches on a model name.
 * Each model module registers itself through `registerModel` from `models/index.ts`.
 */
const definitions = new Map<string, ModelDefinition>();

export function registerModel(definition: ModelDefinition): void {
  if (definitions.has(definition.name)) {
    throw new Error(`A knowledge-tracing model named "${definition.name}" is already registered`);
  }
  definitions.set(definition.name, definition);
}

export function getModel(name: string): ModelDefinition {
  const definition = definitions.get(name);
  if (!definition) {
    const known = [...definitions.keys()].sort().join(", ");
    throw new Error(`Unknown knowledge-tracing model "${name}". Known models: ${known}`);
  }
  return definition;
}

export function listModels(): readonly ModelDefinition[] {
  return [...definitions.values()];
}
