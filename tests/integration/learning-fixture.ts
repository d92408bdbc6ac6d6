// Content for the learning tests: the valid fixture tree plus a closed course with a module
// of its own, so tests can read a lesson that belongs to another course.
import { buildTree, type Edit } from "../fixtures/content/tree.ts";

const lesson = (lang: "en" | "es") =>
  lang === "en"
    ? `---
id: field-notes
title: Field notes
minutes: 5
objectives:
  - Keep notes a partner agency can read.
---

## Why notes matter {#why-notes}

Notes written on the day of a [[placement]] are evidence.

## Sources {#sources}

- Internal guidance.
`
    : `---
id: field-notes
title: Notas de campo
minutes: 5
objectives:
  - Llevar notas que la agencia contraparte pueda leer.
---

## Por qué importan las notas {#why-notes}

Las notas escritas el día de una [[placement]] son evidencia.

## Fuentes {#sources}

- Lineamientos internos.
`;

export const CLOSED_COURSE_EDITS: Edit[] = [
  {
    file: "courses/closed-basics.yaml",
    write: `id: closed-basics
title:
  en: Closed basics
  es: Fundamentos cerrados
summary:
  en: Only for people enrolled by their organisation.
  es: Solo para personas inscritas por su organización.
audience: [agents]
open: false
modules: [m2-field]
completion:
  lessons: all
  quizzes: []
`,
  },
  {
    file: "modules/m2-field/module.yaml",
    write: `id: m2-field
title:
  en: Field work
  es: Trabajo de campo
summary:
  en: Notes and evidence.
  es: Notas y evidencia.
lessons: [field-notes]
`,
  },
  { file: "modules/m2-field/field-notes.en.md", write: lesson("en") },
  { file: "modules/m2-field/field-notes.es.md", write: lesson("es") },
];

/** Builds the tree and points the content module at it (CONTENT_DIR is read on each access). */
export function installLearningContent(extra: Edit[] = []): string {
  const dir = buildTree([...CLOSED_COURSE_EDITS, ...extra]);
  process.env.CONTENT_DIR = dir;
  return dir;
}
