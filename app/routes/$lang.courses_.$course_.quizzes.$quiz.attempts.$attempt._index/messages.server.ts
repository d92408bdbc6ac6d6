import type { TFunction } from "i18next";
import type { AnswerError } from "~/modules/quiz/answers.ts";

/** One translated line per problem; question numbers come from the attempt's q1…qN keys. */
export function answerErrorMessages(t: TFunction, errors: AnswerError[]): string[] {
  const lines = errors.map((e) => {
    const number = e.key ? Number(e.key.slice(1)) : 0;
    return t(`quiz:errors.${e.code}`, { number });
  });
  return [...new Set(lines)];
}
