// Checks inside quiz banks and the glossary that need the validated values: figures
// that differ between languages, and draws that ask for more units than exist.
import { compareFigures } from "./figures.ts";
import { figuresMessage } from "./lesson-pair.server.ts";
import { problemAt, type Located } from "./located.server.ts";
import type { Path } from "./quiz-rules.ts";
import { unitsByTopic } from "./quiz-rules.ts";
import type { QuizFile } from "./quiz-schema.ts";
import type { GlossaryTermInput } from "./schema.ts";
import type { Problem } from "./types.ts";
import { describePath } from "./yaml-source.server.ts";

export function drawProblems(quiz: Located<QuizFile>): Problem[] {
  const units = unitsByTopic(quiz.value.items);
  const problems: Problem[] = [];
  quiz.value.settings.draw?.forEach((draw, index) => {
    const available = units.get(draw.topic) ?? 0;
    if (available === 0) {
      problems.push(problemAt(quiz, ["settings", "draw", index, "topic"], `no item has topic "${draw.topic}"`));
    } else if (draw.count > available) {
      problems.push(
        problemAt(
          quiz,
          ["settings", "draw", index, "count"],
          `draws ${draw.count} units from topic "${draw.topic}" but it has only ${available} (a case counts as one)`,
        ),
      );
    }
  });
  return problems;
}

function isLocalized(value: unknown): value is { en: string; es: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { en?: unknown }).en === "string" &&
    typeof (value as { es?: unknown }).es === "string"
  );
}

/** Every translated string of every item: prompt, options, pairs, steps, scenario, explanation. */
export function quizFigureProblems(quiz: Located<QuizFile & { itemIndex: number[] }>): Problem[] {
  const problems: Problem[] = [];
  // `itemPath` restarts at each item (case sub-items too) so messages read "item q3 options[1].text".
  const visit = (value: unknown, path: Path, item: string, itemPath: Path): void => {
    if (isLocalized(value)) {
      const where = `item ${item} ${describePath(itemPath)}`;
      problems.push(...figureProblems(quiz, path, where, value.en, value.es));
    } else if (Array.isArray(value)) {
      value.forEach((entry, index) => visit(entry, [...path, index], item, [...itemPath, index]));
    } else if (typeof value === "object" && value !== null) {
      const isItem = "type" in value && "id" in value;
      const id = isItem ? String(value.id) : item;
      for (const [key, entry] of Object.entries(value)) {
        visit(entry, [...path, key], id, isItem ? [key] : [...itemPath, key]);
      }
    }
  };
  quiz.value.items.forEach((item, i) => visit(item, ["items", quiz.value.itemIndex[i] ?? i], item.id, []));
  return problems;
}

export function glossaryFigureProblems(term: Located<GlossaryTermInput>): Problem[] {
  const { en, es } = term.value;
  return figureProblems(
    term,
    [],
    `term ${term.value.id}`,
    `${en.term}\n${en.definition}`,
    `${es.term}\n${es.definition}`,
    "definition",
  );
}

/** One problem per side that lacks figures, on that side's line. */
function figureProblems<T>(
  entity: Located<T>,
  path: Path,
  where: string,
  en: string,
  es: string,
  leaf?: string,
): Problem[] {
  const difference = compareFigures(en, es);
  if (!difference) return [];
  const at = (lang: "en" | "es") => (leaf ? [...path, lang, leaf] : [...path, lang]);
  const problems: Problem[] = [];
  if (difference.missingInEs.length > 0)
    problems.push(problemAt(entity, at("es"), figuresMessage(where, "en", difference.missingInEs)));
  if (difference.missingInEn.length > 0)
    problems.push(problemAt(entity, at("en"), figuresMessage(where, "es", difference.missingInEn)));
  return problems;
}
