import type { TFunction } from "i18next";
import type { AnswerError } from "./answers.ts";

export type AnswerProblem = { key: string | null; message: string };

/** One translated message per problem, tied to its question; numbers come from the q1…qN keys. */
export function answerProblems(t: TFunction, errors: AnswerError[]): AnswerProblem[] {
  const problems = errors.map((e) => ({
    key: e.key,
    message: t(`quiz:errors.${e.code}`, { number: e.key ? Number(e.key.slice(1)) : 0 }),
  }));
  return problems.filter((p, i) => problems.findIndex((q) => q.message === p.message) === i);
}

/** The same messages as plain lines, for the page's error list. */
export function answerErrorMessages(t: TFunction, errors: AnswerError[]): string[] {
  return answerProblems(t, errors).map((p) => p.message);
}
