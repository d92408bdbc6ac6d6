// Forms and query strings of the organization pages, shared by actions and components.
// Messages are keys under `orgs:errors`, translated where they are shown.
import { z } from "zod";
import { ROLES } from "~/modules/auth/index.ts";
import { LANGUAGES } from "~/modules/i18n/index.ts";
import { fold } from "~/modules/text/index.ts";
import { COUNTRIES, ORG_KINDS } from "./constants.ts";

export const ORG_ERROR_KEYS = [
  "required",
  "invalid",
  "tooLong",
  "emailInvalid",
  "unknownIntent",
  "unknownRole",
  "unknownKind",
  "unknownCountry",
  "unknownCourse",
  "unknownOrg",
  "slugInvalid",
  "slugTaken",
  "dateInvalid",
  "endBeforeStart",
  "coursesRequired",
  "seatLimitInvalid",
  "expiryInvalid",
  "self",
  "roleAlreadyHeld",
  "roleNotHeld",
  "notFound",
  "archived",
  "tooManyEmails",
  "alreadyPartner",
  "ownOrg",
  "codeInvalid",
  "passwordTooShort",
  "passwordTooLong",
  "wrongAccount",
  "invalidLink",
  "tooSoon",
] as const;
export type OrgErrorKey = (typeof ORG_ERROR_KEYS)[number];

export function isOrgErrorKey(value: unknown): value is OrgErrorKey {
  return typeof value === "string" && (ORG_ERROR_KEYS as readonly string[]).includes(value);
}

/** The first error key of a conform reply, for the one-line message above a form. */
export function firstErrorKey(error: Record<string, string[] | null> | null | undefined): OrgErrorKey {
  const first = Object.values(error ?? {}).flatMap((messages) => messages ?? [])[0];
  return isOrgErrorKey(first) ? first : "invalid";
}

const required = { required_error: "required", invalid_type_error: "required" };
const text = (max: number) => z.string(required).trim().min(1, "required").max(max, "tooLong");
const email = z.string(required).trim().toLowerCase().max(254, "emailInvalid").email("emailInvalid");
const id = z.string(required).trim().min(1, "required").max(100, "notFound");
const role = z.enum(ROLES, {
  errorMap: (issue) => ({ message: issue.code === "invalid_type" ? "required" : "unknownRole" }),
});

