// Browser-safe constants: the UI and the server renderer both read these, so the
// labels a learner sees around content are defined once, in both languages.

import type { Lang } from "~/modules/i18n/index.ts";

export const LANG_NAMES: Record<Lang, string> = { en: "English", es: "Spanish" };

export const CALLOUT_KINDS = ["red-flag", "legal-note", "example", "key-point"] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

export const CALLOUT_LABELS: Record<CalloutKind, Record<Lang, string>> = {
  "red-flag": { en: "Red flag", es: "Señal de alerta" },
  "legal-note": { en: "Legal note", es: "Nota jurídica" },
  example: { en: "Example", es: "Ejemplo" },
  "key-point": { en: "Key point", es: "Idea clave" },
};

export const JURISDICTIONS = ["us", "mx", "intl", "both"] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const JURISDICTION_LABELS: Record<Jurisdiction, Record<Lang, string>> = {
  us: { en: "United States", es: "Estados Unidos" },
  mx: { en: "Mexico", es: "México" },
  intl: { en: "International", es: "Internacional" },
  both: { en: "United States and Mexico", es: "Estados Unidos y México" },
};

/** Small strings the rendered lesson HTML carries (popovers, tables, footnotes). */
export const RENDER_LABELS: Record<
  Lang,
  {
    otherLanguageTerm: string;
    jurisdiction: string;
    close: string;
    scrollableTable: string;
    footnotes: string;
    backToReference: (n: string) => string;
  }
> = {
  en: {
    otherLanguageTerm: "In Spanish:",
    jurisdiction: "Jurisdiction:",
    close: "Close",
    scrollableTable: "Table (scrolls sideways)",
    footnotes: "Sources cited",
    backToReference: (n) => `Back to reference ${n}`,
  },
  es: {
    otherLanguageTerm: "En inglés:",
    jurisdiction: "Jurisdicción:",
    close: "Cerrar",
    scrollableTable: "Tabla (se desplaza horizontalmente)",
    footnotes: "Fuentes citadas",
    backToReference: (n) => `Volver a la referencia ${n}`,
  },
};
