// Plain text out of markdown-it tokens: what search, snippets, word counts and the
// figure comparison read. Footnote markers and markup are left out.
import { isTermMeta, markText } from "./glossary-marks.server.ts";
import type { MdToken, RenderEnv } from "./render-env.ts";

export function inlineText(children: readonly MdToken[] | null, env: RenderEnv): string {
  let text = "";
  for (const child of children ?? []) {
    if (child.type === "text" || child.type === "code_inline") text += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
    else if (child.type === "image") text += inlineText(child.children, env);
    else if (child.type === "glossary_term" && isTermMeta(child.meta)) text += markText(child.meta, env);
  }
  return text;
}

/** Block tokens → text, one line per paragraph, cell or code block. */
export function blocksText(tokens: readonly MdToken[], env: RenderEnv): string {
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.type === "inline") parts.push(inlineText(token.children, env));
    else if (token.type === "fence" || token.type === "code_block") parts.push(token.content);
  }
  return parts
    .map((part) => part.replace(/\s+/g, " ").trim())
    .filter((part) => part !== "")
    .join("\n");
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}
