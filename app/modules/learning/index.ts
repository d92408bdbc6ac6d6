// Browser-safe entry of the learning module: the addresses of learning pages and the limits their
// forms share with the server. The schemas of their query strings and forms are server-only
// (index.server.ts): building them at module load kept zod in every page's JavaScript.
export * from "./paths.ts";
export { QUERY_MAX } from "./limits.ts";
