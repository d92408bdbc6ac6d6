// Inputs of the learning pages. Messages are keys under `learning:errors`.
import { z } from "zod";

import { QUERY_MAX } from "./limits.ts";

export const queryParamsSchema = z.object({
  // `?q=a&q=b` reaches zod as an array: not understood, rather than "too long" (issue 18).
  q: z.string({ invalid_type_error: "unknownIntent" }).trim().max(QUERY_MAX, "queryTooLong").optional(),
});

/** The `learning:errors` key of a refused query string. */
export function queryErrorKey(
  error: Record<string, string[] | null> | null | undefined,
): "queryTooLong" | "unknownIntent" {
  return error?.q?.[0] === "unknownIntent" ? "unknownIntent" : "queryTooLong";
}

export const courseActionSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("enrol") })], {
  errorMap: () => ({ message: "unknownIntent" }),
});

export const lessonActionSchema = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("complete") }), z.object({ intent: z.literal("enrol") })],
  { errorMap: () => ({ message: "unknownIntent" }) },
);
