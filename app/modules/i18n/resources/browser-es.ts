// The Spanish namespaces the browser uses: every one but `email` (server-only). One
// chunk per language (browser-resources.ts); the server uses index.ts.
import { admin } from "./es/admin.ts";
import { auth } from "./es/auth.ts";
import { common } from "./es/common.ts";
import { content } from "./es/content.ts";
import { credentials } from "./es/credentials.ts";
import { errors } from "./es/errors.ts";
import { learning } from "./es/learning.ts";
import { orgImport } from "./es/orgImport.ts";
import { orgs } from "./es/orgs.ts";
import { privacy } from "./es/privacy.ts";
import { quiz } from "./es/quiz.ts";
import { stats } from "./es/stats.ts";
import { workspace } from "./es/workspace.ts";

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
