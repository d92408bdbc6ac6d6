// The English namespaces the browser uses: every one but `email` (server-only). One
// chunk per language (browser-resources.ts); the server uses index.ts.
import { admin } from "./en/admin.ts";
import { auth } from "./en/auth.ts";
import { common } from "./en/common.ts";
import { content } from "./en/content.ts";
import { credentials } from "./en/credentials.ts";
import { errors } from "./en/errors.ts";
import { learning } from "./en/learning.ts";
import { orgImport } from "./en/orgImport.ts";
import { orgs } from "./en/orgs.ts";
import { privacy } from "./en/privacy.ts";
import { quiz } from "./en/quiz.ts";
import { stats } from "./en/stats.ts";
import { workspace } from "./en/workspace.ts";

export const browser = {
  common,
  errors,
  auth,
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
};
