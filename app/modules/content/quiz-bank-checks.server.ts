// quiz-bank-rules.ts applied to a located quiz file, so each finding points at its line:
// a shallow topic at its `settings.draw` entry, a repeated prompt at the later item's text.
import { problemAt, type Located } from "./located.server.ts";
import { bankDepthMessage, duplicatePrompts, shallowTopics } from "./quiz-bank-rules.ts";
import type { QuizFile } from "./quiz-schema.ts";
import type { Problem } from "./types.ts";

type LocatedQuiz = Located<QuizFile & { moduleId: string; itemIndex: number[] }>;

const LANGUAGE_NAMES = { en: "English", es: "Spanish" } as const;

/** One finding per drawn topic below BANK_DEPTH_FACTOR × its draw. */
export function bankDepthFindings(quiz: LocatedQuiz): Problem[] {
  return shallowTopics(quiz.value.items, quiz.value.settings.draw).map((shallow) =>
    problemAt(quiz, ["settings", "draw", shallow.drawIndex, "count"], bankDepthMessage(quiz.value.moduleId, shallow)),
  );
}

export function duplicatePromptProblems(quiz: LocatedQuiz): Problem[] {
  return duplicatePrompts(quiz.value.items, quiz.value.itemIndex).map((duplicate) => {
    const firstLine = quiz.source.lineOf([...quiz.path, "items", ...duplicate.firstPath]);
    const what = duplicate.path.includes("scenario") ? "scenario" : "prompt";
    return problemAt(
      quiz,
      ["items", ...duplicate.path],
      `item ${duplicate.id} repeats the ${LANGUAGE_NAMES[duplicate.lang]} ${what} of item ${duplicate.firstId} ` +
        `(line ${firstLine}): two items must not test the same thing`,
    );
  });
}
