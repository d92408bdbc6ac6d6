export * from "./orgs.server.ts";
