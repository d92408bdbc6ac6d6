// The one import style (eslint.config.js, puente/import-extension): our TypeScript files are
// imported with their extension; `eslint --fix` adds it.
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  await eslint.lintText("export {};\n", { filePath: "app/example.ts" });
});

async function lint(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "puente/import-extension");
}

describe("import style (puente/import-extension)", () => {
  it("refuses a relative or ~/ import of a TypeScript file without its extension, and says which", async () => {
    const messages = await lint(
      'import { lessonPath } from "./paths";\nimport type { Lang } from "~/modules/i18n/config";\nexport const p = lessonPath;\nexport type L = Lang;\n',
      "app/modules/learning/example.ts",
    );
    expect(messages.map((m) => m.message)).toEqual([
      "Import ./paths with its extension: ./paths.ts.",
      "Import ~/modules/i18n/config with its extension: ~/modules/i18n/config.ts.",
    ]);
    expect(messages.every((m) => m.fix)).toBe(true);
  });

  it("accepts imports with the extension, packages, and files that are not TypeScript", async () => {
    const messages = await lint(
      'import { lessonPath } from "./paths.ts";\nimport { z } from "zod";\nimport styles from "~/styles/lesson.css";\nexport const p = [lessonPath, z, styles];\n',
      "app/modules/learning/example.ts",
    );
    expect(messages).toEqual([]);
  });
});
