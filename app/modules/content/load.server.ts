// loadContent(dir): the whole content tree → a validated model, or every problem found.
// Never both: a caller either gets a complete model or a list of `file:line` problems.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { glossaryFigureProblems, drawProblems, quizFigureProblems } from "./bilingual-checks.server.ts";
import { claimLogProblems, reviewNotices, type ReviewedAt } from "./claim-logs.server.ts";
import { credentialQuizProblems } from "./credential-quizzes.server.ts";
import { buildModel, contentHash, toGlossaryTerm } from "./build-model.server.ts";
import { LANGUAGES as LANGS } from "~/modules/i18n/index.ts";
import { readLessonFile, type LessonFile } from "./lesson-file.server.ts";
import { pairLesson } from "./lesson-pair.server.ts";
import { bankDepthFindings, duplicatePromptProblems } from "./quiz-bank-checks.server.ts";
import { problemAt } from "./located.server.ts";
import { createMarkdown } from "./markdown.server.ts";
import { sortProblems } from "./problems.ts";
import { readTree, type ContentTree } from "./read-tree.server.ts";
import { duplicateIds, locatedIds, referenceProblems, type LessonLocation } from "./references.server.ts";
import type { GlossaryTerm, Lesson, LoadResult, Notice, Problem } from "./types.ts";
import { parseYamlFiles, type ParsedYaml } from "./yaml-files.server.ts";

/** `today` only dates the review notices; it never decides whether content is valid. */
export function loadContent(dir = "content", today = new Date()): LoadResult {
  const root = resolve(dir);
  if (!existsSync(root)) {
    return {
      model: null,
      problems: [{ file: ".", line: 1, message: `content directory not found: ${root}` }],
      notices: [],
    };
  }
  const tree = readTree(root);
  const yaml = parseYamlFiles(tree);
  const problems: Problem[] = [...yaml.problems];
  for (const path of tree.unexpected) {
    problems.push({ file: path, line: 1, message: "unexpected file: not part of the layout in content/README.md" });
  }
  const glossary = new Map(yaml.glossary.map((term) => [term.value.id, toGlossaryTerm(term.value)]));
  const lessons = loadLessons(tree, glossary, yaml, problems);
  problems.push(...referenceProblems(yaml, lessons.locations));
  problems.push(...credentialQuizProblems(yaml));
  problems.push(...claimLogProblems(yaml, lessons.locations, lessons.reviewed));
  const found: Notice[] = reviewNotices(lessons.reviewed, today);
  problems.push(...duplicates(yaml));
  for (const quiz of yaml.quizzes) {
    problems.push(
      ...drawProblems(quiz),
      ...quizFigureProblems(quiz),
      ...duplicatePromptProblems(quiz),
      ...bankDepthFindings(quiz),
    );
  }
  const notices = sortProblems(found);
  for (const term of yaml.glossary) problems.push(...glossaryFigureProblems(term));
  if (problems.length > 0) return { model: null, problems: sortProblems(problems), notices };
  return { model: buildModel(yaml, lessons.lessons, contentHash(tree.files)), problems: [], notices };
}

function loadLessons(
  tree: ContentTree,
  glossary: ReadonlyMap<string, GlossaryTerm>,
  yaml: ParsedYaml,
  problems: Problem[],
) {
  const md = createMarkdown();
  const lessons = new Map<string, Lesson>();
  const locations = new Map<string, LessonLocation>();
  const reviewed: ReviewedAt[] = [];
  for (const folder of tree.modules) {
    for (const [id, twins] of folder.lessons) {
      const files: Partial<Record<(typeof LANGS)[number], LessonFile>> = {};
      for (const lang of LANGS) {
        const source = twins[lang];
        if (!source) continue;
        const file = readLessonFile(md, source.path, source.text, lang, id, glossary);
        files[lang] = file;
        problems.push(...file.problems);
        for (const term of file.body.terms) {
          if (!glossary.has(term.id) && !yaml.invalidIds.has(term.id) && !yaml.glossaryIncomplete) {
            problems.push({
              file: file.file,
              line: file.bodyLine(term.line),
              message: `glossary term [[${term.id}]] is not defined in glossary/`,
            });
          }
        }
      }
      const path = (twins.en ?? twins.es)?.path ?? `modules/${folder.id}/${id}.en.md`;
      const earlier = locations.get(id);
      if (earlier) {
        problems.push({
          file: path,
          line: 1,
          message: `duplicate lesson id "${id}" (first defined at ${earlier.file}:1)`,
        });
        continue;
      }
      locations.set(id, { folder: folder.id, file: path });
      const front = files.en ?? files.es;
      if (front?.source && front.front)
        reviewed.push({
          lesson: id,
          folder: folder.id,
          reviewed: front.front?.reviewed,
          file: front.file,
          line: front.source.lineOf(["reviewed"]),
        });
      const paired = pairLesson(folder.id, files, (lang) => `modules/${folder.id}/${id}.${lang}.md`);
      problems.push(...paired.problems);
      if (paired.lesson) lessons.set(id, paired.lesson);
    }
  }
  return { lessons, locations, reviewed };
}

function duplicates(yaml: ParsedYaml): Problem[] {
  const items = yaml.quizzes.flatMap((quiz) =>
    quiz.value.items.flatMap((item, position) => {
      const i = quiz.value.itemIndex[position] ?? position;
      return [
        { id: item.id, where: problemAt(quiz, ["items", i, "id"], "") },
        ...(item.type === "case"
          ? item.items.map((sub, j) => ({ id: sub.id, where: problemAt(quiz, ["items", i, "items", j, "id"], "") }))
          : []),
      ];
    }),
  );
  return [
    ...duplicateIds("course", locatedIds(yaml.courses)),
    ...duplicateIds("module", locatedIds(yaml.modules)),
    ...duplicateIds("quiz", locatedIds(yaml.quizzes)),
    ...duplicateIds("quiz item", items),
    ...duplicateIds("glossary term", locatedIds(yaml.glossary)),
    ...duplicateIds("achievement", locatedIds(yaml.achievements)),
    ...duplicateIds("check type", locatedIds(yaml.checkTypes)),
    ...duplicateIds("profile", locatedIds(yaml.profiles)),
  ];
}
