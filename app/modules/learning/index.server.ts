// Public entry of the learning module: enrolment, progress, and the learning pages' data.
export { enrol, enrolmentOf, enrolmentsOf, isEnrolled, recordVisit, type EnrolmentRow } from "./enrolment.server.ts";
export {
  completedLessonIds,
  computeProgress,
  courseProgress,
  lessonCompletedAt,
  markLessonComplete,
  refreshCourseCompletion,
  type CourseProgress,
  type MarkCompleteResult,
} from "./progress.server.ts";
export { canPreviewLessons, findCourse, findCourseLesson } from "./access.server.ts";
export {
  catalogView,
  courseView,
  type CourseCard,
  type CourseView,
  type QuizLine,
  type Viewer,
} from "./catalog.server.ts";
export { lessonPage, withoutHtml, type LessonPage, type LessonTextView, type SectionView } from "./lesson.server.ts";
export { glossaryView, type GlossaryEntry } from "./glossary.server.ts";
export { searchView, SEARCH_LIMIT, type SearchResult } from "./search.server.ts";
export { lessonChangesForLearner, type LessonChangeNotice } from "./changes.server.ts";
export { learnerHome, type LearnerHome, type HomeCourse, type PastAttempt } from "./home.server.ts";
export type { Named, ProgressSummary } from "./views.server.ts";
export { courseActionSchema, lessonActionSchema, queryErrorKey, queryParamsSchema } from "./schema.ts";
