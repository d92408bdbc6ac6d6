import type { Translation } from "../../types.ts";
import type { admin as en } from "../en/admin.ts";

export const admin: Translation<typeof en> = {
  title: "Administración",
};
