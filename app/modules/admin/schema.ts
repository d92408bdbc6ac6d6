// Shared by the admin routes' loaders, actions and forms. Messages are keys under
// `admin:errors`, translated where they are shown.
import { z } from "zod";
import { ROLES } from "~/modules/auth/index.ts";
import { fold } from "~/modules/text/index.ts";

export const USERS_PAGE_SIZE = 25;
export const SEARCH_MAX = 100;

export const ADMIN_ERROR_KEYS = [
  "required",
  "invalid",
  "unknownIntent",
  "unknownOrg",
  "unknownRole",
  "roleAlreadyHeld",
  "roleNotHeld",
  "cannotDeactivateSelf",
  "alreadyDeactivated",
  "notDeactivated",
  "notLockedOut",
  "cannotResetOwnSecondFactor",
  "noSecondFactor",
  "reasonRequired",
  "searchTooLong",
  "pageInvalid",
] as const;
export type AdminErrorKey = (typeof ADMIN_ERROR_KEYS)[number];

export function isAdminErrorKey(value: unknown): value is AdminErrorKey {
  return typeof value === "string" && (ADMIN_ERROR_KEYS as readonly string[]).includes(value);
}

/** The first error key of a conform reply, for the one-line message above the forms. */
export function firstErrorKey(error: Record<string, string[] | null> | null | undefined): AdminErrorKey {
  const first = Object.values(error ?? {}).flatMap((messages) => messages ?? [])[0];
  return isAdminErrorKey(first) ? first : "invalid";
}

export const searchSchema = z.object({
  q: z.string({ invalid_type_error: "invalid" }).trim().max(SEARCH_MAX, "searchTooLong").optional(),
  page: z
    .number({ invalid_type_error: "pageInvalid" })
    .int("pageInvalid")
    .min(1, "pageInvalid")
    .max(1_000_000, "pageInvalid")
    .optional(),
});

const orgId = z
  .string({ required_error: "required", invalid_type_error: "required" })
  .trim()
  .min(1, "required")
  .max(100, "unknownOrg");
const role = z.enum(ROLES, {
  errorMap: (issue) => ({ message: issue.code === "invalid_type" ? "required" : "unknownRole" }),
});

export const ROLE_INTENTS = ["grantRole", "revokeRole"] as const;
export const ACCOUNT_INTENTS = ["deactivate", "reactivate", "clearLockout"] as const;
export type UserIntent = (typeof ROLE_INTENTS)[number] | (typeof ACCOUNT_INTENTS)[number];

export const userActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("grantRole"), orgId, role }),
    z.object({ intent: z.literal("revokeRole"), orgId, role }),
    z.object({ intent: z.literal("deactivate") }),
    z.object({ intent: z.literal("reactivate") }),
    z.object({ intent: z.literal("clearLockout") }),
  ],
  {
    errorMap: (issue, ctx) => ({
      message: issue.code === "invalid_union_discriminator" ? "unknownIntent" : ctx.defaultError,
    }),
  },
);
export type UserAction = z.infer<typeof userActionSchema>;

/** Role changes need `update:roles:any`; everything else on the user page `update:users:any`. */
export function permissionForIntent(intent: unknown): "update:roles:any" | "update:users:any" {
  return (ROLE_INTENTS as readonly unknown[]).includes(intent) ? "update:roles:any" : "update:users:any";
}

/** Outcomes shown after the redirect back to the user page (`?done=`). */
export const DONE_KEYS = [
  "roleGranted",
  "roleRevoked",
  "deactivated",
  "reactivated",
  "lockoutCleared",
  "secondFactorReset",
] as const;
export type DoneKey = (typeof DONE_KEYS)[number];

export function isDoneKey(value: unknown): value is DoneKey {
  return typeof value === "string" && (DONE_KEYS as readonly string[]).includes(value);
}

/**
 * Lower-cased, accent-free words, matched against User.searchText the same way on both
 * databases. Prisma passes `contains` to LIKE unescaped, so the LIKE wildcards and the
 * escape character split words instead of reaching the database.
 */
export function searchTerms(query: string | undefined): string[] {
  return fold(query ?? "")
    .split(/[\s%_\\]+/)
    .filter(Boolean)
    .slice(0, 8);
}
