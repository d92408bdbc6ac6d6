import { z } from "zod";
import { MAX_EXTRA_ATTEMPTS, MAX_EXTRA_MINUTES, MAX_REASON_LENGTH } from "~/modules/quiz/index.ts";

const whole = (max: number) =>
  z.coerce
    .number({ invalid_type_error: "invalidNumber" })
    .int("invalidNumber")
    .min(0, "invalidNumber")
    .max(max, "invalidNumber");

export const accommodationSchema = z.object({
  userId: z.string({ required_error: "unknownLearner", invalid_type_error: "unknownLearner" }).min(1, "unknownLearner"),
  extraMinutes: whole(MAX_EXTRA_MINUTES),
  extraAttempts: whole(MAX_EXTRA_ATTEMPTS),
  reason: z
    .string({ required_error: "reasonRequired", invalid_type_error: "reasonRequired" })
    .trim()
    .min(1, "reasonRequired")
    .max(MAX_REASON_LENGTH, "reasonTooLong"),
});
