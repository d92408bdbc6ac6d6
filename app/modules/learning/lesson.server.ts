// The lesson page: one language, or both side by side, with its place in the course.
import {
  lessonNeighbours,
  lessonsOfCourse,
  getModule,
  getQuiz,
  type Course,
  type Lesson,
} from "~/modules/content/index.server.ts";
import { formatDate, formatDay, type Lang, LANGUAGES } from "~/modules/i18n/index.ts";
import { sectionAnchor } from "./paths.ts";
import { quizTitle } from "~/modules/quiz/index.server.ts";
import { lessonCompletedAt } from "./progress.server.ts";
import { lessonTitle, type Named } from "./views.server.ts";

/** `html` is null in a document's hydration data: the document carries it (see withoutHtml). */
export type SectionView = { id: string; anchor: string; title: string; html: string | null };

export type LessonTextView = {
  lang: Lang;
  title: string;
  objectives: string[];
  sections: SectionView[];
  /** "" when the lesson has none; null when left to the document, as a section's html. */
  footnotesHtml: string | null;
};

export type LessonPage = {
  course: Named;
  module: Named;
  lesson: { id: string; minutes: number; position: number; count: number };
  /** The page language first; with the side-by-side view, English then Spanish. */
  texts: LessonTextView[];
  sideBySide: boolean;
  previous: Named | null;
  next: Named | null;
  /** Offered after the last lesson of a module that has a quiz. */
  moduleQuiz: Named | null;
  completedOn: string | null;
  /** The lesson's review date, formatted: "Law stated as of …". Null until reviewed. */
  lawAsOf: { day: string; text: string } | null;
};

function textOf(lesson: Lesson, lang: Lang): LessonTextView {
  const text = lesson[lang];
  return {
    lang,
    title: text.title,
    objectives: text.objectives,
    sections: text.sections.map((s) => ({ id: s.id, anchor: sectionAnchor(lang, s.id), title: s.title, html: s.html })),
    footnotesHtml: text.footnotesHtml,
  };
}

export async function lessonPage(
  lang: Lang,
  course: Course,
  lesson: Lesson,
  options: { sideBySide: boolean; userId: string; timeZone: string },
): Promise<LessonPage> {
  const lessons = lessonsOfCourse(course.id);
  const position = lessons.findIndex((l) => l.id === lesson.id) + 1;
  const { previous, next } = lessonNeighbours(course.id, lesson.id);
  const module = getModule(lesson.moduleId);
  const lastOfModule = module?.lessons.at(-1) === lesson.id;
  const quiz = lastOfModule && module?.quiz ? getQuiz(module.quiz) : undefined;
  const completedAt = await lessonCompletedAt(options.userId, lesson.id);
  return {
    course: { id: course.id, title: course.title[lang] },
    module: { id: lesson.moduleId, title: module?.title[lang] ?? lesson.moduleId },
    lesson: { id: lesson.id, minutes: lesson.minutes, position, count: lessons.length },
    texts: options.sideBySide ? LANGUAGES.map((l) => textOf(lesson, l)) : [textOf(lesson, lang)],
    sideBySide: options.sideBySide,
    previous: previous ? lessonTitle(previous.id, lang) : null,
    next: next ? lessonTitle(next.id, lang) : null,
    moduleQuiz: quiz ? { id: quiz.id, title: quizTitle(quiz, lang, course.id) } : null,
    completedOn: completedAt ? formatDate(completedAt, lang, options.timeZone) : null,
    lawAsOf: lesson.reviewed ? { day: lesson.reviewed, text: formatDay(lesson.reviewed, lang) } : null,
  };
}

/**
 * For a document request: the page with its lesson HTML moved into `fragments` (see
 * app/components/document-fragment.tsx), so the
 * hydration data does not carry the lesson a second time.
 */
export function withoutHtml(page: LessonPage, fragments: Map<string, string>): LessonPage {
  return {
    ...page,
    texts: page.texts.map((text) => {
      if (text.footnotesHtml) fragments.set(`footnotes-${text.lang}`, text.footnotesHtml);
      return {
        ...text,
        footnotesHtml: text.footnotesHtml ? null : text.footnotesHtml,
        sections: text.sections.map((section) => {
          if (section.html !== null) fragments.set(section.anchor, section.html);
          return { ...section, html: null };
        }),
      };
    }),
  };
}
