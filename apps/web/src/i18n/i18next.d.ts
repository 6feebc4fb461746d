import "i18next";
import type { Messages } from "./messages/en";

// Typed keys: `t("dashboard.titel")` is a compile error, not a blank on screen.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
  }
}
