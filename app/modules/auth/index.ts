// Browser-safe entry of the auth module: the permission table (roles, permissions, `holds`) and
// the form schemas pages validate with on both sides.
export * from "./permissions.ts";
export * from "./schemas.ts";
