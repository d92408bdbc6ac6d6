// Every namespace of both languages. Spanish files are typed against English ones, so a key
// missing in Spanish fails the typecheck; resources.test.ts also compares the key sets.
import { admin as enAdmin } from "./en/admin.ts";
import { auth as enAuth } from "./en/auth.ts";
import { common as enCommon } from "./en/common.ts";
import { email as enEmail } from "./en/email.ts";
import { errors as enErrors } from "./en/errors.ts";
import { privacy as enPrivacy } from "./en/privacy.ts";
import { quiz as enQuiz } from "./en/quiz.ts";
import { learning as enLearning } from "./en/learning.ts";
import { workspace as enWorkspace } from "./en/workspace.ts";
import { stats as enStats } from "./en/stats.ts";
import { content as enContent } from "./en/content.ts";
import { orgs as enOrgs } from "./en/orgs.ts";
import { orgImport as enOrgImport } from "./en/orgImport.ts";
import { credentials as enCredentials } from "./en/credentials.ts";
import { sharing as enSharing } from "./en/sharing.ts";
import { vetting as enVetting } from "./en/vetting.ts";
import { admin as esAdmin } from "./es/admin.ts";
import { auth as esAuth } from "./es/auth.ts";
import { common as esCommon } from "./es/common.ts";
import { email as esEmail } from "./es/email.ts";
import { errors as esErrors } from "./es/errors.ts";
import { privacy as esPrivacy } from "./es/privacy.ts";
import { quiz as esQuiz } from "./es/quiz.ts";
import { learning as esLearning } from "./es/learning.ts";
import { workspace as esWorkspace } from "./es/workspace.ts";
import { stats as esStats } from "./es/stats.ts";
import { content as esContent } from "./es/content.ts";
import { orgs as esOrgs } from "./es/orgs.ts";
import { orgImport as esOrgImport } from "./es/orgImport.ts";
import { credentials as esCredentials } from "./es/credentials.ts";
import { sharing as esSharing } from "./es/sharing.ts";
import { vetting as esVetting } from "./es/vetting.ts";

export const en = {
  common: enCommon,
  errors: enErrors,
  auth: enAuth,
  email: enEmail,
  admin: enAdmin,
  privacy: enPrivacy,
  quiz: enQuiz,
  learning: enLearning,
  workspace: enWorkspace,
  stats: enStats,
  content: enContent,
  orgs: enOrgs,
  orgImport: enOrgImport,
  credentials: enCredentials,
  sharing: enSharing,
  vetting: enVetting,
};

export const es = {
  common: esCommon,
  errors: esErrors,
  auth: esAuth,
  email: esEmail,
  admin: esAdmin,
  privacy: esPrivacy,
  quiz: esQuiz,
  learning: esLearning,
  workspace: esWorkspace,
  stats: esStats,
  content: esContent,
  orgs: esOrgs,
  orgImport: esOrgImport,
  credentials: esCredentials,
  sharing: esSharing,
  vetting: esVetting,
} satisfies Record<keyof typeof en, unknown>;

export const resources = { en, es };
export type Namespace = keyof typeof en;
export const NAMESPACES = Object.keys(en) as Namespace[];
