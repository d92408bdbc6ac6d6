// Roles belong to a membership of a person in an organisation; platform admin is the one
// role above organisations. Routes ask for permissions, never for roles.
export const ROLES = ["learner", "instructor", "org_admin", "supervisor", "vetting_officer"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "read:learning:own",
  "read:lesson-preview:any",
  "read:item-stats:org",
  "update:accommodation:org",
  "read:members:org",
  "update:members:org",
  "read:vetting-status:org",
  "read:vetting-check:org",
  "update:vetting-check:org",
  "read:users:any",
  "update:users:any",
  "update:roles:any",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  learner: ["read:learning:own"],
  instructor: ["read:lesson-preview:any", "read:item-stats:org", "update:accommodation:org"],
  org_admin: ["read:members:org", "update:members:org", "update:accommodation:org"],
  supervisor: ["read:vetting-status:org"],
  vetting_officer: ["read:vetting-check:org", "update:vetting-check:org"],
};

export const ADMIN_PERMISSIONS: readonly Permission[] = ["read:users:any", "update:users:any", "update:roles:any"];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export type MembershipRoles = { orgId: string; roles: readonly string[] };

/** Organisation ids in which the person holds `permission` (admins hold admin permissions everywhere). */
export function orgsGranting(memberships: readonly MembershipRoles[], permission: Permission): string[] {
  return memberships
    .filter((m) => m.roles.some((r) => isRole(r) && ROLE_PERMISSIONS[r].includes(permission)))
    .map((m) => m.orgId);
}

export function holds(
  subject: { isPlatformAdmin: boolean; memberships: readonly MembershipRoles[] },
  permission: Permission,
  orgId?: string,
): boolean {
  if (subject.isPlatformAdmin && ADMIN_PERMISSIONS.includes(permission)) return true;
  const orgs = orgsGranting(subject.memberships, permission);
  return orgId ? orgs.includes(orgId) : orgs.length > 0;
}
