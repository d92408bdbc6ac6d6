// A lesson is two files; here they are checked against each other (twins, minutes,
// objectives, section pairing, figures) and merged into one Lesson.
import { compareFigures } from "./figures.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { LANG_NAMES } from "./kinds.ts";
import type { BodySection } from "./lesson-body.server.ts";
import type { LessonFile } from "./lesson-file.server.ts";
import { countWords } from "./plain-text.server.ts";
import type { LessonFrontMatter } from "./schema.ts";
import type { Lesson, LessonText, Problem } from "./types.ts";
import { atPath } from "./yaml-source.server.ts";

export function pairLesson(
  moduleId: string,
  files: Partial<Record<Lang, LessonFile>>,
  twinPath: (lang: Lang) => string,
): { lesson: Lesson | undefined; problems: Problem[] } {
  const { en, es } = files;
  if (!en || !es) {
    const present = (en ?? es) as LessonFile;
    const missing: Lang = en ? "es" : "en";
    return {
      lesson: undefined,
      problems: [{ file: present.file, line: 1, message: `missing ${LANG_NAMES[missing]} twin ${twinPath(missing)}` }],
    };
  }
  const problems = [...pairFrontMatter(en, es), ...pairSections(en, es), ...pairFootnotes(en, es)];
  if (!en.front || !es.front) return { lesson: undefined, problems };
  return {
    lesson: {
      id: en.id,
      moduleId,
      minutes: en.front.minutes,
      reviewed: en.front.reviewed ?? null,
      changes: pairChanges(en.front, es.front),
      en: lessonText(en, en.front),
      es: lessonText(es, es.front),
    },
    problems,
  };
}

const byDate = <T extends { date: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => a.date.localeCompare(b.date));

/** Only called once both languages list the same dates, so the i-th notes pair up. */
function pairChanges(en: LessonFrontMatter, es: LessonFrontMatter): Lesson["changes"] {
  const esChanges = byDate(es.changes);
  return byDate(en.changes).map((change, index) => ({
    date: change.date,
    note: { en: change.note, es: esChanges[index]?.note ?? change.note },
  }));
}

function lessonText(file: LessonFile, front: LessonFrontMatter): LessonText {
  const { body } = file;
  return {
    lang: file.lang,
    title: front.title,
    objectives: front.objectives,
    sections: body.sections.map(({ id, title, html, text }) => ({ id, title, html, text })),
    footnotes: body.footnotes,
    footnotesHtml: body.footnotesHtml,
    terms: [...new Set(body.terms.map((term) => term.id))],
    words: body.sections.reduce((sum, section) => sum + countWords(section.text), 0),
  };
}

function name(file: LessonFile): string {
  return file.file.split("/").pop() ?? file.file;
}

function pairFrontMatter(en: LessonFile, es: LessonFile): Problem[] {
  if (!en.front || !es.front || !es.source || !en.source) return [];
  const problems: Problem[] = [];
  if (en.front.minutes !== es.front.minutes) {
    problems.push(
      atPath(es.source, ["minutes"], `${es.front.minutes} differs from ${en.front.minutes} in ${name(en)}`),
    );
  }
  problems.push(...pairReviewDates(en, es));
  const counts = [en.front.objectives.length, es.front.objectives.length];
  if (counts[0] !== counts[1]) {
    problems.push(atPath(es.source, ["objectives"], `${counts[1]} objectives here but ${counts[0]} in ${name(en)}`));
    return problems;
  }
  en.front.objectives.forEach((objective, index) => {
    const difference = compareFigures(objective, es.front!.objectives[index] ?? "");
    if (!difference) return;
    const where = `objective ${index + 1}`;
    if (difference.missingInEs.length > 0) {
      problems.push({
        file: es.file,
        line: es.source!.lineOf(["objectives", index]),
        message: figuresMessage(where, "en", difference.missingInEs),
      });
    }
    if (difference.missingInEn.length > 0) {
      problems.push({
        file: en.file,
        line: en.source!.lineOf(["objectives", index]),
        message: figuresMessage(where, "es", difference.missingInEn),
      });
    }
  });
  return problems;
}

