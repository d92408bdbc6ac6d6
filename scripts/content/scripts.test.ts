// The npm scripts as CI runs them: output format and exit codes.
import { spawnSync } from "node:child_process";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { VALID_DIR, buildTree, lineContaining, removeTree } from "../../tests/fixtures/content/tree";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const tsx = join(root, "node_modules/.bin/tsx");
const run = (script: string, ...args: string[]) =>
  spawnSync(tsx, [join(root, "scripts/content", script), ...args], { cwd: root, encoding: "utf8" });

const broken = buildTree([{ file: "courses/aml-basics.yaml", find: "open: true", replace: "opne: true" }]);
afterAll(() => removeTree(broken));

describe("content scripts", () => {
  it("content:check prints an OK summary with the version and exits 0", () => {
    const result = run("check.ts", "--dir", VALID_DIR);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^content OK: 1 courses, 1 modules, 2 lessons, 10 quiz items, 5 glossary terms \(version [0-9a-f]{12}\)\n$/,
    );
  });

  it("content:check prints file:line: message relative to the repo root and exits 1", () => {
    const result = run("check.ts", "--dir", broken);
    expect(result.status).toBe(1);
    const line = lineContaining(broken, "courses/aml-basics.yaml", "opne: true");
    expect(result.stdout).toBe(`${relative(root, broken)}/courses/aml-basics.yaml:${line}: unknown key "opne"\n`);
    expect(result.stderr).toBe("1 content problem\n");
  }, 20_000);

  it("content:stats --json prints exactly the documented keys", () => {
    const result = run("stats.ts", "--json", "--dir", VALID_DIR);
    expect(result.status).toBe(0);
    const stats: unknown = JSON.parse(result.stdout);
    expect(Object.keys(stats as object)).toEqual(["courses", "modules", "lessons", "words", "items", "glossaryTerms"]);
    expect(stats).toMatchObject({ items: { total: 10 }, words: { en: expect.any(Number), es: expect.any(Number) } });
  }, 20_000);

  it("content:export prints the whole model as JSON", () => {
    const result = run("export.ts", "--dir", VALID_DIR);
    expect(result.status).toBe(0);
    const model = JSON.parse(result.stdout) as { version: string; lessons: unknown[]; glossary: unknown[] };
    expect(model.lessons).toHaveLength(2);
    expect(model.glossary).toHaveLength(5);
  }, 20_000);
});
