// Zod schemas for quiz banks (modules/<id>/quiz.yaml). Structural rules live here;
// answer-key rules that zod's discriminated union cannot express sit in quiz-rules.ts.
import { z } from "zod";
import { idSchema, localized } from "./schema.ts";

export const ITEM_TYPES = [
  "single",
  "multiple",
  "true-false",
  "matching",
  "ordering",
  "numeric",
  "short-text",
  "case",
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

const option = z.object({ id: idSchema, text: localized, correct: z.boolean().optional() }).strict();
const pair = z.object({ id: idSchema, left: localized, right: localized }).strict();
const step = z.object({ id: idSchema, text: localized }).strict();
const acceptedList = (name: string) =>
  z
    .array(
      z.string().refine((v) => v.trim() !== "", "empty accepted answer"),
      {
        required_error: `missing ${name} accepted answers`,
      },
    )
    .min(1, `needs at least one ${name} accepted answer`);

// A unit may be written as plain text (`USD`) when it reads the same in both languages.
const unit = z
  .union([z.string().min(1), localized])
  .transform((value) => (typeof value === "string" ? { en: value, es: value } : value));

/** Builds the item variants; case sub-items may omit `topic` (they inherit the case's). */
function itemVariants<T extends z.ZodTypeAny>(topic: T) {
  const base = { id: idSchema, topic, prompt: localized, explanation: localized };
  return [
    z
      .object({
        ...base,
        type: z.literal("single"),
        options: z.array(option).min(2).max(8),
        shuffle: z.boolean().optional(),
      })
      .strict(),
    z
      .object({
        ...base,
        type: z.literal("multiple"),
        options: z.array(option).min(2).max(8),
        shuffle: z.boolean().optional(),
      })
      .strict(),
    z
      .object({
        ...base,
        type: z.literal("true-false"),
        answer: z.boolean({ required_error: "missing answer (true or false)" }),
      })
      .strict(),
    z
      .object({
        ...base,
        type: z.literal("matching"),
        pairs: z.array(pair).min(3, "matching needs at least 3 pairs").max(8),
      })
      .strict(),
    z
      .object({
        ...base,
        type: z.literal("ordering"),
        steps: z.array(step).min(3, "ordering needs at least 3 steps").max(8),
      })
      .strict(),
    z
      .object({
        ...base,
        type: z.literal("numeric"),
        answer: z.number({ required_error: "missing answer (a number)" }),
        tolerance: z.number().nonnegative().default(0),
        unit: unit.optional(),
      })
      .strict(),
    z
      .object({
        ...base,
        type: z.literal("short-text"),
        accepted: z
          .object(
            { en: acceptedList("English"), es: acceptedList("Spanish") },
            { required_error: "missing accepted answers (en and es lists)" },
          )
          .strict(),
      })
      .strict(),
  ] as const;
}

const topLevel = itemVariants(idSchema);
const sub = itemVariants(idSchema.optional());

export const subItemSchema = z.discriminatedUnion("type", [...sub]);

const caseItem = z
  .object({
    id: idSchema,
    type: z.literal("case"),
    topic: idSchema,
    prompt: localized,
    explanation: localized,
    scenario: localized,
    items: z.array(subItemSchema).min(2, "a case needs 2 to 5 items").max(5, "a case needs 2 to 5 items"),
  })
  .strict();

export const quizItemSchema = z.discriminatedUnion("type", [...topLevel, caseItem]);

export const REVIEW_POLICIES = ["always", "after-pass-or-last", "after-last-attempt"] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

export const quizSettingsSchema = z
  .object({
    passMark: z.number().int().min(1).max(100).default(80),
    maxAttempts: z.number().int().nonnegative().default(3),
    cooldownMinutes: z.number().int().nonnegative().default(60),
    timeLimitMinutes: z.number().int().positive().optional(),
    shuffleOptions: z.boolean().default(true),
    // Keys and explanations after each attempt (always), once passed or on the last attempt
    // (after-pass-or-last: marks still show after each attempt), or only on the last attempt.
    reviewPolicy: z.enum(REVIEW_POLICIES).default("always"),
    draw: z.array(z.object({ topic: idSchema, count: z.number().int().positive() }).strict()).optional(),
  })
  .strict();

export const quizFileSchema = z
  .object({
    id: idSchema,
    title: localized,
    settings: quizSettingsSchema.default({}),
    items: z.array(quizItemSchema).min(1, "a quiz needs at least one item"),
  })
  .strict();

export type QuizItem = z.output<typeof quizItemSchema>;
export type QuizSubItem = z.output<typeof subItemSchema>;
export type QuizSettings = z.output<typeof quizSettingsSchema>;
export type QuizFile = z.output<typeof quizFileSchema>;
