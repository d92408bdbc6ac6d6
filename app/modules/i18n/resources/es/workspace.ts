import type { Translation } from "../../types.ts";
import type { workspace as en } from "../en/workspace.ts";

export const workspace: Translation<typeof en> = {
  placeholder: "—",
};
