// Browser-safe entry: types, kinds and schemas the UI may import. Nothing here reads files.
export * from "./kinds";
export type * from "./types";
export { KEBAB_CASE, AUDIENCES } from "./schema";
export { ITEM_TYPES } from "./quiz-schema";
