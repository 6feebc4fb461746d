export * from "./accounts";
export * from "./common";
export * from "./content";
export * from "./errors";
export * from "./events";
export * from "./health";
export * from "./learning";
