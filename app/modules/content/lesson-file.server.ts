// One lesson file (`<lesson>.<lang>.md`): front matter plus rendered body, with every
// problem already translated to a real file line.
import { splitFrontMatter } from "./front-matter.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { renderBody, type RenderedBody } from "./lesson-body.server.ts";
import { createRenderEnv, type Markdown } from "./render-env.ts";
import { lessonFrontMatterSchema, type LessonFrontMatter } from "./schema.ts";
import type { GlossaryTerm, Problem } from "./types.ts";
import { atPath, parseYaml, validate, type YamlSource } from "./yaml-source.server.ts";

export interface LessonFile {
  file: string;
  lang: Lang;
  /** From the file name; the front matter must agree. */
  id: string;
  front: LessonFrontMatter | undefined;
  source: YamlSource | undefined;
  body: RenderedBody;
  /** Converts a 0-based body line to a file line. */
  bodyLine: (line: number) => number;
  problems: Problem[];
}

export function readLessonFile(
  md: Markdown,
  file: string,
  text: string,
  lang: Lang,
  id: string,
  glossary: ReadonlyMap<string, GlossaryTerm>,
): LessonFile {
  const found = splitFrontMatter(text);
  const problems: Problem[] = [];
  let source: YamlSource | undefined;
  let front: LessonFrontMatter | undefined;
  // Without front matter the body is still checked (as the whole file) so its own
  // problems surface now and the twin's sections do not all look unpaired.
  const split = "error" in found ? { body: text, bodyFirstLine: 1 } : found;
  if ("error" in found) problems.push({ file, line: 1, message: found.error });
  else {
    source = parseYaml(file, found.yaml, found.yamlFirstLine);
    front = validate(source, lessonFrontMatterSchema);
    problems.push(...source.problems);
    if (front && front.id !== id) {
      problems.push(atPath(source, ["id"], `"${front.id}" does not match the file name (${id})`));
    }
  }
  const body = renderBody(md, split.body, createRenderEnv(lang, id, glossary));
  const bodyLine = (line: number) => split.bodyFirstLine + line;
  for (const issue of body.problems) problems.push({ file, line: bodyLine(issue.line), message: issue.message });
  return { file, lang, id, front, source, body, bodyLine, problems };
}
