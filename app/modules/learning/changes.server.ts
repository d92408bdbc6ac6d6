// "What changed": substantive changes to lessons the learner completed before the change,
// so someone who learned an earlier, wrong version is told (content/README.md, `changes`).
import { coursesWithLesson, getLesson } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { formatDay, type Lang } from "~/modules/i18n/index.ts";
import { enrolmentsOf } from "./enrolment.server.ts";

export type LessonChangeNotice = {
  lessonId: string;
  lessonTitle: string;
  /** A course the lesson is read in: one the learner is enrolled in when there is one. */
  courseId: string;
  /** `YYYY-MM-DD` */
  date: string;
  dateText: string;
  note: string;
};

/**
 * Changes dated on or after the day the learner completed the lesson, newest first. The
 * same day counts: a note carries a day, not a time, and telling twice is better than never.
 */
export async function lessonChangesForLearner(userId: string, lang: Lang): Promise<LessonChangeNotice[]> {
  const [done, enrolments] = await Promise.all([
    db.lessonProgress.findMany({ where: { userId }, select: { lessonId: true, completedAt: true } }),
    enrolmentsOf(userId),
  ]);
  const enrolled = new Set(enrolments.map((e) => e.courseId));
  const notices: LessonChangeNotice[] = [];
  for (const { lessonId, completedAt } of done) {
    const lesson = getLesson(lessonId);
    if (!lesson || lesson.changes.length === 0) continue;
    const completedDay = completedAt.toISOString().slice(0, 10);
    const courses = coursesWithLesson(lessonId);
    const course = courses.find((c) => enrolled.has(c.id)) ?? courses[0];
    if (!course) continue;
    for (const change of lesson.changes) {
      if (change.date < completedDay) continue;
      notices.push({
        lessonId,
        lessonTitle: lesson[lang].title,
        courseId: course.id,
        date: change.date,
        dateText: formatDay(change.date, lang),
        note: change.note[lang],
      });
    }
  }
  return notices.sort((a, b) => b.date.localeCompare(a.date) || a.lessonTitle.localeCompare(b.lessonTitle));
}
