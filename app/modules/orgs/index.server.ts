export * from "./orgs.server.ts";
export * from "./import/index.server.ts";
