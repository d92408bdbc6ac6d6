// Who may read what. Catalog, course pages and the glossary are public; a lesson needs an
// account and an enrolment, except for people who may preview any lesson (instructors).
import { getMemberships, type SessionUser } from "~/modules/auth/index.server.ts";
import { holds } from "~/modules/auth/index.ts";
import { getCourse, getLesson, isLessonInCourse, type Course, type Lesson } from "~/modules/content/index.server.ts";

/** The course of the URL, or `null` when there is none (the route answers 404). */
export function findCourse(courseId: string | undefined): Course | null {
  return (courseId ? getCourse(courseId) : undefined) ?? null;
}

/** The lesson of the URL in the course of the URL, or `null` also when it is not part of that course. */
export function findCourseLesson(
  courseId: string | undefined,
  lessonId: string | undefined,
): { course: Course; lesson: Lesson } | null {
  const course = findCourse(courseId);
  const lesson = lessonId ? getLesson(lessonId) : undefined;
  if (!course || !lesson || !isLessonInCourse(course.id, lesson.id)) return null;
  return { course, lesson };
}

export async function canPreviewLessons(request: Request, user: SessionUser): Promise<boolean> {
  const memberships = await getMemberships(request, user.id);
  return holds(
    { isPlatformAdmin: user.isPlatformAdmin, emailVerified: user.emailVerified, memberships },
    "read:lesson-preview:any",
  );
}
