import type MarkdownIt from "markdown-it";
import type { Lang } from "./labels";
import type { GlossaryTerm } from "./types";

/** State markdown-it carries through parsing and rendering one lesson in one language. */
export interface RenderEnv {
  lang: Lang;
  lessonId: string;
  /** Read by markdown-it-footnote: anchors become `fn-<lang>-<lesson>-<n>`. */
  docId: string;
  glossary: ReadonlyMap<string, GlossaryTerm>;
  /** Counts glossary marks so each popover gets a page-unique id. */
  termCount: number;
}

export function createRenderEnv(
  lang: Lang,
  lessonId: string,
  glossary: ReadonlyMap<string, GlossaryTerm>,
): RenderEnv {
  return { lang, lessonId, docId: `${lang}-${lessonId}`, glossary, termCount: 0 };
}

export function isRenderEnv(env: unknown): env is RenderEnv {
  return typeof env === "object" && env !== null && "lang" in env && "glossary" in env;
}

/** markdown-it's typings export the constructor, not the instance interface. */
export type Markdown = InstanceType<typeof MarkdownIt>;
/** Derived from the instance so every file agrees with the typings markdown-it resolves to. */
export type MdToken = ReturnType<Markdown["parse"]>[number];
export type MdEnv = NonNullable<Parameters<Markdown["parse"]>[1]>;
export type InlineRule = Parameters<Markdown["inline"]["ruler"]["before"]>[2];
