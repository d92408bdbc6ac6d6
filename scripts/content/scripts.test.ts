// The npm scripts as CI runs them: output format and exit codes.
import { spawnSync } from "node:child_process";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { VALID_DIR, buildTree, lineContaining, removeTree } from "../../tests/fixtures/content/tree.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const tsx = join(root, "node_modules/.bin/tsx");
const run = (script: string, ...args: string[]) =>
  spawnSync(tsx, [join(root, "scripts/content", script), ...args], { cwd: root, encoding: "utf8" });

const broken = buildTree([{ file: "courses/aml-basics.yaml", find: "open: true", replace: "opne: true" }]);
const unreviewed = buildTree(
  (["en", "es"] as const).map((lang) => ({
    file: `modules/m1-basics/laundering-stages.${lang}.md`,
    find: "reviewed: 2026-11-20\n",
    replace: "",
  })),
);
afterAll(() => [broken, unreviewed].forEach(removeTree));

describe("content scripts", () => {
  it("content:check prints an OK summary with the version and exits 0", () => {
    const result = run("check.ts", "--dir", VALID_DIR, "--today", "2026-12-05");
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

  it("content:check warns about reviews older than 9 months and still exits 0, even with --strict", () => {
    const result = run("check.ts", "--dir", VALID_DIR, "--today", "2027-09-01", "--strict");
    expect(result.status).toBe(0);
    const line = lineContaining(VALID_DIR, "modules/m1-basics/cash-reports.en.md", "reviewed:");
    expect(result.stdout).toContain(
      `${relative(root, VALID_DIR)}/modules/m1-basics/cash-reports.en.md:${line}: warning: reviewed 2026-11-20, more than 9 months ago: due for review\n`,
    );
    expect(result.stdout).toMatch(/content OK: .*, 2 warnings\n$/);
  }, 20_000);

  it("content:check --strict fails on reviews older than 12 months; without it they are warnings", () => {
    const strict = run("check.ts", "--dir", VALID_DIR, "--today", "2027-12-01", "--strict");
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain(": reviewed 2026-11-20, more than 12 months ago: the law in this lesson must be");
    expect(strict.stdout).not.toContain("content OK");
    expect(strict.stderr).toBe("2 problems (--strict)\n");
    const plain = run("check.ts", "--dir", VALID_DIR, "--today", "2027-12-01");
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain(": warning: reviewed 2026-11-20, more than 12 months ago");
  }, 30_000);

  it("content:check --strict fails on a lesson without a reviewed date", () => {
    const result = run("check.ts", "--dir", unreviewed, "--today", "2026-12-05", "--strict");
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      `${relative(root, unreviewed)}/modules/m1-basics/laundering-stages.en.md:2: no reviewed date: check the law in this lesson and log it\n`,
    );
    const plain = run("check.ts", "--dir", unreviewed, "--today", "2026-12-05");
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain("laundering-stages.en.md:2: warning: no reviewed date");
  }, 30_000);

  it("content:facts lists each figure with file:line and its footnote, or says it has none", () => {
    const result = run("facts.ts", "--dir", VALID_DIR, "--lang", "en");
    expect(result.status).toBe(0);
    const file = `${relative(root, VALID_DIR)}/modules/m1-basics/cash-reports.en.md`;
    const line = (text: string) => lineContaining(VALID_DIR, "modules/m1-basics/cash-reports.en.md", text);
    expect(result.stdout).toContain("## m1-basics / cash-reports (en)\n");
    expect(result.stdout).toContain(
      `${file}:${line("filed within 15 calendar days")}  period    15 calendar days  <- [^ctr-deadline] FinCEN Form 112 instructions.\n`,
    );
    expect(result.stdout).toContain(`${file}:${line("USD 7,500")}  amount    USD 7,500  <- NO FOOTNOTE\n`);
    expect(result.stdout).toContain(
      `${file}:${line("USD 9,500")}  amount    USD 9,500  <- NO FOOTNOTE  (in an example)\n`,
    );
    // Reading order of module.yaml: laundering-stages before cash-reports.
    expect(result.stdout.indexOf("laundering-stages (en)")).toBeLessThan(result.stdout.indexOf("cash-reports (en)"));
    expect(result.stdout).toMatch(/\n9 figures, dates and citations in 2 lesson files; 7 without a footnote\n$/);
    const missing = run("facts.ts", "--dir", VALID_DIR, "--missing", "--json");
    const listed = JSON.parse(missing.stdout) as { footnotes: string[]; lang: string }[];
    expect(listed).toHaveLength(14);
    expect(listed.every((fact) => fact.footnotes.length === 0)).toBe(true);
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
