// Every Spanish namespace: the server's resources (index.ts); the browser loads the namespace
// files one by one (browser-resources.ts). Typed against English: a namespace or key missing
// here fails the typecheck.
import type { en } from "./strings-en.ts";
import { admin } from "./es/admin.ts";
import { auth } from "./es/auth.ts";
import { common } from "./es/common.ts";
import { content } from "./es/content.ts";
import { credentials } from "./es/credentials.ts";
import { email } from "./es/email.ts";
import { errors } from "./es/errors.ts";
import { learning } from "./es/learning.ts";
import { orgImport } from "./es/orgImport.ts";
import { orgs } from "./es/orgs.ts";
import { privacy } from "./es/privacy.ts";
import { quiz } from "./es/quiz.ts";
import { stats } from "./es/stats.ts";
import { workspace } from "./es/workspace.ts";
import { vetting } from "./es/vetting.ts";
import { sharing } from "./es/sharing.ts";
import { readiness } from "./es/readiness.ts";

export const es = {
  common,
  errors,
  auth,
  email,
  admin,
  privacy,
  quiz,
  learning,
  workspace,
  stats,
  content,
  orgs,
  orgImport,
  credentials,
  readiness,
  vetting,
  sharing,
} satisfies Record<keyof typeof en, unknown>;
