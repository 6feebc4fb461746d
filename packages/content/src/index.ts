export * from "./course/import";
export * from "./course/load";
export * from "./course/schema";
export * from "./course/to-domain";
export * from "./course/validate";
export * from "./demo/demo-school";
export * from "./store";
