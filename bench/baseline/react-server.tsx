// The React baseline: what this machine does for the signed-in lesson page with nothing but
// node:http, one prepared better-sqlite3 statement (session + user, on the app's database) and
// React's renderToString. The benchmark divides the app's figures by this one's, measured in
// the same run, so a busy machine moves both. Same URLs and cookies as the app:
// GET /(en|es)/courses/:course/lessons/:lesson[?view=both] with the puente_session cookie.
import http from "node:http";
import Database from "better-sqlite3";
import { renderToString } from "react-dom/server";
// Past the db module's entry on purpose: the entry opens a Prisma client, and the baseline
// measures a process with nothing but one better-sqlite3 connection.
// eslint-disable-next-line no-restricted-imports -- see above
import { sqliteFilePath } from "~/modules/db/adapter.server.ts";
import {
  getCourse,
  getLesson,
  getModule,
  isLessonInCourse,
  lessonNeighbours,
  lessonsOfCourse,
} from "~/modules/content/index.server.ts";
import { isLang } from "~/modules/i18n/index.ts";
import { LessonPage } from "./lesson-page.tsx";

const db = new Database(sqliteFilePath(process.env.DATABASE_URL ?? ""), { readonly: true, fileMustExist: true });
const sessionAndUser = db.prepare<[string], { expiresAt: string; name: string; deactivatedAt: string | null }>(
  `SELECT s.expiresAt, u.name, u.deactivatedAt FROM Session s JOIN User u ON u.id = s.userId WHERE s.id = ?`,
);

const LESSON_URL = /^\/(en|es)\/courses\/([^/]+)\/lessons\/([^/?]+)$/;

function sessionIdOf(cookie: string | undefined): string | null {
  const match = /(?:^|;\s*)puente_session=([^;]+)/.exec(cookie ?? "");
  return match ? match[1]! : null;
}

function page(path: string, search: string, cookie: string | undefined): { status: number; html: string } {
  const match = LESSON_URL.exec(path);
  const [, lang, courseId, lessonId] = match ?? [];
  const course = courseId ? getCourse(courseId) : undefined;
  const lesson = lessonId ? getLesson(lessonId) : undefined;
  if (!isLang(lang) || !course || !lesson || !isLessonInCourse(course.id, lesson.id))
    return { status: 404, html: "Not Found" };
  const sessionId = sessionIdOf(cookie);
  const row = sessionId ? sessionAndUser.get(sessionId) : undefined;
  if (!row || row.deactivatedAt || Date.parse(row.expiresAt) <= Date.now()) return { status: 401, html: "Sign in" };
  const lessons = lessonsOfCourse(course.id);
  const { previous, next } = lessonNeighbours(course.id, lesson.id);
  const html = renderToString(
    <LessonPage
      lang={lang}
      path={path}
      user={{ name: row.name }}
      course={course}
      moduleTitle={getModule(lesson.moduleId)?.title[lang] ?? lesson.moduleId}
      lesson={lesson}
      position={lessons.findIndex((l) => l.id === lesson.id) + 1}
      count={lessons.length}
      previous={previous ? { id: previous.id, title: previous[lang].title } : null}
      next={next ? { id: next.id, title: next[lang].title } : null}
      sideBySide={new URLSearchParams(search).get("view") === "both"}
    />,
  );
  return { status: 200, html: `<!DOCTYPE html>${html}` };
}

http
  .createServer((req, res) => {
    const [path = "/", search = ""] = (req.url ?? "/").split("?");
    if (path === "/ready") {
      res.end("ready");
      return;
    }
    const { status, html } = page(path, search, req.headers.cookie);
    res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
    res.end(html);
  })
  .listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1");
