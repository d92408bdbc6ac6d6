// URLs and anchors of learning pages, shared by loaders, components and tests.
import type { Lang } from "~/modules/i18n/index.ts";

/** Section anchors carry the language so both languages can sit on one page. */
export function sectionAnchor(lang: Lang, sectionId: string): string {
  return `sec-${lang}-${sectionId}`;
}

export function termAnchor(termId: string): string {
  return `term-${termId}`;
}

export const SIDE_BY_SIDE = "both";

export const coursePath = (lang: Lang, courseId: string) => `/${lang}/courses/${courseId}`;

export function lessonPath(
  lang: Lang,
  courseId: string,
  lessonId: string,
  options: { both?: boolean; hash?: string } = {},
): string {
  const search = options.both ? `?view=${SIDE_BY_SIDE}` : "";
  return `/${lang}/courses/${courseId}/lessons/${lessonId}${search}${options.hash ? `#${options.hash}` : ""}`;
}

export const quizPath = (lang: Lang, courseId: string, quizId: string) =>
  `/${lang}/courses/${courseId}/quizzes/${quizId}`;
