// Shared by the renderer tests: render a Markdown body the way lessons are rendered.
import { createMarkdown } from "./markdown.server.ts";
import { renderBody } from "./lesson-body.server.ts";
import { createRenderEnv } from "./render-env.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import type { GlossaryTerm } from "./types.ts";

export const placement: GlossaryTerm = {
  id: "placement",
  jurisdiction: "intl",
  en: { term: "Placement", definition: "First stage: cash enters the system." },
  es: { term: "Colocación", definition: "Primera etapa: el efectivo entra al sistema." },
  see: [],
};

export function render(body: string, lang: Lang = "en", lessonId = "demo") {
  const glossary = new Map([[placement.id, placement]]);
  return renderBody(createMarkdown(), body, createRenderEnv(lang, lessonId, glossary));
}

export function sectionHtml(body: string, lang: Lang = "en"): string {
  return render(`## Section {#s}\n\n${body}`, lang).sections[0]?.html ?? "";
}
