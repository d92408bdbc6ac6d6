// npm run content:export [-- --dir <path>] — the whole validated model as JSON on stdout.
import { loadOrReport, readOptions } from "./cli.ts";

const model = loadOrReport(readOptions().dir);
if (model) process.stdout.write(`${JSON.stringify(model, null, 2)}\n`);
