// Public server entry of the content module. Routes and other modules import only this
// file (and ./index.ts for browser-safe types and kinds).
import { contentIndex } from "./cache.server.ts";
import * as lookup from "./lookup.ts";
import { reviewStatus, type ReviewStatus } from "./review-age.ts";
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

export { loadContent } from "./load.server.ts";
export { readTree, type ContentTree, type ModuleFolder, type SourceFile } from "./read-tree.server.ts";
export { splitFrontMatter, type SplitLesson } from "./front-matter.server.ts";
export { FACT_KINDS, extractFacts, footnoteDefinitions, type Fact, type FactKind } from "./facts.ts";
export { contentStats, moduleStats, type ContentStats, type ModuleStats } from "./stats.ts";
export { clearContentCache, defaultContentDir } from "./cache.server.ts";
export { ContentError, formatProblem } from "./problems.ts";
export { REVIEW_DUE_MONTHS, REVIEW_OVERDUE_MONTHS, type ReviewStatus } from "./review-age.ts";
export { searchContent, type SearchHit, type SearchOptions } from "./search.server.ts";
export type { CompletionRequirements } from "./lookup.ts";
export type * from "./types.ts";

/** The validated, cached model. Throws ContentError listing every `file:line: message`. */
export function getContent(): ContentModel {
  return contentIndex().model;
}

/** Short content hash; attempts and credentials record the version they were made against. */
export function contentVersion(): string {
  return contentIndex().model.version;
}

export type LessonDue = { lesson: Lesson; status: Exclude<ReviewStatus, "current" | "future"> };

/** Lessons never reviewed or reviewed more than 9 months ago: never reviewed and oldest first. */
export function lessonsDueForReview(today = new Date()): LessonDue[] {
  const due: LessonDue[] = [];
  for (const lesson of contentIndex().model.lessons) {
    const status = reviewStatus(lesson.reviewed, today);
    if (status === "missing" || status === "due" || status === "overdue") due.push({ lesson, status });
  }
  return due.sort((a, b) => (a.lesson.reviewed ?? "").localeCompare(b.lesson.reviewed ?? ""));
}

export const listCourses = (): readonly Course[] => contentIndex().model.courses;
export const getCourse = (id: string): Course | undefined => contentIndex().courses.get(id);
export const getModule = (id: string): Module | undefined => contentIndex().modules.get(id);
export const getLesson = (id: string): Lesson | undefined => contentIndex().lessons.get(id);
export const getQuiz = (id: string): Quiz | undefined => contentIndex().quizzes.get(id);
export const getTerm = (id: string): GlossaryTerm | undefined => contentIndex().terms.get(id);
export const listGlossary = (): readonly GlossaryTerm[] => contentIndex().model.glossary;
export const getAchievement = (id: string): Achievement | undefined => contentIndex().achievements.get(id);
export const listAchievements = (): readonly Achievement[] => contentIndex().model.achievements;
export const getProfile = (id: string): VettingProfile | undefined => contentIndex().profiles.get(id);
export const listProfiles = (): readonly VettingProfile[] => contentIndex().model.profiles;
export const getCheckType = (id: string): CheckType | undefined => contentIndex().checkTypes.get(id);
export const listCheckTypes = (): readonly CheckType[] => contentIndex().model.checkTypes;

export const modulesOfCourse = (courseId: string): Module[] => lookup.modulesOfCourse(contentIndex(), courseId);
export const lessonsOfCourse = (courseId: string): Lesson[] => lookup.lessonsOfCourse(contentIndex(), courseId);
export const quizzesOfCourse = (courseId: string): Quiz[] => lookup.quizzesOfCourse(contentIndex(), courseId);
export const moduleOfLesson = (lessonId: string): Module | undefined => lookup.moduleOfLesson(contentIndex(), lessonId);
export const isLessonInCourse = (courseId: string, lessonId: string): boolean =>
  lookup.isLessonInCourse(contentIndex(), courseId, lessonId);
export const coursesWithLesson = (lessonId: string): Course[] => lookup.coursesWithLesson(contentIndex(), lessonId);
export const lessonNeighbours = (courseId: string, lessonId: string) =>
  lookup.lessonNeighbours(contentIndex(), courseId, lessonId);
export const courseMinutes = (courseId: string): number => lookup.courseMinutes(contentIndex(), courseId);
export const courseCompletionRequirements = (courseId: string): lookup.CompletionRequirements | undefined =>
  lookup.courseCompletionRequirements(contentIndex(), courseId);
export const achievementsForCourse = (courseId: string): Achievement[] =>
  lookup.achievementsForCourse(contentIndex(), courseId);
