// ESLint flat config. Type-aware rules are left out on purpose: `npm run typecheck` already
// runs the compiler, and the syntactic rules keep `npm run lint` fast.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Sessions and cookies are the auth module's business; everything else asks it.
const luciaPath = {
  name: "lucia",
  message: "Only app/modules/auth/ may import lucia; use ~/modules/auth/index.server.ts.",
};
const luciaPattern = { group: ["lucia/*"], message: "Only app/modules/auth/ may import lucia." };

// Every module in app/modules/ is reached through its entry: index.server.ts (server code) and,
// where the browser needs something, index.ts. A deep import (`~/modules/quiz/types.ts`,
// `../../app/modules/quiz/types.ts`, or `../quiz/types.ts` from another module) fails lint.
const MODULES = fs
  .readdirSync(new URL("./app/modules/", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const NOT_AN_ENTRY = "(?!index(?:\\.server)?(?:\\.ts)?$)";
// How deep below app/modules/<area>/ a file may sit for the relative form to be checked.
const MAX_DEPTH = 4;

function entryMessage(area) {
  const browser = fs.existsSync(new URL(`./app/modules/${area}/index.ts`, import.meta.url));
  const entries = [
    `~/modules/${area}/index.server.ts`,
    ...(browser ? [`~/modules/${area}/index.ts (browser-safe)`] : []),
  ];
  return `Import the ${area} module through its entry: ${entries.join(" or ")}. Export what you need from it.`;
}

/** Options of no-restricted-imports for a file inside module `own` at `depth` below it (or outside any module). */
function restrictedImports({ own = null, depth = 0, lucia = true } = {}) {
  const patterns = lucia ? [luciaPattern] : [];
  for (const area of MODULES) {
    if (area === own) continue;
    const message = entryMessage(area);
    patterns.push({ regex: `^~/modules/${area}/${NOT_AN_ENTRY}`, message });
    patterns.push({ regex: `^\\.{1,2}/(?:\\.\\./)*(?:app/)?modules/${area}/${NOT_AN_ENTRY}`, message });
    if (own) patterns.push({ regex: `^(?:\\.\\./){${depth + 1}}${area}/${NOT_AN_ENTRY}`, message });
  }
  return ["error", { paths: lucia ? [luciaPath] : [], patterns }];
}

// One import style: relative and `~/` imports of our TypeScript files name the file with its
// extension (`./paths.ts`, `~/modules/quiz/index.ts`), as Node and the TypeScript compiler
// want for ES modules. A tiny local rule, since no import plugin is installed; `eslint --fix`
// adds the extension.
const APP_DIR = fileURLToPath(new URL("./app/", import.meta.url));
const importExtension = {
  meta: {
    type: "problem",
    fixable: "code",
    schema: [],
    messages: { missing: "Import {{source}} with its extension: {{fixed}}." },
  },
  create(context) {
    function check(node) {
      const source = node.source;
      if (!source || source.type !== "Literal" || typeof source.value !== "string") return;
      const spec = source.value;
      if (!spec.startsWith(".") && !spec.startsWith("~/")) return;
      if (/\.(?:[cm]?[jt]sx?|css|json)$/.test(spec)) return;
      const base = spec.startsWith("~/")
        ? path.join(APP_DIR, spec.slice(2))
        : path.resolve(path.dirname(context.filename), spec);
      const ext = [".ts", ".tsx"].find((e) => fs.existsSync(base + e));
      const fixed = ext ? spec + ext : fs.existsSync(path.join(base, "index.ts")) ? `${spec}/index.ts` : null;
      if (!fixed) return;
      context.report({
        node: source,
        messageId: "missing",
        data: { source: spec, fixed },
        fix: (fixer) => fixer.replaceText(source, JSON.stringify(fixed)),
      });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

// One block per module and depth: a module may import its own files, not another's.
const moduleBlocks = MODULES.flatMap((area) =>
  Array.from({ length: MAX_DEPTH }, (_, depth) => ({
    files: [`app/modules/${area}/${"*/".repeat(depth)}*.{js,mjs,ts,tsx}`],
    rules: { "no-restricted-imports": restrictedImports({ own: area, depth, lucia: area !== "auth" }) },
  })),
);

export default tseslint.config(
  {
    ignores: [
      "build/",
      "public/build/",
      "app/generated/",
      "node_modules/",
      "data/",
      "tests/.tmp/",
      "content/",
      ".cache/",
      "test-results/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{js,mjs,cjs,ts,tsx}"],
    languageOptions: { globals: { ...globals.node } },
    plugins: { puente: { rules: { "import-extension": importExtension } } },
    rules: {
      "puente/import-extension": "error",
      "no-restricted-imports": restrictedImports(),
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // Sanitizers strip control characters on purpose (e.g. hidden URL schemes).
      "no-control-regex": "off",
    },
  },
  {
    // Remix's ambient type declarations are references by design.
    files: ["**/*.d.ts"],
    rules: { "@typescript-eslint/triple-slash-reference": "off" },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ...react.configs.flat.recommended,
    ...react.configs.flat["jsx-runtime"],
    languageOptions: {
      ...react.configs.flat.recommended.languageOptions,
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // TypeScript checks props.
      "react/prop-types": "off",
    },
  },
  ...moduleBlocks,
  {
    // Browser tests run code inside the page (page.evaluate), where DOM globals exist.
    files: ["tests/e2e/**"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
