// Browser-safe entry: types, kinds and schemas the UI may import. Nothing here reads files.
export * from "./kinds.ts";
export type * from "./types.ts";
export { KEBAB_CASE, AUDIENCES } from "./schema.ts";
export { ITEM_TYPES } from "./quiz-schema.ts";
