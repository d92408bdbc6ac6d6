// Roles belong to a membership of a person in an organization; platform admin is the one
// role above organizations. Routes ask for permissions, never for roles.
export const ROLES = ["learner", "instructor", "org_admin", "supervisor", "vetting_officer"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "read:learning:own",
  "read:lesson-preview:any",
  "read:item-stats:org",
  "update:accommodation:org",
  "read:members:org",
  "update:members:org",
  "read:cohorts:org",
  "update:cohorts:org",
  "read:sharing:org",
  "update:sharing:org",
  "read:vetting-status:org",
  "read:vetting-check:org",
  "update:vetting-check:org",
  "update:vetting-assignment:org",
  "read:users:any",
  "update:users:any",
  "update:roles:any",
  "create:orgs:any",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  learner: ["read:learning:own"],
  instructor: ["read:lesson-preview:any", "read:item-stats:org", "update:accommodation:org"],
  org_admin: [
    "read:members:org",
    "update:members:org",
    "update:accommodation:org",
    "read:cohorts:org",
    "update:cohorts:org",
    "read:sharing:org",
    "update:sharing:org",
    "update:vetting-assignment:org",
  ],
  supervisor: ["read:vetting-status:org"],
  vetting_officer: ["read:vetting-check:org", "update:vetting-check:org", "update:vetting-assignment:org"],
};

export const ADMIN_PERMISSIONS: readonly Permission[] = [
  "read:users:any",
  "update:users:any",
  "update:roles:any",
  "create:orgs:any",
];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export type MembershipRoles = { orgId: string; roles: readonly string[] };

/** Who asks: roles as granted, and whether the account's email address is verified. */
export type Subject = { isPlatformAdmin: boolean; emailVerified: boolean; memberships: readonly MembershipRoles[] };

/**
 * A role above learner (platform admin included) takes effect only once the account's
 * address is verified: an unverified address may belong to someone else, and an admin who
 * grants a role to a mistyped address must not hand a stranger staff access.
 */
export function isPendingVerification(role: string, emailVerified: boolean): boolean {
  return !emailVerified && role !== "learner";
}

/** Organization ids in which the person holds `permission` (admins hold admin permissions everywhere). */
export function orgsGranting(subject: Subject, permission: Permission): string[] {
  return subject.memberships
    .filter((m) =>
      m.roles.some(
        (r) =>
          isRole(r) && !isPendingVerification(r, subject.emailVerified) && ROLE_PERMISSIONS[r].includes(permission),
      ),
    )
    .map((m) => m.orgId);
}

export function holds(subject: Subject, permission: Permission, orgId?: string): boolean {
  const admin = subject.isPlatformAdmin && subject.emailVerified;
  if (admin && ADMIN_PERMISSIONS.includes(permission)) return true;
  const orgs = orgsGranting(subject, permission);
  return orgId ? orgs.includes(orgId) : orgs.length > 0;
}

/**
 * Roles whose holders must enrol an authenticator and give a code at every sign-in (platform
 * admins too; checked by the session lookup in lucia.server.ts). Nothing turns this off. Like
 * the roles themselves, it takes effect once the address is verified.
 */
export const SECOND_FACTOR_ROLES: readonly Role[] = ["org_admin", "supervisor", "vetting_officer"];
