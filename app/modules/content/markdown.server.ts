// The one markdown-it configuration lessons are rendered with. Safety first: raw HTML is
// off (it shows as text), links are limited to http(s), mailto and relative URLs.
import MarkdownIt from "markdown-it";
import container from "markdown-it-container";
import footnote from "markdown-it-footnote";
import { translatorFor } from "~/modules/i18n/index.server.ts";
import { CALLOUT_KINDS, type CalloutKind } from "./kinds.ts";
import { glossaryMarks } from "./glossary-marks.server.ts";
import { isRenderEnv, type Markdown, type MdToken } from "./render-env.ts";

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);

export function isSafeUrl(url: string): boolean {
  // Control characters and whitespace can hide a scheme from the test below.
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, "");
  const scheme = SCHEME.exec(compact)?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
}

/** The translator of the language being rendered (labels are in the i18n `content` namespace). */
function tFor(env: unknown) {
  return translatorFor(isRenderEnv(env) ? env.lang : "en");
}

export function createMarkdown(): Markdown {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = isSafeUrl;
  md.use(footnote);
  md.use(glossaryMarks);
  for (const kind of CALLOUT_KINDS) {
    md.use(container, kind, { validate: (params: string) => params.trim() === kind, render: calloutRule(kind) });
  }
  scrollableTables(md);
  translatedFootnotes(md);
  return md;
}

function calloutRule(kind: CalloutKind) {
  return (tokens: MdToken[], idx: number, _options: unknown, env: unknown): string => {
    if (tokens[idx]?.nesting !== 1) return "</aside>\n";
    const label = tFor(env)(`content:callout.${kind}`);
    // The visible label is hidden from screen readers: the aside's name already says it.
    return `<aside class="callout callout--${kind}" aria-label="${label}"><p class="callout__label" aria-hidden="true">${label}</p>\n`;
  };
}

// Wide tables scroll inside their own box on phones instead of widening the page; the
// box is focusable and named so keyboard users can scroll it too.
function scrollableTables(md: Markdown): void {
  md.renderer.rules.table_open = (_tokens, _idx, _options, env: unknown) => {
    const label = tFor(env)("content:render.scrollableTable");
    return `<div class="table-scroll" role="region" tabindex="0" aria-label="${label}">\n<table>\n`;
  };
  md.renderer.rules.table_close = () => "</table>\n</div>\n";
}

function translatedFootnotes(md: Markdown): void {
  md.renderer.rules.footnote_block_open = (_tokens, _idx, _options, env: unknown) => {
    const label = tFor(env)("content:render.footnotes");
    return `<section class="footnotes" aria-label="${label}">\n<ol class="footnotes-list">\n`;
  };
  md.renderer.rules.footnote_anchor = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const anchorName = self.rules.footnote_anchor_name;
    if (!token || !anchorName) return "";
    const meta = token.meta as { id: number; subId: number };
    const id = anchorName(tokens, idx, options, env, self) + (meta.subId > 0 ? `:${meta.subId}` : "");
    const label = tFor(env)("content:render.backToReference", { n: String(meta.id + 1) });
    return ` <a href="#fnref${id}" class="footnote-backref" aria-label="${label}">\u21a9\uFE0E</a>`;
  };
}
