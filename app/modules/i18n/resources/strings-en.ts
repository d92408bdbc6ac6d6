// Every English namespace: the server's resources (index.ts). The browser's chunks are these
// namespace files one by one (browser-resources.ts, whose table the typecheck holds to this
// object's keys). Spanish (strings-es.ts) must list the same namespaces (typecheck,
// resources.test.ts).
import { admin } from "./en/admin.ts";
import { auth } from "./en/auth.ts";
import { common } from "./en/common.ts";
import { content } from "./en/content.ts";
import { credentials } from "./en/credentials.ts";
import { email } from "./en/email.ts";
import { errors } from "./en/errors.ts";
import { learning } from "./en/learning.ts";
import { orgImport } from "./en/orgImport.ts";
import { orgs } from "./en/orgs.ts";
import { privacy } from "./en/privacy.ts";
import { quiz } from "./en/quiz.ts";
import { stats } from "./en/stats.ts";
import { workspace } from "./en/workspace.ts";
import { vetting } from "./en/vetting.ts";
import { sharing } from "./en/sharing.ts";
import { readiness } from "./en/readiness.ts";

export const en = {
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
};
