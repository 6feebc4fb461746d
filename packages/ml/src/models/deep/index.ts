import { initEngine } from "../../engine/backend";
import { registerModel } from "../../registry";
import { akt } from "./akt";
import { dkt } from "./dkt";
import { dnn } from "./dnn";
import { sakt } from "./sakt";

// Models create backend tensors synchronously in `create`, so the wasm backend must be ready first.
await initEngine();

/** Every deep model, registered by name; importing this module makes them available to the registry. */
export const deepModels = [dkt, dnn, sakt, akt] as const;
for (const definition of deepModels) registerModel(definition);
