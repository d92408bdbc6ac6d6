import type { Env, MarkdownIt, StateInline, Token } from "markdown-it";
import type { Lang } from "~/modules/i18n/index.ts";
import type { GlossaryTerm } from "./types.ts";

/** State markdown-it carries through parsing and rendering one lesson in one language. */
export interface RenderEnv extends Env {
  lang: Lang;
  lessonId: string;
  /** Read by markdown-it-footnote: anchors become `fn-<lang>-<lesson>-<n>`. */
  docId: string;
  glossary: ReadonlyMap<string, GlossaryTerm>;
  /** Counts glossary marks so each popover gets a page-unique id. */
  termCount: number;
}

export function createRenderEnv(lang: Lang, lessonId: string, glossary: ReadonlyMap<string, GlossaryTerm>): RenderEnv {
  return { lang, lessonId, docId: `${lang}-${lessonId}`, glossary, termCount: 0 };
}

export function isRenderEnv(env: unknown): env is RenderEnv {
  return typeof env === "object" && env !== null && "lang" in env && "glossary" in env;
}

export type Markdown = MarkdownIt;
export type MdToken = Token;
export type MdEnv = Env;
export type InlineRule = (state: StateInline, silent: boolean) => boolean;
