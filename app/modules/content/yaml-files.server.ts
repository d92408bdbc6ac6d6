// Parses and validates every YAML file of the tree into located entities. Entries of a
// list (terms, items, achievements…) are validated one by one, so one bad entry neither
// hides the others nor turns every reference to them into an "unknown id" problem.
import { z, type ZodType, type ZodTypeDef } from "zod";
import type { Located } from "./located.server.ts";
import type { Path } from "./quiz-rules.ts";
import { answerKeyIssues } from "./quiz-rules.ts";
import { quizFileSchema, quizItemSchema, type QuizFile } from "./quiz-schema.ts";
import type { ContentTree, SourceFile } from "./read-tree.server.ts";
import * as schema from "./schema.ts";
import type { Problem } from "./types.ts";
import { atPath, parseYaml, validate, type YamlSource } from "./yaml-source.server.ts";

export interface ParsedYaml {
  courses: Located<schema.CourseInput>[];
  modules: Located<schema.ModuleInput & { folder: string }>[];
  /** `itemIndex[i]` is the position in the file of `items[i]` (invalid items are left out). */
  quizzes: Located<QuizFile & { moduleId: string; itemIndex: number[] }>[];
  glossary: Located<schema.GlossaryTermInput>[];
  achievements: Located<schema.AchievementInput>[];
  checkTypes: Located<schema.CheckTypeInput>[];
  profiles: Located<schema.ProfileInput>[];
  /** Claim-log entries; `module` is the log's file name. */
  claims: Located<schema.ClaimInput & { module: string }>[];
  /** Claim logs that could not be read whole: "reviewed date not backed" would only add noise. */
  claimsIncomplete: boolean;
  /** Ids of entries that exist but failed validation: referring to them is not "unknown". */
  invalidIds: Set<string>;
  /** True when a glossary file could not be read at all: unknown-term checks would only add noise. */
  glossaryIncomplete: boolean;
  problems: Problem[];
}

const list = z.array(z.unknown());
const quizShell = quizFileSchema.extend({ items: list.min(1, "a quiz needs at least one item") });

function rawId(data: unknown): string | undefined {
  const id = typeof data === "object" && data !== null ? (data as { id?: unknown }).id : undefined;
  return typeof id === "string" ? id : undefined;
}

export function parseYamlFiles(tree: ContentTree): ParsedYaml {
  const out: ParsedYaml = {
    courses: [],
    modules: [],
    quizzes: [],
    glossary: [],
    achievements: [],
    checkTypes: [],
    profiles: [],
    claims: [],
    claimsIncomplete: false,
    invalidIds: new Set(),
    glossaryIncomplete: false,
    problems: [],
  };
  const sources: YamlSource[] = [];
  const open = (file: SourceFile): YamlSource => {
    const source = parseYaml(file.path, file.text);
    sources.push(source);
    return source;
  };
  /** Validates one entity; on failure remembers its id (or `fallbackId`) as existing. */
  const entity = <T>(
    source: YamlSource,
    entitySchema: ZodType<T, ZodTypeDef, unknown>,
    path: Path,
    data: unknown,
    fallbackId?: string,
  ) => {
    const value = validate(source, entitySchema, path, data);
    const id = rawId(data) ?? fallbackId;
    if (value === undefined && id !== undefined) out.invalidIds.add(id);
    return value;
  };
  const entries = <T>(
    source: YamlSource,
    key: string,
    raw: readonly unknown[] | undefined,
    entitySchema: ZodType<T, ZodTypeDef, unknown>,
    into: Located<T>[],
  ) => {
    raw?.forEach((data, index) => {
      const value = entity(source, entitySchema, [key, index], data);
      if (value !== undefined) into.push({ value, source, path: [key, index] });
    });
  };

  for (const file of tree.courses) {
    const source = open(file);
    const expected = file.path.slice("courses/".length, -".yaml".length);
    const course = entity(source, schema.courseSchema, [], source.data, expected);
    if (course && course.id !== expected)
      out.problems.push(atPath(source, ["id"], `"${course.id}" does not match the file name (${expected})`));
    if (course) out.courses.push({ value: course, source, path: [] });
  }
  for (const folder of tree.modules) {
    if (!folder.moduleFile) {
      out.problems.push({
        file: `modules/${folder.id}/module.yaml`,
        line: 1,
        message: "file is missing: every folder under modules/ needs a module.yaml",
      });
      out.invalidIds.add(folder.id);
    } else {
      const source = open(folder.moduleFile);
      const module = entity(source, schema.moduleSchema, [], source.data, folder.id);
      if (module && module.id !== folder.id)
        out.problems.push(atPath(source, ["id"], `"${module.id}" does not match the folder name (${folder.id})`));
      if (module) out.modules.push({ value: { ...module, folder: folder.id }, source, path: [] });
    }
    if (folder.quizFile) {
      const source = open(folder.quizFile);
      // Until the quiz file parses, the id its module.yaml gives it stands in for its own.
      const declared = out.modules.find((module) => module.value.folder === folder.id)?.value.quiz;
      const shell = entity(source, quizShell, [], source.data, declared);
      const items: QuizFile["items"] = [];
      const itemIndex: number[] = [];
      shell?.items.forEach((data, index) => {
        const item = validate(source, quizItemSchema, ["items", index], data);
        if (!item) return;
        items.push(item);
        itemIndex.push(index);
        for (const issue of answerKeyIssues(item, ["items", index]))
          out.problems.push(atPath(source, issue.path, issue.message));
      });
      if (shell) out.quizzes.push({ value: { ...shell, items, itemIndex, moduleId: folder.id }, source, path: [] });
    }
  }
  for (const file of tree.glossary) {
    const source = open(file);
    if (source.data === undefined) out.glossaryIncomplete = true;
    entries(
      source,
      "terms",
      validate(source, z.object({ terms: list }).strict())?.terms,
      schema.glossaryTermSchema,
      out.glossary,
    );
  }
  if (tree.achievements) {
    const source = open(tree.achievements);
    entries(
      source,
      "achievements",
      validate(source, z.object({ achievements: list }).strict())?.achievements,
      schema.achievementSchema,
      out.achievements,
    );
  }
  if (tree.vetting) {
    const source = open(tree.vetting);
    const shell = validate(source, z.object({ checkTypes: list.default([]), profiles: list.default([]) }).strict());
    entries(source, "checkTypes", shell?.checkTypes, schema.checkTypeSchema, out.checkTypes);
    entries(source, "profiles", shell?.profiles, schema.profileSchema, out.profiles);
  }
  for (const file of tree.reviews) {
    const source = open(file);
    const module = file.path.slice("reviews/".length, -".yaml".length);
    const raw = validate(source, z.array(z.unknown(), { invalid_type_error: "a claim log is a list of claims" }));
    if (!raw) out.claimsIncomplete = true;
    raw?.forEach((data, index) => {
      const value = validate(source, schema.claimSchema, [index], data);
      if (value) out.claims.push({ value: { ...value, module }, source, path: [index] });
      else out.claimsIncomplete = true;
    });
  }
  // Parse and schema problems accumulate on each source while it is validated.
  out.problems.push(...sources.flatMap((source) => source.problems));
  return out;
}
