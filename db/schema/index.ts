export * from "./auth";
export * from "./services";
export * from "./datasources";
export * from "./slos";
