import { initEngine } from "../../engine/backend";
import { registerModel } from "../../registry";
import { dkt } from "./dkt";

// Models create backend tensors synchronously in `create`, so the wasm backend must be ready first.
await initEngine();

/** Every deep model, registered by name; importing this module makes them available to the registry. */
export const deepModels = [dkt] as const;
for (const definition of deepModels) registerModel(definition);
