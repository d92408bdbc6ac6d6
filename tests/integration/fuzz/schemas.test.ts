// Every zod schema a route reads a form with, fed hostile forms (fields missing, duplicated —
// conform then hands zod an array —, wrong types, huge or odd text): each error it gives is a
// key the resources define, which the page translates. zod's own defaults ("Required",
// "Expected string, received array") are English whatever the page's language: a finding.
// No database: every schema gets FUZZ_RUNS forms in a second or two.
import fs from "node:fs";
import path from "node:path";
import { parseWithZod } from "@conform-to/zod";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APP_DIR } from "../authz/manifest.ts";
import { hostileForm } from "./hostile.ts";
import { verdictOf } from "./messages.ts";
import { replay, runs } from "./support.ts";

const ROUTES = path.join(APP_DIR, "routes");

/**
 * Schemas a route defines inside its own module without exporting it (a route module exports
 * only what Remix reads): fuzzed through the route's action in forms-*.test.ts instead.
 */
const INSIDE_ROUTES = new Set(["courseActionSchema", "joinSignUpSchema", "languageChoiceSchema", "lessonActionSchema"]);

/** Names of schemas the routes use, and the files that may define them. */
function schemaNames(): Set<string> {
  const names = new Set<string>();
  for (const dir of fs.readdirSync(ROUTES)) {
    for (const file of fs.readdirSync(path.join(ROUTES, dir)).filter((f) => /\.tsx?$/.test(f))) {
      const text = fs.readFileSync(path.join(ROUTES, dir, file), "utf8");
      for (const m of text.matchAll(/parseWithZod\([^;]{0,160}?schema:\s*(\w+)/g)) names.add(m[1]!);
      for (const m of text.matchAll(/\b(\w+Schema)\.safeParse\(/g)) names.add(m[1]!);
    }
  }
  return names;
}

async function candidates(): Promise<Record<string, unknown>> {
  const found: Record<string, unknown> = {};
  const modules = path.join(APP_DIR, "modules");
  for (const area of fs.readdirSync(modules)) {
    for (const name of ["index.ts", "index.server.ts"]) {
      const entry = path.join(modules, area, name);
      if (fs.existsSync(entry)) Object.assign(found, await import(/* @vite-ignore */ entry));
    }
  }
  for (const dir of fs.readdirSync(ROUTES)) {
    for (const file of fs.readdirSync(path.join(ROUTES, dir)).filter((f) => /^(schema|schemas)\.ts$/.test(f))) {
      Object.assign(found, await import(/* @vite-ignore */ path.join(ROUTES, dir, file)));
    }
  }
  return found;
}

/** The field names a schema reads, through effects, unions and discriminated unions. */
function keysOf(schema: z.ZodTypeAny): { keys: string[]; intents: string[] } {
  const def = schema._def as { typeName: string } & Record<string, unknown>;
  switch (def.typeName) {
    case "ZodObject": {
      const shape = (schema as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>;
      const intent = shape.intent?._def as { value?: unknown } | undefined;
      return { keys: Object.keys(shape), intents: typeof intent?.value === "string" ? [intent.value] : [] };
    }
    case "ZodEffects":
      return keysOf(def.schema as z.ZodTypeAny);
    case "ZodPipeline":
      return keysOf(def.in as z.ZodTypeAny);
    case "ZodUnion":
    case "ZodDiscriminatedUnion": {
      const options = (def.options as z.ZodTypeAny[] | Map<unknown, z.ZodTypeAny>) ?? [];
      const all = [...(Array.isArray(options) ? options : options.values())].map(keysOf);
      return { keys: [...new Set(all.flatMap((k) => k.keys))], intents: all.flatMap((k) => k.intents) };
    }
    default:
      return { keys: [], intents: [] };
  }
}

const names = schemaNames();
const all = await candidates();
const schemas = [...names]
  .filter((n) => all[n] instanceof z.ZodType)
  .sort()
  .map((n) => [n, all[n] as z.ZodTypeAny] as const);

describe("form schemas answer hostile forms with keys the resources define", () => {
  it("finds the schemas the routes parse forms with", () => {
    // Every schema a route names must be found (exported by a module entry or a route's schema.ts).
    expect([...names].filter((n) => !(all[n] instanceof z.ZodType) && !INSIDE_ROUTES.has(n))).toEqual([]);
    expect([...INSIDE_ROUTES].filter((n) => !names.has(n))).toEqual([]);
  });

  it.each(schemas)("%s", (_, schema) => {
    const { keys, intents } = keysOf(schema);
    fc.assert(
      fc.property(hostileForm({ fields: keys, intents, ids: ["x", "cl00000000000000000000000"] }), (pairs) => {
        const form = new FormData();
        for (const [k, v] of pairs) form.append(k, v);
        const submission = parseWithZod(form, { schema });
        if (submission.status === "success") return true;
        const messages = Object.values(submission.error ?? {}).flatMap((m) => m ?? []);
        const bad = messages.filter(
          (m) => verdictOf(m, "en") === "untranslated" || verdictOf(m, "es") === "untranslated",
        );
        return bad.length === 0 || (console.info(`${_}: ${JSON.stringify(bad)}`), false);
      }),
      { numRuns: runs(), ...replay() },
    );
  });
});
