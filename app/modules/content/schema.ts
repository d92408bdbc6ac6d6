// Zod schemas for the YAML files and lesson front matter described in content/README.md.
// Plain (not .server) so forms and tooling in the browser may reuse them.
import { z } from "zod";
import type { Lang } from "~/modules/i18n/index.ts";
import { JURISDICTIONS, LANG_NAMES } from "./kinds.ts";

export const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const idSchema = z.string({ required_error: "missing id", invalid_type_error: "an id must be text" }).refine(
  (value) => KEBAB_CASE.test(value),
  (value) => ({ message: `"${value}" is not a lowercase kebab-case id` }),
);

function text(lang: Lang) {
  const name = LANG_NAMES[lang];
  return z
    .string({ required_error: `missing ${name} text`, invalid_type_error: `${name} text must be text` })
    .refine((value) => value.trim() !== "", `empty ${name} text`);
}

/** A learner-facing string: exactly `en` and `es`, neither empty. */
export const localized = z
  .object(
    { en: text("en"), es: text("es") },
    {
      required_error: "missing (needs en and es text)",
      invalid_type_error: "must be an object with en and es text",
    },
  )
  .strict();

export const AUDIENCES = ["agents", "students", "supervisors"] as const;
const audience = z.enum(AUDIENCES);

export const courseSchema = z
  .object({
    id: idSchema,
    title: localized,
    summary: localized,
    audience: z.array(audience).min(1, "name at least one audience"),
    open: z.boolean().default(false),
    modules: z.array(idSchema).min(1, "a course needs at least one module"),
    completion: z
      .object({
        lessons: z.union([z.literal("all"), z.array(idSchema)]).default("all"),
        quizzes: z.array(idSchema).default([]),
      })
      .strict()
      .default({}),
  })
  .strict();

export const moduleSchema = z
  .object({
    id: idSchema,
    title: localized,
    summary: localized,
    lessons: z.array(idSchema).min(1, "a module needs at least one lesson"),
    quiz: idSchema.optional(),
  })
  .strict();

const glossaryEntry = (lang: Lang) =>
  z
    .object(
      { term: text(lang), definition: text(lang) },
      { required_error: `missing ${LANG_NAMES[lang]} entry (${lang}: { term, definition })` },
    )
    .strict();

export const glossaryTermSchema = z
  .object({
    id: idSchema,
    jurisdiction: z.enum(JURISDICTIONS),
    en: glossaryEntry("en"),
    es: glossaryEntry("es"),
    see: z.array(idSchema).default([]),
  })
  .strict();

export const glossaryFileSchema = z.object({ terms: z.array(glossaryTermSchema) }).strict();

export const achievementSchema = z
  .object({
    id: idSchema,
    name: localized,
    description: localized,
    criteria: localized,
    courses: z.array(idSchema).min(1, "an achievement needs at least one course"),
    validityMonths: z.number().int().positive(),
    recertifyWindowDays: z.number().int().nonnegative().default(0),
    // hours of instruction stated on the credential (Open Badges creditsAvailable)
    hours: z.number().positive().multipleOf(0.5),
  })
  .strict();

export const achievementsFileSchema = z.object({ achievements: z.array(achievementSchema) }).strict();

export const checkTypeSchema = z.object({ id: idSchema, name: localized, description: localized }).strict();

export const profileSchema = z
  .object({
    id: idSchema,
    name: localized,
    description: localized,
    audience,
    credentials: z.array(idSchema).default([]),
    checks: z.array(z.object({ type: idSchema, validityMonths: z.number().int().positive() }).strict()).default([]),
  })
  .strict();

export const vettingFileSchema = z
  .object({
    checkTypes: z.array(checkTypeSchema).default([]),
    profiles: z.array(profileSchema).default([]),
  })
  .strict();

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD`, a real calendar date. Kept as text: it names a day, not an instant. */
export const isoDateSchema = z
  .string({ required_error: "missing date (YYYY-MM-DD)", invalid_type_error: "a date must be written YYYY-MM-DD" })
  .refine(
    (value) => {
      const match = ISO_DATE.exec(value);
      if (!match) return false;
      const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
      return date.toISOString().slice(0, 10) === value;
    },
    (value) => ({ message: `"${value}" is not a date written YYYY-MM-DD` }),
  );

const lessonChangeSchema = z
  .object({
    date: isoDateSchema,
    note: z.string({ required_error: "missing note" }).refine((v) => v.trim() !== "", "empty note"),
  })
  .strict();

export const lessonFrontMatterSchema = z
  .object({
    id: idSchema,
    title: z.string({ required_error: "missing title" }).refine((v) => v.trim() !== "", "empty title"),
    minutes: z.number({ required_error: "missing minutes" }).int().positive(),
    objectives: z
      .array(
        z
          .string({ invalid_type_error: 'an objective must be text (quote it if it contains ": ")' })
          .refine((v) => v.trim() !== "", "empty objective"),
        {
          required_error: "missing objectives (a lesson needs at least 1)",
        },
      )
      .min(1, "a lesson needs at least 1 objective"),
    // Optional in the schema so content written before `reviewed` existed still loads;
    // content:check warns about a missing one and --strict refuses it.
    reviewed: isoDateSchema.optional(),
    changes: z.array(lessonChangeSchema).default([]),
  })
  .strict();

export const CLAIM_VERDICTS = ["confirmed", "corrected", "removed", "as-reported"] as const;

const claimText = (name: string) =>
  z.string({ required_error: `missing ${name}` }).refine((v) => v.trim() !== "", `empty ${name}`);

/** One entry of a claim log, `reviews/<module-id>.yaml`. */
export const claimSchema = z
  .object({
    lesson: idSchema,
    claim: claimText("claim"),
    source: claimText("source"),
    verdict: z.enum(CLAIM_VERDICTS),
    checked: isoDateSchema,
  })
  .strict();

export type CourseInput = z.output<typeof courseSchema>;
export type ModuleInput = z.output<typeof moduleSchema>;
export type GlossaryTermInput = z.output<typeof glossaryTermSchema>;
export type AchievementInput = z.output<typeof achievementSchema>;
export type CheckTypeInput = z.output<typeof checkTypeSchema>;
export type ProfileInput = z.output<typeof profileSchema>;
export type LessonFrontMatter = z.output<typeof lessonFrontMatterSchema>;
export type ClaimInput = z.output<typeof claimSchema>;
