// The claim logs (`reviews/<module-id>.yaml`) against the lessons: every entry names a
// lesson of its module, and every lesson's `reviewed` date is backed by a claim checked
// that day. How old a review is never makes content invalid: see reviewNotices.
import { problemAt } from "./located.server.ts";
import type { LessonLocation } from "./references.server.ts";
import { REVIEW_DUE_MONTHS, REVIEW_OVERDUE_MONTHS, reviewStatus } from "./review-age.ts";
import type { Notice, Problem } from "./types.ts";
import type { ParsedYaml } from "./yaml-files.server.ts";

/** Where a lesson's `reviewed` date is written (its English file), and the date. */
export interface ReviewedAt {
  lesson: string;
  folder: string;
  reviewed: string | undefined;
  file: string;
  line: number;
}

export function claimLogProblems(
  yaml: ParsedYaml,
  lessons: ReadonlyMap<string, LessonLocation>,
  reviewed: readonly ReviewedAt[],
): Problem[] {
  const problems: Problem[] = [];
  const folders = new Set([...yaml.modules.map((m) => m.value.folder), ...yaml.invalidIds]);
  const reported = new Set<string>();
  for (const claim of yaml.claims) {
    const { lesson, module } = claim.value;
    if (!folders.has(module) && !reported.has(claim.source.file)) {
      reported.add(claim.source.file);
      problems.push({
        file: claim.source.file,
        line: 1,
        message: `no module "${module}": a claim log is named after its module (reviews/<module-id>.yaml)`,
      });
    }
    const found = lessons.get(lesson);
    if (!found) problems.push(problemAt(claim, ["lesson"], `unknown lesson "${lesson}"`));
    else if (found.folder !== module && folders.has(module))
      problems.push(
        problemAt(
          claim,
          ["lesson"],
          `lesson "${lesson}" is in modules/${found.folder}/: log it in reviews/${found.folder}.yaml`,
        ),
      );
  }
  if (yaml.claimsIncomplete) return problems;
  const checked = new Set(yaml.claims.map((claim) => `${claim.value.lesson}@${claim.value.checked}`));
  for (const entry of reviewed) {
    if (entry.reviewed === undefined || checked.has(`${entry.lesson}@${entry.reviewed}`)) continue;
    problems.push({
      file: entry.file,
      line: entry.line,
      message:
        `reviewed: ${entry.reviewed} is not backed by a claim log: reviews/${entry.folder}.yaml needs ` +
        `at least one claim with lesson: ${entry.lesson} and checked: ${entry.reviewed}`,
    });
  }
  return problems;
}

/**
 * Review dates that content:check reports but start-up ignores. `strict` marks the
 * notices `content:check --strict` turns into failures.
 */
export function reviewNotices(reviewed: readonly ReviewedAt[], today: Date): Notice[] {
  const notices: Notice[] = [];
  for (const entry of reviewed) {
    const at = { file: entry.file, line: entry.line };
    switch (reviewStatus(entry.reviewed, today)) {
      case "missing":
        notices.push({ ...at, strict: true, message: "no reviewed date: check the law in this lesson and log it" });
        break;
      case "future":
        notices.push({ ...at, strict: true, message: `reviewed: ${entry.reviewed} is in the future` });
        break;
      case "overdue":
        notices.push({
          ...at,
          strict: true,
          message: `reviewed ${entry.reviewed}, more than ${REVIEW_OVERDUE_MONTHS} months ago: the law in this lesson must be checked again`,
        });
        break;
      case "due":
        notices.push({
          ...at,
          strict: false,
          message: `reviewed ${entry.reviewed}, more than ${REVIEW_DUE_MONTHS} months ago: due for review`,
        });
        break;
      case "current":
        break;
    }
  }
  return notices;
}
