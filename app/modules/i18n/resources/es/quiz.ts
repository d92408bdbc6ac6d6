import type { Translation } from "../../types.ts";
import type { quiz as en } from "../en/quiz.ts";

export const quiz: Translation<typeof en> = {
  placeholder: "—",
};
