// Cross-file checks: duplicate ids within a kind, and references that point nowhere.
import type { Located } from "./located.server.ts";
import { problemAt } from "./located.server.ts";
import type { Problem } from "./types.ts";
import type { ParsedYaml } from "./yaml-files.server.ts";

/** Where each lesson id was found on disk: its module folder and its English/Spanish file. */
export interface LessonLocation {
  folder: string;
  file: string;
}

type Where = { file: string; line: number };

export function duplicateIds(kind: string, entries: readonly { id: string; where: Where }[]): Problem[] {
  const first = new Map<string, Where>();
  const problems: Problem[] = [];
  for (const { id, where } of entries) {
    const earlier = first.get(id);
    if (earlier)
      problems.push({
        ...where,
        message: `duplicate ${kind} id "${id}" (first defined at ${earlier.file}:${earlier.line})`,
      });
    else first.set(id, where);
  }
  return problems;
}

export function locatedIds<T extends { id: string }>(entities: readonly Located<T>[]) {
  return entities.map((entity) => ({ id: entity.value.id, where: problemAt(entity, ["id"], "") }));
}

function unknownRefs<T>(
  entity: Located<T>,
  key: readonly (string | number)[],
  ids: readonly string[],
  known: ReadonlySet<string>,
  kind: string,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (!known.has(id)) problems.push(problemAt(entity, [...key, index], `unknown ${kind} "${id}"`));
    else if (seen.has(id)) problems.push(problemAt(entity, [...key, index], `${kind} "${id}" is listed twice`));
    seen.add(id);
  });
  return problems;
}

export function referenceProblems(yaml: ParsedYaml, lessons: ReadonlyMap<string, LessonLocation>): Problem[] {
  const problems: Problem[] = [];
  // Ids of entries that failed validation still exist: their problems are reported already.
  const ids = <T extends { id: string }>(list: readonly Located<T>[]) =>
    new Set([...list.map((e) => e.value.id), ...yaml.invalidIds]);
  const moduleIds = ids(yaml.modules);
  const quizIds = ids(yaml.quizzes);
  const listed = new Set<string>();

  for (const module of yaml.modules) {
    const { lessons: order, quiz, folder } = module.value;
    order.forEach((id, index) => {
      listed.add(id);
      const found = lessons.get(id);
      if (!found)
        problems.push(
          problemAt(module, ["lessons", index], `unknown lesson "${id}" (no modules/${folder}/${id}.en.md)`),
        );
      else if (found.folder !== folder)
        problems.push(
          problemAt(
            module,
            ["lessons", index],
            `lesson "${id}" lives in modules/${found.folder}/, not in this module's folder`,
          ),
        );
    });
    // Every id counts as known here, so this only reports a lesson listed twice.
    problems.push(...unknownRefs(module, ["lessons"], order, new Set(order), "lesson"));
    const ownQuiz = yaml.quizzes.find((q) => q.value.moduleId === folder);
    if (quiz && ownQuiz?.value.id !== quiz && !yaml.invalidIds.has(quiz))
      problems.push(
        problemAt(module, ["quiz"], `unknown quiz "${quiz}" (modules/${folder}/quiz.yaml must have this id)`),
      );
    if (!quiz && ownQuiz)
      problems.push(problemAt(ownQuiz, ["id"], `module.yaml does not name this quiz (add quiz: ${ownQuiz.value.id})`));
  }
  const folders = new Set(yaml.modules.map((module) => module.value.folder));
  for (const [id, where] of lessons) {
    // A folder whose module.yaml is missing or invalid is reported once, not per lesson.
    if (folders.has(where.folder) && !listed.has(id))
      problems.push({
        file: where.file,
        line: 1,
        message: `lesson "${id}" is not listed in modules/${where.folder}/module.yaml`,
      });
  }

  for (const course of yaml.courses) {
    const { modules, completion } = course.value;
    problems.push(...unknownRefs(course, ["modules"], modules, moduleIds, "module"));
    const inCourse = yaml.modules.filter((m) => modules.includes(m.value.id));
    // Completion can only be checked against modules that loaded; the others are reported already.
    if (inCourse.length < modules.length) continue;
    const courseLessons = new Set(inCourse.flatMap((m) => m.value.lessons));
    const courseQuizzes = new Set(inCourse.flatMap((m) => (m.value.quiz ? [m.value.quiz] : [])));
    if (completion.lessons !== "all") {
      completion.lessons.forEach((id, index) => {
        if (!lessons.has(id))
          problems.push(problemAt(course, ["completion", "lessons", index], `unknown lesson "${id}"`));
        else if (!courseLessons.has(id))
          problems.push(
            problemAt(course, ["completion", "lessons", index], `lesson "${id}" is not in any module of this course`),
          );
      });
    }
    completion.quizzes.forEach((id, index) => {
      if (!quizIds.has(id)) problems.push(problemAt(course, ["completion", "quizzes", index], `unknown quiz "${id}"`));
      else if (!courseQuizzes.has(id))
        problems.push(
          problemAt(
            course,
            ["completion", "quizzes", index],
            `quiz "${id}" is not the quiz of any module of this course`,
          ),
        );
    });
  }

  const courseIds = ids(yaml.courses);
  for (const achievement of yaml.achievements)
    problems.push(...unknownRefs(achievement, ["courses"], achievement.value.courses, courseIds, "course"));
  const achievementIds = ids(yaml.achievements);
  const checkTypeIds = ids(yaml.checkTypes);
  for (const profile of yaml.profiles) {
    problems.push(...unknownRefs(profile, ["credentials"], profile.value.credentials, achievementIds, "achievement"));
    profile.value.checks.forEach((check, index) => {
      if (!checkTypeIds.has(check.type))
        problems.push(problemAt(profile, ["checks", index, "type"], `unknown check type "${check.type}"`));
    });
  }
  const termIds = ids(yaml.glossary);
  if (!yaml.glossaryIncomplete) {
    for (const term of yaml.glossary)
      problems.push(...unknownRefs(term, ["see"], term.value.see, termIds, "glossary term"));
  }
  return problems;
}
