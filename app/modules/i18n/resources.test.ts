import { describe, expect, it } from "vitest";
import { CALLOUT_KINDS, JURISDICTIONS } from "~/modules/content/index.ts";
import { browserResources } from "./browser-resources.ts";
import { LANGUAGES } from "./config.ts";
import { en, es, resources } from "./resources/index.ts";

function leaves(value: unknown, prefix = ""): string[] {
  if (typeof value === "string") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]!).sort();
}

function at(obj: unknown, key: string): string {
  return key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;
}

describe("translation resources", () => {
  it("reach the browser whole: each namespace's chunk is the server's namespace in that language", async () => {
    for (const lang of LANGUAGES) {
      for (const ns of Object.keys(en)) {
        expect(await browserResources(lang, ns), `${lang}:${ns}`).toBe(resources[lang][ns as keyof typeof en]);
      }
      expect(browserResources(lang, "nonsense"), lang).toBeUndefined();
    }
  });

  it("have exactly the same keys in English and Spanish", () => {
    expect(leaves(es).sort()).toEqual(leaves(en).sort());
  });

  it("have no empty strings and the same placeholders in both languages", () => {
    for (const key of leaves(en)) {
      expect(at(en, key).trim(), `en ${key}`).not.toBe("");
      expect(at(es, key).trim(), `es ${key}`).not.toBe("");
      expect(placeholders(at(es, key)), key).toEqual(placeholders(at(en, key)));
    }
  });

  it("use only what the browser's translator implements (translate.ts): no nesting, formats, unescaped or dotted keys", () => {
    const keys = (value: unknown): string[] =>
      typeof value === "string" ? [] : Object.entries(value as object).flatMap(([k, v]) => [k, ...keys(v)]);
    for (const [lang, resource] of Object.entries(resources)) {
      for (const key of leaves(resource)) {
        const text = at(resource, key);
        expect(text, `${lang} ${key}`).not.toMatch(/\$t\(|{{-|{{[^}]*,[^}]*}}/);
      }
      expect(
        keys(resource).filter((k) => /[.:]/.test(k)),
        lang,
      ).toEqual([]);
    }
  });

  it("name every callout kind and jurisdiction lessons may use, in both languages", () => {
    for (const resource of [en, es]) {
      expect(Object.keys(resource.content.callout).sort()).toEqual([...CALLOUT_KINDS].sort());
      expect(Object.keys(resource.content.jurisdiction).sort()).toEqual([...JURISDICTIONS].sort());
    }
  });
});
