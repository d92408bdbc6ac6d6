import { db } from "~/modules/db/index.server.ts";

export async function isEnrolled(userId: string, courseId: string): Promise<boolean> {
  const row = await db.enrolment.findUnique({ where: { userId_courseId: { userId, courseId } }, select: { id: true } });
  return row !== null;
}

/** Idempotent: enrolling twice keeps the first enrolment. */
export async function enrol(userId: string, courseId: string): Promise<void> {
  await db.enrolment.upsert({
    where: { userId_courseId: { userId, courseId } },
    create: { userId, courseId },
    update: {},
    select: { id: true },
  });
}
