// The Spanish namespaces the browser uses: every one but `email` (server-only). One
// chunk per language (browser-resources.ts); the server uses ../index.ts.
import { admin } from "./admin.ts";
import { auth } from "./auth.ts";
import { common } from "./common.ts";
import { content } from "./content.ts";
import { errors } from "./errors.ts";
import { learning } from "./learning.ts";
import { privacy } from "./privacy.ts";
import { quiz } from "./quiz.ts";
import { stats } from "./stats.ts";
import { workspace } from "./workspace.ts";

export const browser = { common, errors, auth, admin, privacy, quiz, learning, workspace, stats, content };
