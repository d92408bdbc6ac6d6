// Inputs of the learning pages. Messages are keys under `learning:errors`.
import { z } from "zod";

import { QUERY_MAX } from "./limits.ts";

export const queryParamsSchema = z.object({
  q: z.string().trim().max(QUERY_MAX, "queryTooLong").optional(),
});

export const courseActionSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("enrol") })], {
  errorMap: () => ({ message: "unknownIntent" }),
});

export const lessonActionSchema = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("complete") }), z.object({ intent: z.literal("enrol") })],
  { errorMap: () => ({ message: "unknownIntent" }) },
);
