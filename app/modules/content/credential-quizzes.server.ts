// A quiz that counts toward a credential must not hand out its keys after every attempt:
// a learner could fail once, read the keys and pass from the same pool.
import { problemAt } from "./located.server.ts";
import type { Problem } from "./types.ts";
import type { ParsedYaml } from "./yaml-files.server.ts";

/** Quiz id → the first achievement whose courses require passing it. */
export function credentialQuizzes(yaml: ParsedYaml): Map<string, string> {
  const byQuiz = new Map<string, string>();
  for (const achievement of yaml.achievements) {
    for (const courseId of achievement.value.courses) {
      const course = yaml.courses.find((c) => c.value.id === courseId);
      for (const quizId of course?.value.completion.quizzes ?? []) {
        if (!byQuiz.has(quizId)) byQuiz.set(quizId, achievement.value.id);
      }
    }
  }
  return byQuiz;
}

export function credentialQuizProblems(yaml: ParsedYaml): Problem[] {
  const credentials = credentialQuizzes(yaml);
  return yaml.quizzes.flatMap((quiz) => {
    const achievement = credentials.get(quiz.value.id);
    if (!achievement || quiz.value.settings.reviewPolicy !== "always") return [];
    return [
      problemAt(
        quiz,
        ["settings", "reviewPolicy"],
        `settings.reviewPolicy: this quiz counts toward the credential "${achievement}", so it may not show keys ` +
          "after every attempt: use reviewPolicy: after-pass-or-last",
      ),
    ];
  });
}
