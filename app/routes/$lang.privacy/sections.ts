// The order the notices' sections are shown in. Typed against the English resource, and
// privacy.test.ts checks that every section of both languages is listed exactly once.
import type { en } from "~/modules/i18n/index.ts";

export type NoticeId = "mx" | "us";
export type NoticeSection = {
  heading: string;
  body: readonly string[];
  items?: readonly string[];
  after?: readonly string[];
};

export const SECTION_ORDER = {
  mx: [
    "controller",
    "data",
    "sensitive",
    "purposes",
    "refuse",
    "retention",
    "access",
    "transfers",
    "arco",
    "revoke",
    "cookies",
    "security",
    "changes",
    "authority",
    "consent",
  ],
  us: [
    "whoWeAre",
    "collect",
    "use",
    "share",
    "sell",
    "retention",
    "rights",
    "cookies",
    "security",
    "education",
    "children",
    "international",
    "changes",
    "contact",
  ],
} as const satisfies { [N in NoticeId]: readonly (keyof (typeof en.privacy)[N]["sections"])[] };

/** When the notice last changed; shown on the page and updated with every change to it. */
export const NOTICE_UPDATED = "2026-12-05T12:00:00Z";

/** Mexican readers see the aviso first; everyone else the US notice first. */
export function noticeOrder(lang: "en" | "es"): NoticeId[] {
  return lang === "es" ? ["mx", "us"] : ["us", "mx"];
}