/** A calendar day from an `<input type="date">`, as UTC midnight. */
export const dayField = z
  .string(required)
  .regex(/^\d{4}-\d{2}-\d{2}$/, "dateInvalid")
  .transform((value, ctx) => {
    const date = new Date(`${value}T00:00:00.000Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      ctx.addIssue({ code: "custom", message: "dateInvalid" });
      return z.NEVER;
    }
    return date;
  });

export const createOrgSchema = z.object({
  name: text(120),
  slug: z
    .string(required)
    .trim()
    .toLowerCase()
    .min(3, "slugInvalid")
    .max(60, "slugInvalid")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slugInvalid"),
  kind: z.enum(ORG_KINDS, { errorMap: () => ({ message: "unknownKind" }) }),
  country: z.enum(COUNTRIES, { errorMap: () => ({ message: "unknownCountry" }) }),
  adminName: text(120),
  adminEmail: email,
  adminLanguage: z.enum(LANGUAGES, { errorMap: () => ({ message: "invalid" }) }),
});

export const memberActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("grantRole"), userId: id, role }),
    z.object({ intent: z.literal("revokeRole"), userId: id, role }),
    z.object({ intent: z.literal("endMembership"), userId: id }),
    z.object({ intent: z.literal("resendInvitation"), invitationId: id }),
  ],
  {
    errorMap: (issue, ctx) => ({
      message: issue.code === "invalid_union_discriminator" ? "unknownIntent" : ctx.defaultError,
    }),
  },
);

export const cohortSchema = z
  .object({
    name: text(120),
    startsOn: dayField,
    endsOn: dayField,
    courseIds: z
      .array(z.string(required).max(100, "unknownCourse"), required)
      .min(1, "coursesRequired")
      .max(20, "invalid"),
    // `due.<courseId>`: an optional due date per chosen course.
    due: z
      .record(z.string(), z.string({ invalid_type_error: "dateInvalid" }).optional(), {
        invalid_type_error: "dateInvalid",
      })
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.endsOn < value.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "endBeforeStart" });
    for (const [courseId, day] of Object.entries(value.due ?? {})) {
      if (day && !dayField.safeParse(day).success) {
        ctx.addIssue({ code: "custom", path: ["due", courseId], message: "dateInvalid" });
      }
    }
  });
export type CohortForm = z.infer<typeof cohortSchema>;

/** The due dates of the chosen courses (others ignored), as UTC midnights. */
export function dueDates(form: CohortForm): { courseId: string; dueOn: Date | null }[] {
  return [...new Set(form.courseIds)].map((courseId) => {
    const day = form.due?.[courseId];
    return { courseId, dueOn: day ? new Date(`${day}T00:00:00.000Z`) : null };
  });
}

export const MAX_EMAILS_PER_ADD = 500;

export const cohortActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("addPeople"),
      emails: z
        .string(required)
        .max(MAX_EMAILS_PER_ADD * 260, "tooManyEmails")
        .transform((value, ctx) => {
          const list = [
            ...new Set(
              value
                .split(/[\s,;]+/)
                .map((e) => e.trim().toLowerCase())
                .filter(Boolean),
            ),
          ];
          if (list.length === 0) ctx.addIssue({ code: "custom", message: "required" });
          if (list.length > MAX_EMAILS_PER_ADD) ctx.addIssue({ code: "custom", message: "tooManyEmails" });
          if (list.some((e) => !z.string().email().safeParse(e).success)) {
            ctx.addIssue({ code: "custom", message: "emailInvalid" });
          }
          return list;
        }),
    }),
    z.object({ intent: z.literal("removePerson"), userId: id }),
    z.object({ intent: z.literal("archive") }),
    z.object({ intent: z.literal("invitePartner"), orgId: id }),
  ],
  {
    errorMap: (issue, ctx) => ({
      message: issue.code === "invalid_union_discriminator" ? "unknownIntent" : ctx.defaultError,
    }),
  },
);

export const partnerResponseSchema = z.object({
  intent: z.enum(["accept", "decline"], { errorMap: () => ({ message: "unknownIntent" }) }),
  cohortId: id,
});

export const MAX_SEATS = 10_000;
export const MAX_CODE_DAYS = 366;

export const codeActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("issue"),
      seatLimit: z
        .number({ required_error: "required", invalid_type_error: "seatLimitInvalid" })
        .int("seatLimitInvalid")
        .min(1, "seatLimitInvalid")
        .max(MAX_SEATS, "seatLimitInvalid"),
      expiresOn: dayField,
    }),
    z.object({ intent: z.literal("revoke"), codeId: id }),
  ],
  {
    errorMap: (issue, ctx) => ({
      message: issue.code === "invalid_union_discriminator" ? "unknownIntent" : ctx.defaultError,
    }),
  },
);

/** Codes are shown in groups of four (ABCD-EFGH); typed with or without the dash, any case. */
export function normalizeCode(input: string): string {
  return input.replace(/[\s-]+/g, "").toUpperCase();
}

export const CODE_PATTERN = /^[A-HJ-NP-Z2-9]{8}$/;

export const redeemSchema = z.object({
  code: z
    .string(required)
    .max(40, "codeInvalid")
    .transform(normalizeCode)
    .refine((value) => CODE_PATTERN.test(value), "codeInvalid"),
});

export const invitationPasswordSchema = z.object({
  token: z.string(required).max(200, "invalidLink"),
  password: z.string(required).min(12, "passwordTooShort").max(200, "passwordTooLong"),
});

export const invitationAcceptSchema = z.object({ token: z.string(required).max(200, "invalidLink") });

// The progress table's state lives in the URL: ?q=&status=&org=&sort=&dir=&page=
export const PROGRESS_SORTS = ["name", "org", "added", "progress"] as const;
export const PROGRESS_STATUSES = ["all", "incomplete", "complete", "overdue"] as const;
export const PROGRESS_PAGE_SIZE = 50;

export type ProgressQuery = {
  q: string;
  terms: string[];
  status: (typeof PROGRESS_STATUSES)[number];
  org: string | null;
  sort: (typeof PROGRESS_SORTS)[number];
  dir: "asc" | "desc";
  page: number;
};

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Lenient: an unknown value falls back to the default, so an edited URL never fails. */
export function parseProgressQuery(search: URLSearchParams): ProgressQuery {
  const q = (search.get("q") ?? "").trim().slice(0, 100);
  const page = Number.parseInt(search.get("page") ?? "1", 10);
  const org = search.get("org");
  return {
    q,
    terms: fold(q)
      .split(/[\s%_\\]+/)
      .filter(Boolean)
      .slice(0, 8),
    status: pick(search.get("status"), PROGRESS_STATUSES, "all"),
    org: org && org.length <= 100 ? org : null,
    sort: pick(search.get("sort"), PROGRESS_SORTS, "name"),
    dir: search.get("dir") === "desc" ? "desc" : "asc",
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The query string of a progress query (defaults left out), for links and the export. */
export function progressSearch(query: ProgressQuery, change: Partial<ProgressQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.status !== "all") params.set("status", next.status);
  if (next.org) params.set("org", next.org);
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.page !== 1) params.set("page", String(next.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
