// Browser-safe entry: types, constants and paths the UI may import.
export * from "./types.ts";
export * from "./share.ts";
