// npm run content:facts [-- --lang en|es] [-- --missing] [-- --json] [-- --dir <path>]
// Every figure, date and statutory citation in every lesson, module by module in reading
// order, as `file:line  kind  text  <- [^key] footnote`, or `<- NO FOOTNOTE`. Works on the
// files as they are (content need not pass content:check), so it can guide a review.
import { parseArgs } from "node:util";
import { parse } from "yaml";
import {
  extractFacts,
  type Fact,
  footnoteDefinitions,
  type ModuleFolder,
  readTree,
  splitFrontMatter,
} from "../../app/modules/content/index.server.ts";
import { type Lang, LANGUAGES as LANGS } from "../../app/modules/i18n/index.ts";
import { defaultContentDir, printPrefix } from "./cli.ts";
import { resolve } from "node:path";

const { values } = parseArgs({
  options: {
    dir: { type: "string" },
    lang: { type: "string" },
    missing: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
  allowPositionals: false,
});
const dir = resolve(values.dir ?? defaultContentDir());
if (values.lang !== undefined && !LANGS.includes(values.lang as Lang)) {
  console.error(`--lang must be one of ${LANGS.join(", ")}`);
  process.exit(2);
}
const langs: readonly Lang[] = values.lang ? [values.lang as Lang] : LANGS;
const prefix = printPrefix(dir);

interface Listed extends Fact {
  file: string;
  module: string;
  lesson: string;
  lang: Lang;
  footnoteText: string[];
}

/** Lesson ids in module.yaml's reading order, then any others alphabetically. */
function lessonOrder(folder: ModuleFolder): string[] {
  let listed: string[] = [];
  try {
    const data = parse(folder.moduleFile?.text ?? "") as { lessons?: unknown } | null;
    if (Array.isArray(data?.lessons)) listed = data.lessons.filter((id): id is string => typeof id === "string");
  } catch {
    // An unreadable module.yaml is content:check's to report; fall back to file order.
  }
  const rest = [...folder.lessons.keys()].filter((id) => !listed.includes(id)).sort();
  return [...listed.filter((id) => folder.lessons.has(id)), ...rest];
}

const facts: Listed[] = [];
for (const folder of [...readTree(dir).modules].sort((a, b) => a.id.localeCompare(b.id))) {
  for (const lesson of lessonOrder(folder)) {
    for (const lang of langs) {
      const source = folder.lessons.get(lesson)?.[lang];
      if (!source) continue;
      const split = splitFrontMatter(source.text);
      const body = "error" in split ? source.text : split.body;
      const firstLine = "error" in split ? 1 : split.bodyFirstLine;
      const definitions = footnoteDefinitions(body);
      for (const fact of extractFacts(body)) {
        if (values.missing && fact.footnotes.length > 0) continue;
        facts.push({
          ...fact,
          line: fact.line + firstLine - 1,
          file: `${prefix}${source.path}`,
          module: folder.id,
          lesson,
          lang,
          footnoteText: fact.footnotes.map((key) => definitions.get(key) ?? "(no definition)"),
        });
      }
    }
  }
}

if (values.json) {
  console.log(JSON.stringify(facts, null, 2));
} else {
  let heading = "";
  for (const fact of facts) {
    const group = `${fact.module} / ${fact.lesson} (${fact.lang})`;
    if (group !== heading) {
      console.log(`${heading ? "\n" : ""}## ${group}`);
      heading = group;
    }
    const where = `${fact.file}:${fact.line}`;
    const rests =
      fact.footnotes.length === 0
        ? "NO FOOTNOTE"
        : fact.footnotes
            .map(
              (key, i) =>
                `[^${key}]${fact.footnoteScope === "paragraph" ? " (paragraph)" : ""} ${clip(fact.footnoteText[i] ?? "")}`,
            )
            .join(" | ");
    const example = fact.inExample ? "  (in an example)" : "";
    console.log(`${where}  ${fact.kind.padEnd(8)}  ${fact.text}  <- ${rests}${example}`);
  }
  const bare = facts.filter((fact) => fact.footnotes.length === 0).length;
  const lessons = new Set(facts.map((fact) => `${fact.lesson}.${fact.lang}`)).size;
  console.log(`\n${facts.length} figures, dates and citations in ${lessons} lesson files; ${bare} without a footnote`);
}

function clip(text: string, max = 70): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
