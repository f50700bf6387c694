export * from "./auth";
export * from "./services";
