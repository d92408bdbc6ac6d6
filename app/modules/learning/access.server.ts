// Who may read what. Catalog, course pages and the glossary are public; a lesson needs an
// account and an enrolment, except for people who may preview any lesson (instructors).
import { getMemberships, type SessionUser } from "~/modules/auth/index.server.ts";
import { holds } from "~/modules/auth/permissions.ts";
import { getCourse, getLesson, isLessonInCourse, type Course, type Lesson } from "~/modules/content/index.server.ts";

export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}

/** The course of the URL, or a thrown 404. */
export function requireCourse(courseId: string | undefined): Course {
  const course = courseId ? getCourse(courseId) : undefined;
  if (!course) throw notFound();
  return course;
}

/** The lesson of the URL; a 404 also when it is not part of the course in the URL. */
export function requireCourseLesson(
  courseId: string | undefined,
  lessonId: string | undefined,
): { course: Course; lesson: Lesson } {
  const course = requireCourse(courseId);
  const lesson = lessonId ? getLesson(lessonId) : undefined;
  if (!lesson || !isLessonInCourse(course.id, lesson.id)) throw notFound();
  return { course, lesson };
}

export async function canPreviewLessons(request: Request, user: SessionUser): Promise<boolean> {
  const memberships = await getMemberships(request, user.id);
  return holds(
    { isPlatformAdmin: user.isPlatformAdmin, emailVerified: user.emailVerified, memberships },
    "read:lesson-preview:any",
  );
}