function pairReviewDates(en: LessonFile, es: LessonFile): Problem[] {
  const [a, b] = [en.front!, es.front!];
  const problems: Problem[] = [];
  if (a.reviewed !== b.reviewed) {
    const same = "(both languages carry the same date)";
    // Point at the file that has a date when only one has it; otherwise at the Spanish one.
    if (a.reviewed === undefined)
      problems.push(atPath(es.source!, ["reviewed"], `${b.reviewed} here but missing in ${name(en)} ${same}`));
    else if (b.reviewed === undefined)
      problems.push(atPath(en.source!, ["reviewed"], `${a.reviewed} here but missing in ${name(es)} ${same}`));
    else
      problems.push(
        atPath(es.source!, ["reviewed"], `${b.reviewed} differs from ${a.reviewed} in ${name(en)} ${same}`),
      );
  }
  const dates = (front: LessonFrontMatter) => byDate(front.changes).map((change) => change.date);
  const [aDates, bDates] = [dates(a), dates(b)];
  if (aDates.join() !== bDates.join()) {
    problems.push(
      atPath(
        es.source!,
        b.changes.length > 0 ? ["changes"] : [],
        `changes: dates [${bDates.join(", ")}] differ from [${aDates.join(", ")}] in ${name(en)} (each note needs its translation)`,
      ),
    );
  }
  return problems;
}

export function figuresMessage(where: string, from: Lang, figures: readonly string[]): string {
  const to: Lang = from === "en" ? "es" : "en";
  return `${where}: figures in the ${LANG_NAMES[from]} text missing from the ${LANG_NAMES[to]}: ${figures.join(", ")}`;
}

function pairSections(en: LessonFile, es: LessonFile): Problem[] {
  const a = en.body.sections;
  const b = es.body.sections;
  // A heading without an id is already reported; pairing would only add noise.
  if (![...a, ...b].every((section) => section.hasId)) return [];
  const problems: Problem[] = [];
  const aIds = new Set(a.map((section) => section.id));
  const bIds = new Set(b.map((section) => section.id));
  const unpaired = (file: LessonFile, own: BodySection[], others: Set<string>, other: LessonFile) => {
    for (const section of own.filter((s) => !others.has(s.id))) {
      problems.push({
        file: file.file,
        line: file.bodyLine(section.line),
        message: `section #${section.id} has no counterpart in ${name(other)}`,
      });
    }
  };
  unpaired(en, a, bIds, es);
  unpaired(es, b, aIds, en);
  const aOrder = a.filter((s) => bIds.has(s.id));
  const bOrder = b.filter((s) => aIds.has(s.id));
  const firstSwap = bOrder.findIndex((section, index) => section.id !== aOrder[index]?.id);
  if (firstSwap >= 0) {
    const section = bOrder[firstSwap]!;
    problems.push({
      file: es.file,
      line: es.bodyLine(section.line),
      message: `sections are in a different order than in ${name(en)}: #${section.id} comes where #${aOrder[firstSwap]?.id} does there`,
    });
  }
  for (const enSection of a) {
    const esSection = b.find((section) => section.id === enSection.id);
    if (esSection) problems.push(...sectionFigures(en, enSection, es, esSection));
  }
  return problems;
}

function sectionFigures(en: LessonFile, a: BodySection, es: LessonFile, b: BodySection): Problem[] {
  const difference = compareFigures(`${a.title}\n${a.text}`, `${b.title}\n${b.text}`);
  if (!difference) return [];
  const problems: Problem[] = [];
  const where = `section #${a.id}`;
  if (difference.missingInEs.length > 0) {
    problems.push({
      file: es.file,
      line: es.bodyLine(b.line),
      message: figuresMessage(where, "en", difference.missingInEs),
    });
  }
  if (difference.missingInEn.length > 0) {
    problems.push({
      file: en.file,
      line: en.bodyLine(a.line),
      message: figuresMessage(where, "es", difference.missingInEn),
    });
  }
  return problems;
}

function pairFootnotes(en: LessonFile, es: LessonFile): Problem[] {
  const a = en.body;
  const b = es.body;
  const difference = compareFigures(a.footnotesText, b.footnotesText);
  if (!difference) return [];
  const problems: Problem[] = [];
  if (difference.missingInEs.length > 0) {
    problems.push({
      file: es.file,
      line: es.bodyLine(b.footnotesLine ?? 0),
      message: figuresMessage("footnotes", "en", difference.missingInEs),
    });
  }
  if (difference.missingInEn.length > 0) {
    problems.push({
      file: en.file,
      line: en.bodyLine(a.footnotesLine ?? 0),
      message: figuresMessage("footnotes", "es", difference.missingInEn),
    });
  }
  return problems;
}
