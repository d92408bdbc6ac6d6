// Is a refusal's message in the URL's language? A message an action returns is either words
// already translated (a value of that language's resources, placeholders filled in) or a key the
// route's component translates (a key the resources define). Anything else — zod's English
// defaults ("Required"), an exception's text, English words on /es — is a finding.
import type { Lang } from "~/modules/i18n/index.ts";
import { resources } from "~/modules/i18n/index.server.ts";

type Tree = { [key: string]: string | Tree };

type Words = { exact: Set<string>; patterns: RegExp[]; keys: Set<string> };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function wordsOf(lang: Lang): Words {
  const words: Words = { exact: new Set(), patterns: [], keys: new Set() };
  const walk = (tree: Tree, path: string[]) => {
    for (const [key, value] of Object.entries(tree)) {
      if (typeof value === "string") {
        const base = key.replace(/_(zero|one|two|few|many|other)$/, "");
        words.keys.add(base);
        words.keys.add([...path, base].join("."));
        words.keys.add(`${path[0]}:${[...path.slice(1), base].join(".")}`);
        if (/\{\{|\$t\(/.test(value)) {
          const parts = value.split(/\{\{[^}]*\}\}|\$t\([^)]*\)/).map(escape);
          words.patterns.push(new RegExp(`^${parts.join("[\\s\\S]*?")}$`));
        } else words.exact.add(value);
      } else walk(value, [...path, key]);
    }
  };
  walk(resources[lang] as unknown as Tree, []);
  return words;
}

const WORDS = { en: wordsOf("en"), es: wordsOf("es") } as const;

const isValue = (s: string, lang: Lang) => WORDS[lang].exact.has(s) || WORDS[lang].patterns.some((p) => p.test(s));

export type Verdict = "translated" | "key" | "english" | "untranslated";

/** How one message reads on a page of `lang`. */
export function verdictOf(message: string, lang: Lang): Verdict {
  if (isValue(message, lang)) return "translated";
  if (lang === "es" && isValue(message, "en")) return "english";
  if (/^[A-Za-z][\w-]*(:[\w.-]+|\.[\w.-]+)?$/.test(message) && WORDS[lang].keys.has(message)) return "key";
  return "untranslated";
}

// Where actions put words for people; conform's `initialValue` (the echo of what was sent) and
// `state` are not words, and neither are ids, flags or paths elsewhere in the data.
const MESSAGE_KEYS = new Set(["message", "messages", "problem", "problems", "error", "errors", "formErrors", "title"]);
const ECHO_KEYS = new Set(["initialValue", "state", "key", "intent"]);

/** Every string a refusal shows a person, from anywhere in the data an action returned. */
export function messagesIn(data: unknown, underMessage = false): string[] {
  if (typeof data === "string") return underMessage ? [data] : [];
  if (Array.isArray(data)) return data.flatMap((d) => messagesIn(d, underMessage));
  if (data && typeof data === "object") {
    return Object.entries(data).flatMap(([k, v]) =>
      ECHO_KEYS.has(k) ? [] : messagesIn(v, underMessage || MESSAGE_KEYS.has(k)),
    );
  }
  return [];
}

/** An action's answer that refuses the input while answering 200: conform errors, `ok: false`. */
export function refusesInData(data: unknown): boolean {
  if (!data || typeof data !== "object") return false;
  const d = data as Record<string, unknown>;
  if (d.status === "error" || d.ok === false) return true;
  if (d.error !== undefined && d.error !== null && typeof d.error !== "object") return true;
  return Object.values(d).some((v) => v && typeof v === "object" && !Array.isArray(v) && refusesInData(v));
}
