// The validated content model. Plain data only (arrays, no Maps) so it serializes to
// JSON for `content:export` and for Remix loaders unchanged.
import type { Lang } from "~/modules/i18n/index.ts";
import type { Jurisdiction } from "./kinds.ts";
import type { AUDIENCES } from "./schema.ts";
import type { QuizItem, QuizSettings } from "./quiz-schema.ts";

export type { Jurisdiction } from "./kinds.ts";
export type { Lang } from "~/modules/i18n/index.ts";
export type { ItemType, QuizItem, QuizSubItem, QuizSettings, ReviewPolicy } from "./quiz-schema.ts";

export type Localized = Record<Lang, string>;
export type Audience = (typeof AUDIENCES)[number];

export interface Problem {
  /** Path relative to the content directory, with forward slashes. */
  file: string;
  /** 1-based line in that file. */
  line: number;
  message: string;
}

export interface Course {
  id: string;
  title: Localized;
  summary: Localized;
  audience: Audience[];
  open: boolean;
  modules: string[];
  completion: {
    /** True when the course file says `lessons: all`. */
    allLessons: boolean;
    /** Resolved lesson ids, in reading order. */
    lessons: string[];
    quizzes: string[];
  };
}

export interface Module {
  id: string;
  title: Localized;
  summary: Localized;
  lessons: string[];
  quiz: string | null;
}

export interface LessonSection {
  /** Shared by both languages; the side-by-side view aligns on it. */
  id: string;
  /** Plain text of the `##` heading without its `{#id}`. */
  title: string;
  /** Rendered body of the section (the heading itself is not included). */
  html: string;
  /** Plain text of the body, for search, snippets and word counts. */
  text: string;
}

export interface LessonFootnote {
  /** The author's key: `ctr` in `[^ctr]`. */
  key: string;
  /** Id of the `<li>` in footnotesHtml, e.g. `fn-en-<lesson>-1`. */
  anchorId: string;
  text: string;
}

export interface LessonText {
  lang: Lang;
  title: string;
  objectives: string[];
  sections: LessonSection[];
  footnotes: LessonFootnote[];
  /** `<section class="footnotes">…</section>`, or "" when the lesson cites nothing. */
  footnotesHtml: string;
  /** Glossary term ids marked in this language, in first-use order. */
  terms: string[];
  words: number;
}

/** A dated "what changed" note; learners who completed the lesson before `date` see it. */
export interface LessonChange {
  /** `YYYY-MM-DD`. */
  date: string;
  note: Localized;
}

export interface Lesson {
  id: string;
  moduleId: string;
  minutes: number;
  /** `YYYY-MM-DD` the law in this lesson was last checked, backed by reviews/<module>.yaml; null until reviewed. */
  reviewed: string | null;
  /** Oldest first. */
  changes: LessonChange[];
  en: LessonText;
  es: LessonText;
}

export interface Quiz {
  id: string;
  moduleId: string;
  title: Localized;
  settings: QuizSettings;
  items: QuizItem[];
}

export interface GlossaryTerm {
  id: string;
  jurisdiction: Jurisdiction;
  en: { term: string; definition: string };
  es: { term: string; definition: string };
  see: string[];
}

export interface Achievement {
  id: string;
  name: Localized;
  description: Localized;
  criteria: Localized;
  courses: string[];
  validityMonths: number;
  recertifyWindowDays: number;
  /** Hours of instruction the credential states (never an accreditation). */
  hours: number;
}

export interface CheckType {
  id: string;
  name: Localized;
  description: Localized;
}

export interface VettingProfile {
  id: string;
  name: Localized;
  description: Localized;
  audience: Audience;
  credentials: string[];
  checks: { type: string; validityMonths: number }[];
}

export interface ContentModel {
  /** Short sha256 over every content file path and its bytes. */
  version: string;
  courses: Course[];
  modules: Module[];
  lessons: Lesson[];
  quizzes: Quiz[];
  glossary: GlossaryTerm[];
  achievements: Achievement[];
  checkTypes: CheckType[];
  profiles: VettingProfile[];
}

/** Reported by content:check without making the content invalid. */
export interface Notice extends Problem {
  /** True when `content:check --strict` fails on it. */
  strict: boolean;
}

export type LoadResult =
  | { model: ContentModel; problems: []; notices: Notice[] }
  | { model: null; problems: Problem[]; notices: Notice[] };
