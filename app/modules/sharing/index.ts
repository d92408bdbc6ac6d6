// Public browser-safe entry of the sharing module: the forms of the sharing-agreement page and
// the states an agreement goes through. Messages are keys under `sharing:errors`.
import { z } from "zod";
import { dayField } from "~/modules/orgs/index.ts";

export const SHARING_ERROR_KEYS = [
  "required",
  "invalid",
  "unknownOrg",
  "unknownProfile",
  "profilesRequired",
  "ownOrg",
  "endInPast",
  "endTooFar",
  "alreadyOpen",
  "notFound",
  "expired",
  "dateInvalid",
] as const;
export type SharingErrorKey = (typeof SHARING_ERROR_KEYS)[number];

export function isSharingErrorKey(value: unknown): value is SharingErrorKey {
  return typeof value === "string" && (SHARING_ERROR_KEYS as readonly string[]).includes(value);
}

/** An agreement lasts at most this long; a longer one is a new proposal later. */
export const MAX_AGREEMENT_YEARS = 5;

/**
 * proposed → inForce (accepted) → ended | expired; a proposal may instead be withdrawn (by the
 * grantor) or declined (by the grantee). Only an agreement in force shows anything.
 */
export type AgreementState = "proposed" | "inForce" | "expired" | "ended" | "withdrawn" | "declined";

const required = { required_error: "required", invalid_type_error: "required" };
const id = z.string(required).trim().min(1, "required").max(100, "notFound");

export const proposeSchema = z.object({
  intent: z.literal("propose"),
  granteeOrgId: id.pipe(z.string().max(100, "unknownOrg")),
  // checkboxes: one value per chosen profile
  profileId: z
    .array(z.string(required).trim().max(100, "unknownProfile"), { invalid_type_error: "profilesRequired" })
    .min(1, "profilesRequired")
    .max(20, "invalid"),
  endsOn: dayField,
});

export const respondSchema = z.object({
  intent: z.enum(["accept", "decline", "end"], { errorMap: () => ({ message: "invalid" }) }),
  agreementId: id,
});

export const sharingActionSchema = z.discriminatedUnion(
  "intent",
  [
    proposeSchema,
    respondSchema.extend({ intent: z.literal("accept") }),
    respondSchema.extend({ intent: z.literal("decline") }),
    respondSchema.extend({ intent: z.literal("end") }),
  ],
  {
    errorMap: (issue, ctx) => ({
      message: issue.code === "invalid_union_discriminator" ? "invalid" : ctx.defaultError,
    }),
  },
);

/** What a partner may learn of a reason: its category, never the check, result, date or evidence. */
export type ReasonCategory = "training" | "vetting" | "lapsesSoon";

export function categoriesOf(reasons: readonly { code: string }[]): ReasonCategory[] {
  const found = new Set<ReasonCategory>();
  for (const { code } of reasons) {
    if (code.endsWith(".expiring")) found.add("lapsesSoon");
    else if (code.startsWith("credential.")) found.add("training");
    else found.add("vetting");
  }
  return (["training", "vetting", "lapsesSoon"] as const).filter((c) => found.has(c));
}
