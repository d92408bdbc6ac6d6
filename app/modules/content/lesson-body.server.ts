// Renders one lesson body in one language and splits it into `##` sections. All lines
// here are 0-based within the body; the caller adds the body's first file line.
import { scanCallouts, type LineIssue } from "./callout-scan.ts";
import { isTermMeta, protectMarkPipes } from "./glossary-marks.server.ts";
import { blocksText, inlineText } from "./plain-text.server.ts";
import type { Markdown, MdToken, RenderEnv } from "./render-env.ts";
import { KEBAB_CASE } from "./schema.ts";
import type { LessonFootnote, LessonSection } from "./types.ts";

const HEADING_ID = /\s*\{#([^}]*)\}\s*$/;
const UNRESOLVED_FOOTNOTE = /\[\^([^\]\s]+)\]/;

export interface BodySection extends LessonSection {
  /** "" when the heading carries no `{#id}` (already reported); see hasId. */
  id: string;
  hasId: boolean;
  line: number;
}

export interface RenderedBody {
  sections: BodySection[];
  footnotes: LessonFootnote[];
  footnotesHtml: string;
  footnotesText: string;
  footnotesLine: number | null;
  terms: { id: string; line: number }[];
  problems: LineIssue[];
}

export function renderBody(md: Markdown, body: string, env: RenderEnv): RenderedBody {
  const problems = scanCallouts(body);
  const tokens = md.parse(protectMarkPipes(body), env);
  const footStart = tokens.findIndex((token) => token.type === "footnote_block_open");
  const main = footStart < 0 ? tokens : tokens.slice(0, footStart);
  const notes = footStart < 0 ? [] : tokens.slice(footStart);
  const drafts = splitSections(main, env, problems);
  const sections = drafts.map(({ tokens: own, ...section }) => ({
    ...section,
    html: md.renderer.render(own, md.options, env),
    text: blocksText(own, env),
  }));
  if (sections.length === 0) problems.push({ line: 0, message: "a lesson needs at least one ## section" });
  return {
    sections,
    footnotes: footnoteList(notes, env),
    footnotesHtml: notes.length > 0 ? md.renderer.render(notes, md.options, env) : "",
    footnotesText: blocksText(notes, env),
    footnotesLine: notes.find((token) => token.map)?.map?.[0] ?? null,
    terms: inlineChecks(tokens, problems),
    problems: [...problems, ...uncitedFootnotes(body, env)],
  };
}

type Draft = Omit<BodySection, "html" | "text"> & { tokens: MdToken[] };

function splitSections(tokens: readonly MdToken[], env: RenderEnv, problems: LineIssue[]): Draft[] {
  const drafts: Draft[] = [];
  let reportedLooseText = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const line = token.map?.[0] ?? 0;
    if (token.type === "heading_open" && token.tag === "h2" && token.level === 0) {
      drafts.push(headingDraft(tokens[i + 1], line, env, problems));
      i += 2;
      continue;
    }
    if (token.type === "heading_open" && token.tag === "h1") {
      problems.push({ line, message: "use ## for sections; the lesson title comes from the front matter" });
    } else if (token.type === "heading_open" && token.tag === "h2") {
      problems.push({ line, message: "a ## heading must not sit inside a callout or list" });
    }
    const current = drafts[drafts.length - 1];
    if (current) current.tokens.push(token);
    else if (!reportedLooseText) {
      problems.push({ line, message: "text before the first ## heading is not allowed" });
      reportedLooseText = true;
    }
  }
  return drafts;
}

function headingDraft(inline: MdToken | undefined, line: number, env: RenderEnv, problems: LineIssue[]): Draft {
  const raw = inlineText(inline?.children ?? null, env);
  const id = HEADING_ID.exec(raw)?.[1]?.trim() ?? "";
  const title = raw.replace(HEADING_ID, "").trim();
  if (id === "") {
    problems.push({ line, message: `## heading "${title}" needs an id: add {#section-id}` });
  } else if (!KEBAB_CASE.test(id)) {
    problems.push({ line, message: `section id "${id}" is not lowercase kebab-case` });
  }
  return { id, hasId: id !== "", title, line, tokens: [] };
}

/** Glossary marks (with their exact line), marks inside link text, footnotes without a definition. */
function inlineChecks(tokens: readonly MdToken[], problems: LineIssue[]): { id: string; line: number }[] {
  const terms: { id: string; line: number }[] = [];
  let line = 0;
  for (const token of tokens) {
    line = token.map?.[0] ?? line;
    if (token.type !== "inline") continue;
    let offset = 0;
    let previous: MdToken | undefined;
    for (const child of token.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") offset++;
      if (child.type === "glossary_term" && isTermMeta(child.meta)) {
        terms.push({ id: child.meta.id, line: line + child.meta.lineOffset });
      }
      // markdown-it allows nothing bracketed inside link text, so `[see [[x]]](url)` is no
      // link at all: the mark wins and "](url)" is left showing as text.
      if (
        child.type === "text" &&
        child.content.startsWith("](") &&
        previous?.type === "glossary_term" &&
        isTermMeta(previous.meta)
      ) {
        problems.push({
          line: line + previous.meta.lineOffset,
          message: `glossary mark [[${previous.meta.id}]] cannot sit inside link text`,
        });
      }
      const unresolved = child.type === "text" ? UNRESOLVED_FOOTNOTE.exec(child.content) : null;
      if (unresolved) problems.push({ line: line + offset, message: `footnote [^${unresolved[1]}] has no definition` });
      previous = child;
    }
  }
  return terms;
}

function footnoteList(tokens: readonly MdToken[], env: RenderEnv): LessonFootnote[] {
  const list: LessonFootnote[] = [];
  let start = -1;
  tokens.forEach((token, index) => {
    if (token.type === "footnote_open") start = index;
    if (token.type !== "footnote_close" || start < 0) return;
    const meta = tokens[start]?.meta as { id: number; label?: string } | undefined;
    const n = (meta?.id ?? list.length) + 1;
    list.push({
      key: meta?.label ?? String(n),
      anchorId: `fn-${env.docId}-${n}`,
      text: blocksText(tokens.slice(start + 1, index), env),
    });
  });
  return list;
}

function uncitedFootnotes(body: string, env: RenderEnv): LineIssue[] {
  const refs = (env as { footnotes?: { refs?: Record<string, number> } }).footnotes?.refs ?? {};
  const issues: LineIssue[] = [];
  body.split("\n").forEach((text, line) => {
    const label = /^\s{0,3}\[\^([^\]\s]+)\]:/.exec(text)?.[1];
    if (label !== undefined && refs[`:${label}`] === -1) {
      issues.push({ line, message: `footnote [^${label}] is defined but never cited` });
    }
  });
  return issues;
}
