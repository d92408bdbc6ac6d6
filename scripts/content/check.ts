// npm run content:check [-- --strict] [-- --dir <path>] [-- --today YYYY-MM-DD]
// Every problem as `file:line: message`, exit 1 if any. Review dates that are missing or
// getting old are printed as `file:line: warning: …`; they fail the run only with --strict
// (missing, in the future, or reviewed more than 12 months ago). A quiz topic whose bank is
// below 3× its draw is a problem (app/modules/content/quiz-bank-rules.ts).
import { contentStats, formatProblem, loadContent } from "../../app/modules/content/index.server.ts";
import { printPrefix, readOptions, reportProblems } from "./cli.ts";

const options = readOptions();
const result = loadContent(options.dir, options.today);
const model = reportProblems(options.dir, result);
const failing = options.strict ? result.notices.filter((notice) => notice.strict) : [];
for (const notice of result.notices) {
  const label = failing.includes(notice) ? "" : "warning: ";
  console.log(formatProblem({ ...notice, message: `${label}${notice.message}` }, printPrefix(options.dir)));
}
if (failing.length > 0) {
  console.error(`${failing.length} problem${failing.length === 1 ? "" : "s"} (--strict)`);
  process.exitCode = 1;
} else if (model) {
  const stats = contentStats(model);
  const warned = result.notices.length > 0 ? `, ${result.notices.length} warnings` : "";
  console.log(
    `content OK: ${stats.courses} courses, ${stats.modules} modules, ${stats.lessons} lessons, ` +
      `${stats.items.total} quiz items, ${stats.glossaryTerms} glossary terms (version ${model.version})${warned}`,
  );
}
