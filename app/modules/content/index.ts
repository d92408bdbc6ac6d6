// Browser-safe entry: types, labels and schemas the UI may import. Nothing here reads files.
export * from "./labels";
export type * from "./types";
export { KEBAB_CASE, AUDIENCES } from "./schema";
export { ITEM_TYPES } from "./quiz-schema";
