import type { Translation } from "../../types.ts";
import type { privacy as en } from "../en/privacy.ts";

export const privacy: Translation<typeof en> = {
  title: "Aviso de privacidad",
};
