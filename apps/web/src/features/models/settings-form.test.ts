import { describe, expect, it } from "vitest";
import type { ModelSettingsView } from "../../api/models";
import { kindChoices, settingsFromForm } from "./settings-form";

const current: ModelSettingsView = {
  candidates: [{ kind: "dkt", config: { maxEpochs: 3 } }, { kind: "custom" }],
  retrainEveryEvents: 400,
  retrainIntervalHours: null,
  lastTrainedSeq: 0,
  lastTrainedAt: null,
  knownKinds: ["bkt", "dkt", "sakt"],
};

function form(kinds: string[], events: string, hours: string): FormData {
  const data = new FormData();
  for (const kind of kinds) data.append("kinds", kind);
  data.set("retrainEveryEvents", events);
  data.set("retrainIntervalHours", hours);
  return data;
}

describe("model settings form", () => {
  it("offers the server's kinds, then configured kinds it does not list", () => {
    expect(kindChoices(current)).toEqual(["bkt", "dkt", "sakt", "custom"]);
    expect(kindChoices({ ...current, knownKinds: undefined })).toEqual(["dkt", "custom"]);
  });

  it("keeps a ticked kind's config, and reads empty rules as none", () => {
    expect(settingsFromForm(form(["bkt", "dkt"], " 250 ", ""), current)).toEqual({
      ok: true,
      settings: {
        candidates: [{ kind: "bkt" }, { kind: "dkt", config: { maxEpochs: 3 } }],
        retrainEveryEvents: 250,
        retrainIntervalHours: null,
      },
    });
  });

  it("reports every problem at once, per field", () => {
    expect(settingsFromForm(form([], "2.5", "9000"), current)).toEqual({
      ok: false,
      problems: {
        candidates: "models.settings.chooseOne",
        retrainEveryEvents: "models.settings.wholeNumber",
        retrainIntervalHours: "models.settings.wholeNumber",
      },
    });
    expect(settingsFromForm(form(["bkt"], "0", "24"), current)).toEqual({
      ok: false,
      problems: { retrainEveryEvents: "models.settings.wholeNumber" },
    });
    expect(settingsFromForm(form(["bkt"], "", "8760"), current).ok).toBe(true);
  });
});
