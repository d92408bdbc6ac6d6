// Size of the content, for `content:stats` and for authors balancing the two languages.
import { ITEM_TYPES, type ItemType, type QuizItem } from "./quiz-schema.ts";
import type { ContentModel } from "./types.ts";

export interface ContentStats {
  courses: number;
  modules: number;
  lessons: number;
  words: { en: number; es: number };
  /** `byType` counts every item, a case and each of its sub-items; `total` is their sum. */
  items: { total: number; byType: Record<ItemType, number> };
  glossaryTerms: number;
}

export interface ModuleStats {
  moduleId: string;
  lessons: number;
  words: { en: number; es: number };
  items: Record<ItemType, number>;
  /** Distinct glossary terms marked in the module's lessons, either language. */
  termsUsed: number;
}

function countItems(items: readonly QuizItem[]): Record<ItemType, number> {
  const counts = Object.fromEntries(ITEM_TYPES.map((type) => [type, 0])) as Record<ItemType, number>;
  for (const item of items) {
    counts[item.type]++;
    if (item.type === "case") for (const sub of item.items) counts[sub.type]++;
  }
  return counts;
}

export function contentStats(model: ContentModel): ContentStats {
  const byType = countItems(model.quizzes.flatMap((quiz) => quiz.items));
  return {
    courses: model.courses.length,
    modules: model.modules.length,
    lessons: model.lessons.length,
    words: {
      en: model.lessons.reduce((sum, lesson) => sum + lesson.en.words, 0),
      es: model.lessons.reduce((sum, lesson) => sum + lesson.es.words, 0),
    },
    items: { total: Object.values(byType).reduce((sum, n) => sum + n, 0), byType },
    glossaryTerms: model.glossary.length,
  };
}

/** In module order (m2 before m10), whatever order the files were read in. */
export function moduleStats(model: ContentModel): ModuleStats[] {
  const inOrder = [...model.modules].sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
  return inOrder.map((module) => {
    const lessons = model.lessons.filter((lesson) => lesson.moduleId === module.id);
    const quiz = model.quizzes.find((candidate) => candidate.id === module.quiz);
    return {
      moduleId: module.id,
      lessons: lessons.length,
      words: {
        en: lessons.reduce((sum, lesson) => sum + lesson.en.words, 0),
        es: lessons.reduce((sum, lesson) => sum + lesson.es.words, 0),
      },
      items: countItems(quiz?.items ?? []),
      termsUsed: new Set(lessons.flatMap((lesson) => [...lesson.en.terms, ...lesson.es.terms])).size,
    };
  });
}
