// npm run content:check [-- --dir <path>] — every problem as `file:line: message`, exit 1 if any.
import { contentStats } from "../../app/modules/content/stats";
import { loadOrReport, readOptions } from "./cli";

const model = loadOrReport(readOptions().dir);
if (model) {
  const stats = contentStats(model);
  console.log(
    `content OK: ${stats.courses} courses, ${stats.modules} modules, ${stats.lessons} lessons, ` +
      `${stats.items.total} quiz items, ${stats.glossaryTerms} glossary terms (version ${model.version})`,
  );
}
