// Pure lookups over a loaded model; index.server.ts binds them to the cached content.
import type {
  Achievement,
  CheckType,
  ContentModel,
  Course,
  GlossaryTerm,
  Lesson,
  Module,
  Quiz,
  VettingProfile,
} from "./types.ts";

export interface ContentIndex {
  model: ContentModel;
  courses: ReadonlyMap<string, Course>;
  modules: ReadonlyMap<string, Module>;
  lessons: ReadonlyMap<string, Lesson>;
  quizzes: ReadonlyMap<string, Quiz>;
  terms: ReadonlyMap<string, GlossaryTerm>;
  achievements: ReadonlyMap<string, Achievement>;
  checkTypes: ReadonlyMap<string, CheckType>;
  profiles: ReadonlyMap<string, VettingProfile>;
}

const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((entry) => [entry.id, entry]));

export function buildIndex(model: ContentModel): ContentIndex {
  return {
    model,
    courses: byId(model.courses),
    modules: byId(model.modules),
    lessons: byId(model.lessons),
    quizzes: byId(model.quizzes),
    terms: byId(model.glossary),
    achievements: byId(model.achievements),
    checkTypes: byId(model.checkTypes),
    profiles: byId(model.profiles),
  };
}

export function modulesOfCourse(index: ContentIndex, courseId: string): Module[] {
  return (index.courses.get(courseId)?.modules ?? []).flatMap((id) => index.modules.get(id) ?? []);
}

/** Every lesson of the course in reading order (module order, then lesson order). */
export function lessonsOfCourse(index: ContentIndex, courseId: string): Lesson[] {
  return modulesOfCourse(index, courseId).flatMap((module) =>
    module.lessons.flatMap((id) => index.lessons.get(id) ?? []),
  );
}

export function quizzesOfCourse(index: ContentIndex, courseId: string): Quiz[] {
  return modulesOfCourse(index, courseId).flatMap((module) =>
    module.quiz ? (index.quizzes.get(module.quiz) ?? []) : [],
  );
}

export function isLessonInCourse(index: ContentIndex, courseId: string, lessonId: string): boolean {
  return modulesOfCourse(index, courseId).some((module) => module.lessons.includes(lessonId));
}

export function coursesWithLesson(index: ContentIndex, lessonId: string): Course[] {
  return index.model.courses.filter((course) => isLessonInCourse(index, course.id, lessonId));
}

/** Previous and next lesson within the course's reading order (across modules). */
export function lessonNeighbours(
  index: ContentIndex,
  courseId: string,
  lessonId: string,
): { previous: Lesson | null; next: Lesson | null } {
  const lessons = lessonsOfCourse(index, courseId);
  const at = lessons.findIndex((lesson) => lesson.id === lessonId);
  if (at < 0) return { previous: null, next: null };
  return { previous: lessons[at - 1] ?? null, next: lessons[at + 1] ?? null };
}

export function courseMinutes(index: ContentIndex, courseId: string): number {
  return lessonsOfCourse(index, courseId).reduce((sum, lesson) => sum + lesson.minutes, 0);
}

export interface CompletionRequirements {
  lessons: string[];
  quizzes: { id: string; passMark: number }[];
}

/** What completing the course requires, with each quiz's pass mark (for progress and credentials). */
export function courseCompletionRequirements(
  index: ContentIndex,
  courseId: string,
): CompletionRequirements | undefined {
  const course = index.courses.get(courseId);
  if (!course) return undefined;
  return {
    lessons: course.completion.lessons,
    quizzes: course.completion.quizzes.map((id) => ({ id, passMark: index.quizzes.get(id)?.settings.passMark ?? 100 })),
  };
}

export function achievementsForCourse(index: ContentIndex, courseId: string): Achievement[] {
  return index.model.achievements.filter((achievement) => achievement.courses.includes(courseId));
}

export function moduleOfLesson(index: ContentIndex, lessonId: string): Module | undefined {
  const lesson = index.lessons.get(lessonId);
  return lesson ? index.modules.get(lesson.moduleId) : undefined;
}
