import { LineCounter, parseDocument, Parser } from "yaml";
import { readTree } from "../../app/modules/content/read-tree.server";
const tree = readTree("content");
const files = [...tree.courses, ...tree.glossary, ...tree.modules.flatMap((m) => [m.moduleFile, m.quizFile]), tree.achievements, tree.vetting].filter((f) => f !== undefined);
for (let round = 0; round < 3; round++) {
  let tParse = 0, tJs = 0, tCst = 0, size = 0;
  for (const f of files) {
    size += f.text.length;
    let t = performance.now();
    for (const _ of new Parser().parse(f.text)) { /* cst only */ }
    tCst += performance.now() - t;
    t = performance.now();
    const doc = parseDocument(f.text, { lineCounter: new LineCounter(), prettyErrors: false });
    tParse += performance.now() - t;
    t = performance.now();
    doc.toJS();
    tJs += performance.now() - t;
  }
  console.log(`round ${round}: ${files.length} files ${size} chars: cst ${Math.round(tCst)}ms, parseDocument ${Math.round(tParse)}ms, toJS ${Math.round(tJs)}ms`);
}
