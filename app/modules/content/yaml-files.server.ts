// Parses and validates every YAML file of the tree into located entities.
import type { Located } from "./located.server";
import { answerKeyIssues } from "./quiz-rules";
import { quizFileSchema, type QuizFile } from "./quiz-schema";
import type { ContentTree, SourceFile } from "./read-tree.server";
import {
  achievementsFileSchema,
  courseSchema,
  glossaryFileSchema,
  moduleSchema,
  vettingFileSchema,
  type AchievementInput,
  type CheckTypeInput,
  type CourseInput,
  type GlossaryTermInput,
  type ModuleInput,
  type ProfileInput,
} from "./schema";
import type { Problem } from "./types";
import { atPath, parseYaml, validate, type YamlSource } from "./yaml-source.server";

export interface ParsedYaml {
  courses: Located<CourseInput>[];
  modules: Located<ModuleInput & { folder: string }>[];
  quizzes: Located<QuizFile & { moduleId: string }>[];
  glossary: Located<GlossaryTermInput>[];
  achievements: Located<AchievementInput>[];
  checkTypes: Located<CheckTypeInput>[];
  profiles: Located<ProfileInput>[];
  problems: Problem[];
}

export function parseYamlFiles(tree: ContentTree): ParsedYaml {
  const out: ParsedYaml = { courses: [], modules: [], quizzes: [], glossary: [], achievements: [], checkTypes: [], profiles: [], problems: [] };
  const sources: YamlSource[] = [];
  const open = (file: SourceFile): YamlSource => {
    const source = parseYaml(file.path, file.text);
    sources.push(source);
    return source;
  };
  for (const file of tree.courses) {
    const source = open(file);
    const course = validate(source, courseSchema);
    const expected = file.path.slice("courses/".length, -".yaml".length);
    if (course && course.id !== expected) out.problems.push(atPath(source, ["id"], `"${course.id}" does not match the file name (${expected})`));
    if (course) out.courses.push({ value: course, source, path: [] });
  }
  for (const folder of tree.modules) {
    if (!folder.moduleFile) {
      out.problems.push({ file: `modules/${folder.id}/module.yaml`, line: 1, message: "file is missing: every folder under modules/ needs a module.yaml" });
    } else {
      const source = open(folder.moduleFile);
      const module = validate(source, moduleSchema);
      if (module && module.id !== folder.id) out.problems.push(atPath(source, ["id"], `"${module.id}" does not match the folder name (${folder.id})`));
      if (module) out.modules.push({ value: { ...module, folder: folder.id }, source, path: [] });
    }
    if (folder.quizFile) {
      const source = open(folder.quizFile);
      const quiz = validate(source, quizFileSchema);
      if (!quiz) continue;
      quiz.items.forEach((item, index) => {
        for (const issue of answerKeyIssues(item, ["items", index])) out.problems.push(atPath(source, issue.path, issue.message));
      });
      out.quizzes.push({ value: { ...quiz, moduleId: folder.id }, source, path: [] });
    }
  }
  for (const file of tree.glossary) {
    const source = open(file);
    validate(source, glossaryFileSchema)?.terms.forEach((term, index) => out.glossary.push({ value: term, source, path: ["terms", index] }));
  }
  if (tree.achievements) {
    const source = open(tree.achievements);
    validate(source, achievementsFileSchema)?.achievements.forEach((value, index) => out.achievements.push({ value, source, path: ["achievements", index] }));
  }
  if (tree.vetting) {
    const source = open(tree.vetting);
    const vetting = validate(source, vettingFileSchema);
    vetting?.checkTypes.forEach((value, index) => out.checkTypes.push({ value, source, path: ["checkTypes", index] }));
    vetting?.profiles.forEach((value, index) => out.profiles.push({ value, source, path: ["profiles", index] }));
  }
  // Parse and schema problems accumulate on each source while it is validated.
  out.problems.push(...sources.flatMap((source) => source.problems));
  return out;
}
