// Turns validated, cross-checked input into the model the app serves. Only called when
// there are no problems, so every reference here is known to resolve.
import { createHash } from "node:crypto";
import type { SourceFile } from "./read-tree.server.ts";
import type { ContentModel, Course, GlossaryTerm, Lesson } from "./types.ts";
import type { ParsedYaml } from "./yaml-files.server.ts";

export function contentHash(files: readonly SourceFile[]): string {
  const hash = createHash("sha256");
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    hash.update(`${file.path}\0${file.text}\0`);
  }
  return hash.digest("hex").slice(0, 12);
}

export function toGlossaryTerm(term: ParsedYaml["glossary"][number]["value"]): GlossaryTerm {
  const { id, jurisdiction, en, es, see } = term;
  return { id, jurisdiction, en, es, see };
}

export function buildModel(yaml: ParsedYaml, lessons: ReadonlyMap<string, Lesson>, version: string): ContentModel {
  const modules = yaml.modules.map(({ value: { id, title, summary, lessons: order, quiz } }) => ({
    id,
    title,
    summary,
    lessons: order,
    quiz: quiz ?? null,
  }));
  const lessonsOf = (moduleIds: readonly string[]) =>
    moduleIds.flatMap((id) => modules.find((module) => module.id === id)?.lessons ?? []);
  const courses: Course[] = yaml.courses.map(({ value }) => ({
    id: value.id,
    title: value.title,
    summary: value.summary,
    audience: value.audience,
    open: value.open,
    modules: value.modules,
    completion: {
      allLessons: value.completion.lessons === "all",
      lessons: value.completion.lessons === "all" ? lessonsOf(value.modules) : value.completion.lessons,
      quizzes: value.completion.quizzes,
    },
  }));
  return {
    version,
    courses,
    modules,
    lessons: modules.flatMap((module) => module.lessons.flatMap((id) => lessons.get(id) ?? [])),
    quizzes: yaml.quizzes.map(({ value: { id, moduleId, title, settings, items } }) => ({
      id,
      moduleId,
      title,
      settings,
      items,
    })),
    glossary: yaml.glossary.map(({ value }) => toGlossaryTerm(value)).sort((a, b) => (a.id < b.id ? -1 : 1)),
    achievements: yaml.achievements.map(({ value }) => value),
    checkTypes: yaml.checkTypes.map(({ value }) => value),
    profiles: yaml.profiles.map(({ value }) => value),
  };
}
