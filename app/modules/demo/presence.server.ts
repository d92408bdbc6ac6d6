// Whether demo accounts exist, for the banner on every page. Asked once per half minute per
// process, not per request; `npm run demo:remove` in another process shows within that time.
import { db } from "~/modules/db/index.server.ts";
import { DEMO_EMAIL_DOMAIN } from "./policy.server.ts";

const TTL_MS = 30_000;

let known: { exists: boolean; at: number } | null = null;
let asking: Promise<boolean> | null = null;

export function demoAccountsExist(): Promise<boolean> {
  if (known && Date.now() - known.at < TTL_MS) return Promise.resolve(known.exists);
  asking ??= db.user
    .findFirst({ where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` } }, select: { id: true } })
    .then((found) => {
      known = { exists: found !== null, at: Date.now() };
      return known.exists;
    })
    .finally(() => {
      asking = null;
    });
  return asking;
}

/** After seeding or removing in this process, the next question goes to the database. */
export function forgetDemoPresence(): void {
  known = null;
}
