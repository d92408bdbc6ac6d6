// i18next stays on the server (decision 012, session 7): the browser translates with
// BrowserStrings, and one value import of i18next from code the browser loads would put its
// 15 KB (gzipped) back in every page. This follows the imports the browser build follows — from
// entry.client, the root and every route module, through our own files except `*.server.ts`
// (which the browser build empties) and type-only imports (erased) — and lists the packages.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const APP = path.join(process.cwd(), "app");

/** Specifiers of the imports and re-exports of a file that survive compilation. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause?.isTypeOnly ||
        (clause && !clause.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly));
      if (!onlyTypes) found.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      const named = node.exportClause;
      if (!(named && ts.isNamedExports(named) && named.elements.every((e) => e.isTypeOnly)))
        found.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) found.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function ownFile(specifier: string, from: string): string | null {
  if (specifier.startsWith("~/")) return path.join(APP, specifier.slice(2));
  if (specifier.startsWith(".")) return path.resolve(path.dirname(from), specifier);
  return null;
}

/** Packages reached from these files, each with one file that imports it. */
function browserPackages(starts: string[]): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || /\.server\.tsx?$/.test(file) || !/\.tsx?$/.test(file)) continue;
    seen.add(file);
    for (const specifier of valueImports(file)) {
      const own = ownFile(specifier, file);
      if (own) queue.push(own);
      else if (!packages.has(specifier)) packages.set(specifier, path.relative(process.cwd(), file));
    }
  }
  return packages;
}

function browserStarts(): string[] {
  const routes = path.join(APP, "routes");
  const routeFiles = fs
    .readdirSync(routes, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? ["route.tsx", "route.ts"].map((f) => path.join(routes, e.name, f)).filter((f) => fs.existsSync(f))
        : /\.tsx?$/.test(e.name)
          ? [path.join(routes, e.name)]
          : [],
    );
  return [path.join(APP, "entry.client.tsx"), path.join(APP, "root.tsx"), ...routeFiles];
}

describe("no i18next in the browser", () => {
  it("no code the browser loads imports i18next (react-i18next only, with our instance)", () => {
    const packages = browserPackages(browserStarts());
    expect(packages.has("react-i18next")).toBe(true);
    const i18next = [...packages].filter(([name]) => name === "i18next" || name.startsWith("i18next/"));
    expect(i18next).toEqual([]);
  });

  it("react-i18next's browser build does not import i18next itself", () => {
    const dir = path.join(process.cwd(), "node_modules/react-i18next/dist/es");
    const importers = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".js"))
      .filter((f) =>
        /from\s*['"]i18next['"]|import\(\s*['"]i18next['"]/.test(fs.readFileSync(path.join(dir, f), "utf8")),
      );
    expect(importers).toEqual([]);
  });

  it("would catch a value import of i18next in a file a route reaches", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "no-i18next-"));
    try {
      fs.writeFileSync(path.join(dir, "helper.ts"), 'import i18next from "i18next";\nexport const t = i18next.t;\n');
      fs.writeFileSync(
        path.join(dir, "types.ts"),
        'import type { TFunction } from "i18next";\nexport type T = TFunction;\n',
      );
      fs.writeFileSync(
        path.join(dir, "route.tsx"),
        'import { t } from "./helper.ts";\nimport type { T } from "./types.ts";\nexport default function P() { return t as unknown as T; }\n',
      );
      fs.writeFileSync(path.join(dir, "loader.server.ts"), 'export { default } from "i18next";\n');
      expect([...browserPackages([path.join(dir, "route.tsx")]).keys()]).toEqual(["i18next"]);
      expect([...browserPackages([path.join(dir, "types.ts"), path.join(dir, "loader.server.ts")]).keys()]).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
