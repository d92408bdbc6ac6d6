// `[[term-id]]` and `[[term-id|shown words]]` → a native popover disclosure.
//
// Why this markup: the popover API gives keyboard and light-dismiss behavior with no
// client JavaScript. Browsers expose a `popovertarget` button as expanded/collapsed.
// The popover is a non-modal dialog: `autofocus` on it (a global attribute) makes the
// browser move focus into it when it opens, so a screen reader announces "dialog,
// <term>" and reads the definition; Escape or the Close button returns focus to the
// term. Everything is a <span>/<button> so the mark stays valid phrasing content in a <p>.
import { otherLang } from "~/modules/i18n/index.ts";
import { translatorFor } from "~/modules/i18n/index.server.ts";
import { isRenderEnv, type InlineRule, type Markdown, type RenderEnv } from "./render-env.ts";

export type TermMeta = {
  id: string;
  /** The author's words after `|`, if any. */
  text: string | undefined;
  n: number;
  /** Newlines between the start of the inline block and the mark. */
  lineOffset: number;
};

export function isTermMeta(meta: unknown): meta is TermMeta {
  return typeof meta === "object" && meta !== null && "id" in meta && "n" in meta;
}

export function glossaryMarks(md: Markdown): void {
  md.inline.ruler.before("link", "glossary_term", parseMark);
  md.renderer.rules.glossary_term = (tokens, idx, _options, env: unknown) => {
    const meta: unknown = tokens[idx]?.meta;
    if (!isTermMeta(meta) || !isRenderEnv(env)) return "";
    return renderMark(meta, env, md.utils.escapeHtml);
  };
}

const parseMark: InlineRule = (state, silent) => {
  const start = state.pos;
  if (!state.src.startsWith("[[", start)) return false;
  const end = state.src.indexOf("]]", start + 2);
  if (end < 0) return false;
  const inner = state.src.slice(start + 2, end);
  const bar = inner.indexOf("|");
  // protectMarkPipes() may have written the separator as `\|`; drop the backslash.
  const id = (bar < 0 ? inner : inner.slice(0, bar)).replace(/\\$/, "").trim();
  if (id === "" || /[\s[\]]/.test(id)) return false;
  if (!silent) {
    const env: unknown = state.env;
    const n = isRenderEnv(env) ? ++env.termCount : 0;
    const token = state.push("glossary_term", "", 0);
    const meta: TermMeta = {
      id,
      text:
        bar < 0
          ? undefined
          : inner
              .slice(bar + 1)
              .replace(/\s+/g, " ")
              .trim(),
      n,
      lineOffset: countNewlines(state.src.slice(0, start)),
    };
    token.meta = meta;
  }
  state.pos = end + 2;
  return true;
};

const MARK_WITH_TEXT = /\[\[([^\]|\n\\]+)\|([^\]\n]*)\]\]/g;

/**
 * The table parser splits rows at every `|`, including the one in `[[id|text]]`, and then
 * drops the surplus cells. Escaping it as `\|` (the GFM way) keeps the mark in one cell;
 * the mark rule accepts both forms. Line count is unchanged, so line numbers still hold.
 */
export function protectMarkPipes(body: string): string {
  let inCode = false;
  return body
    .split("\n")
    .map((line) => {
      if (/^\s{0,3}(```|~~~)/.test(line)) inCode = !inCode;
      return inCode ? line : line.replace(MARK_WITH_TEXT, "[[$1\\|$2]]");
    })
    .join("\n");
}

function countNewlines(text: string): number {
  return text.split("\n").length - 1;
}

/** The words a mark shows: the author's, else the term's name in the page language. */
export function markText(meta: TermMeta, env: RenderEnv): string {
  return meta.text || env.glossary.get(meta.id)?.[env.lang].term || meta.id;
}

export function popoverId(env: RenderEnv, n: number): string {
  return `gl-${env.lang}-${env.lessonId}-${n}`;
}

function renderMark(meta: TermMeta, env: RenderEnv, escape: (s: string) => string): string {
  const term = env.glossary.get(meta.id);
  const shown = escape(markText(meta, env));
  if (!term) return shown;
  const id = popoverId(env, meta.n);
  const t = translatorFor(env.lang);
  const other = otherLang(env.lang);
  return (
    `<button type="button" class="term" popovertarget="${id}" aria-haspopup="dialog" data-term="${escape(term.id)}">${shown}</button>` +
    `<span popover id="${id}" class="term-popover" role="dialog" aria-labelledby="${id}-name" tabindex="-1" autofocus>` +
    `<span class="term-popover__name" id="${id}-name">${escape(term[env.lang].term)}</span> ` +
    `<span class="term-popover__definition">${escape(term[env.lang].definition)}</span> ` +
    `<span class="term-popover__other">${escape(t("content:render.otherLanguageTerm"))} <span lang="${other}">${escape(term[other].term)}</span></span> ` +
    `<span class="term-popover__jurisdiction">${escape(t("content:render.jurisdiction"))} ${escape(t(`content:jurisdiction.${term.jurisdiction}`))}</span> ` +
    `<button type="button" class="term-popover__close" popovertarget="${id}" popovertargetaction="hide">${escape(t("content:render.close"))}</button>` +
    `</span>`
  );
}
