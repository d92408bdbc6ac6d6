// Browser-safe entry of the admin module: the forms, page size and message keys of the
// administration pages.
export * from "./schema.ts";
