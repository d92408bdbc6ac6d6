// Browser-safe entry of the orgs module: constants and form schemas.
export * from "./constants.ts";
export * from "./schemas.ts";
export * from "./import/constants.ts";
