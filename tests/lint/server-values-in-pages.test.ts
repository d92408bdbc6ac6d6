// A value a route module imports from a server-only module (`*.server.ts`) exists on the server
// only: the browser build strips the import, so a page component that renders it renders
// `undefined` in the browser — a crash or a hydration mismatch (two such bugs reached the
// every-page walk, fixed in b3ac888). This walks each route module's syntax: starting from what
// runs in the browser (the default export, ErrorBoundary, handle, links, meta), it follows the
// module's own top-level declarations and fails if any of them reads a server-imported value.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// What Remix keeps in the browser bundle of a route module.
const BROWSER_EXPORTS = new Set(["default", "ErrorBoundary", "handle", "links", "meta", "shouldRevalidate"]);
// What it removes from it (their own imports are server-side by design).
const SERVER_EXPORTS = new Set(["loader", "action", "headers"]);

/** Names a route component reaches that were imported from server-only modules, with the path. */
function serverValuesInPage(source: string, fileName = "route.tsx"): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const serverValues = new Set<string>();
  const declarations = new Map<string, ts.Node>();
  const roots: string[] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      const clause = statement.importClause;
      if (!/\.server(\.tsx?)?$/.test(from) || !clause || clause.isTypeOnly) continue;
      if (clause.name) serverValues.add(clause.name.text);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamedImports(bindings))
        for (const el of bindings.elements) if (!el.isTypeOnly) serverValues.add(el.name.text);
      continue;
    }
    const exported = ts.canHaveModifiers(statement)
      ? (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    const isDefault = ts.canHaveModifiers(statement)
      ? (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)
      : false;
    const names: string[] = [];
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name)
      names.push(statement.name.text);
    if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    for (const name of names) declarations.set(name, statement);
    if (isDefault && !names.length) {
      declarations.set("default", statement);
      roots.push("default");
    } else if (isDefault) roots.push(...names);
    else if (exported) roots.push(...names.filter((n) => BROWSER_EXPORTS.has(n)));
    if (ts.isExportAssignment(statement)) {
      declarations.set("default", statement);
      roots.push("default");
    }
  }
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string, trail: string[]) => {
    if (seen.has(name)) return;
    seen.add(name);
    const node = declarations.get(name);
    if (!node) return;
    // Names the declaration binds itself (parameters, destructured loader data) shadow imports;
    // coarse (whole declaration, not per block) and so lenient, never a false alarm.
    const locals = new Set<string>();
    const collect = (n: ts.Node) => {
      if ((ts.isBindingElement(n) || ts.isVariableDeclaration(n) || ts.isParameter(n)) && ts.isIdentifier(n.name))
        locals.add(n.name.text);
      ts.forEachChild(n, collect);
    };
    ts.forEachChild(node, collect);
    const walk = (n: ts.Node) => {
      // Types are erased (`useLoaderData<typeof loader>` reads nothing at run time).
      if (ts.isTypeNode(n)) return;
      const member = ts.isPropertyAccessExpression(n.parent) && n.parent.name === n;
      const key = (ts.isPropertyAssignment(n.parent) || ts.isBindingElement(n.parent)) && n.parent.name === n;
      if (ts.isIdentifier(n) && !member && !key && !locals.has(n.text)) {
        if (serverValues.has(n.text)) found.push([...trail, name, n.text].join(" → "));
        else if (declarations.has(n.text) && n.text !== name && !SERVER_EXPORTS.has(n.text))
          visit(n.text, [...trail, name]);
      }
      ts.forEachChild(n, walk);
    };
    ts.forEachChild(node, walk);
  };
  for (const root of roots) visit(root, []);
  return [...new Set(found)];
}

function routeModules(): string[] {
  const dir = path.join(process.cwd(), "app/routes");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? ["route.tsx", "route.ts"].map((f) => path.join(dir, e.name, f)).filter((f) => fs.existsSync(f))
        : /\.tsx?$/.test(e.name)
          ? [path.join(dir, e.name)]
          : [],
    );
}

describe("values from server-only modules never reach a page component", () => {
  it("finds none in any route module", () => {
    const modules = routeModules();
    expect(modules.length).toBeGreaterThan(50);
    const problems = modules.flatMap((file) =>
      serverValuesInPage(fs.readFileSync(file, "utf8"), file).map((p) => `${path.relative(process.cwd(), file)}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it("catches the shape of the bug it was written for, through a helper, and ignores the loader", () => {
    const source = [
      'import { REVOKE_REASONS, revoke } from "~/modules/credentials/index.server.ts";',
      'import { type Limit, LIMIT } from "~/modules/vetting/index.server.ts";',
      'import { EVIDENCE_MAX } from "~/modules/vetting/index.ts";',
      "export async function loader() { return revoke(LIMIT); }",
      "function Reasons() { return REVOKE_REASONS.map((r) => r); }",
      "export default function Page() { return [Reasons(), EVIDENCE_MAX]; }",
    ].join("\n");
    expect(serverValuesInPage(source)).toEqual(["Page → Reasons → REVOKE_REASONS"]);
  });
});
