// What a quiz is called where a learner sees it. A module can sit at a different place in each
// course, so the number comes from the course being read, never from the module's id.
import { getModule, modulesOfCourse, type Quiz } from "~/modules/content/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { translatorFor } from "~/modules/i18n/index.server.ts";

// Every learner's home and catalog name each missing quiz: titles are made once per quiz object
// (content is parsed once and frozen; a content reload in development makes new objects, so a
// WeakMap never serves a stale title).
const titles = new WeakMap<Quiz, Map<string, string>>();

/** "Module 4 quiz: Typologies and red flags" inside a course; "Quiz: …" where no course is read. */
export function quizTitle(quiz: Quiz, lang: Lang, courseId?: string | null): string {
  let made = titles.get(quiz);
  if (!made) titles.set(quiz, (made = new Map()));
  const key = `${lang}|${courseId ?? ""}`;
  let title = made.get(key);
  if (title === undefined) {
    title = makeTitle(quiz, lang, courseId);
    made.set(key, title);
  }
  return title;
}

function makeTitle(quiz: Quiz, lang: Lang, courseId?: string | null): string {
  const module = getModule(quiz.moduleId);
  if (!module) return quiz.title[lang];
  const t = translatorFor(lang);
  const position = courseId ? modulesOfCourse(courseId).findIndex((m) => m.id === module.id) : -1;
  return position >= 0
    ? t("quiz:name.inCourse", { number: position + 1, module: module.title[lang] })
    : t("quiz:name.plain", { module: module.title[lang] });
}
