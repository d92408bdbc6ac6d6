// Browser-safe entry of the learning module: the addresses of learning pages and the schemas
// of their query strings and forms.
export * from "./paths.ts";
export * from "./schema.ts";
