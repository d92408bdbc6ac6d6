import type { Translation } from "../../types.ts";
import type { content as en } from "../en/content.ts";

export const content: Translation<typeof en> = {
  callout: {
    "red-flag": "Señal de alerta",
    "legal-note": "Nota jurídica",
    example: "Ejemplo",
    "key-point": "Idea clave",
  },
  jurisdiction: {
    us: "Estados Unidos",
    mx: "México",
    intl: "Internacional",
    both: "Estados Unidos y México",
  },
  render: {
    otherLanguageTerm: "En inglés:",
    jurisdiction: "Jurisdicción:",
    close: "Cerrar",
    scrollableTable: "Tabla (se desplaza horizontalmente)",
    footnotes: "Fuentes citadas",
    backToReference: "Volver a la referencia {{n}}",
  },
};
