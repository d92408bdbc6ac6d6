// The module-entry rule of eslint.config.js, run through ESLint's own API on small sources
// placed (virtually) where they would live: a deep import into a module fails lint and names
// the entry; an import of the entry passes.
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  // The first run loads the configuration and its plugins (seconds on a busy machine).
  await eslint.lintText("export {};\n", { filePath: "app/example.ts" });
});

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("module entries (no-restricted-imports)", () => {
  it("refuses a deep import from a route and names the entries", async () => {
    const messages = await restrictedImports(
      'import type { Answer } from "~/modules/quiz/types.ts";\nexport type A = Answer;\n',
      "app/routes/$lang.example/route.tsx",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("~/modules/quiz/index.server.ts");
    expect(messages[0]).toContain("~/modules/quiz/index.ts");
  });

  it("accepts the entries themselves", async () => {
    const messages = await restrictedImports(
      [
        'import type { Answer } from "~/modules/quiz/index.ts";',
        'import { quizTitle } from "~/modules/quiz/index.server.ts";',
        "export type A = Answer;",
        "export const title = quizTitle;",
        "",
      ].join("\n"),
      "app/routes/$lang.example/route.tsx",
    );
    expect(messages).toEqual([]);
  });

  it("refuses the relative form from scripts, tests and the benchmark", async () => {
    const code =
      'import { loadContent } from "../../app/modules/content/load.server.ts";\nexport const l = loadContent;\n';
    for (const filePath of ["scripts/content/example.ts", "tests/integration/example.test.ts", "bench/example.ts"]) {
      const messages = await restrictedImports(code, filePath);
      expect(messages, filePath).toHaveLength(1);
      expect(messages[0], filePath).toContain("~/modules/content/index.server.ts");
    }
  });

  it("lets a module import its own files but not another module's", async () => {
    const own = await restrictedImports(
      'import { lessonPath } from "./paths.ts";\nimport { coursePath } from "~/modules/learning/paths.ts";\nexport const p = [lessonPath, coursePath];\n',
      "app/modules/learning/example.server.ts",
    );
    expect(own).toEqual([]);
    const other = await restrictedImports(
      'import { snapshotItems } from "../quiz/snapshot.ts";\nimport type { Answer } from "~/modules/quiz/types.ts";\nexport type A = Answer;\nexport const s = snapshotItems;\n',
      "app/modules/learning/example.server.ts",
    );
    expect(other).toHaveLength(2);
    // From a folder inside a module, the relative form climbs one more level.
    const nested = await restrictedImports(
      'import { db } from "../../db/db.server.ts";\nexport const d = db;\n',
      "app/modules/i18n/resources/example.ts",
    );
    expect(nested).toHaveLength(1);
    expect(nested[0]).toContain("~/modules/db/index.server.ts");
  });

  it("keeps lucia inside the auth module", async () => {
    const code = 'import { Lucia } from "lucia";\nexport const L = Lucia;\n';
    expect(await restrictedImports(code, "app/routes/$lang.example/route.tsx")).toHaveLength(1);
    expect(await restrictedImports(code, "app/modules/auth/example.server.ts")).toEqual([]);
  });
});
