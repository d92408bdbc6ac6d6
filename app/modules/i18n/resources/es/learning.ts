import type { Translation } from "../../types.ts";
import type { learning as en } from "../en/learning.ts";

export const learning: Translation<typeof en> = {
  placeholder: "—",
};
