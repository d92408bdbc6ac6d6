// ESLint flat config. Type-aware rules are left out on purpose: `npm run typecheck` already
// runs the compiler, and the syntactic rules keep `npm run lint` fast.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Sessions and cookies are the auth module's business; everything else asks it.
const luciaOnlyInAuth = {
  paths: [{ name: "lucia", message: "Only app/modules/auth/ may import lucia; use ~/modules/auth/index.server.ts." }],
  patterns: [{ group: ["lucia/*"], message: "Only app/modules/auth/ may import lucia." }],
};

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
    rules: {
      "no-restricted-imports": ["error", luciaOnlyInAuth],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // Sanitisers strip control characters on purpose (e.g. hidden URL schemes).
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
  {
    files: ["app/modules/auth/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Browser tests run code inside the page (page.evaluate), where DOM globals exist.
    files: ["tests/e2e/**"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
