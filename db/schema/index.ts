export * from "./auth";
export * from "./services";
export * from "./datasources";
