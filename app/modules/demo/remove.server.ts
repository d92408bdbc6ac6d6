// `npm run demo:remove`: deletes every demo account and what it owns. Deleting a user
// cascades to its sessions, memberships and roles, email tokens, enrolments, lesson progress
// and quiz attempts with their responses; the rows below have no foreign key to the user.
// Audit events stay: they name people by id, so the chain is unchanged.
import { forgetMailLimits, forgetSignInAttempts } from "~/modules/auth/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { DEMO_ORGS } from "./demo-data.server.ts";
import { DEMO_EMAIL_DOMAIN } from "./policy.server.ts";
import { forgetDemoPresence } from "./presence.server.ts";

const ACCOUNTS_PER_STATEMENT = 200;

export type DemoRemoval = { accounts: number; organizations: number };

export async function removeDemoData(): Promise<DemoRemoval> {
  const users = await db.user.findMany({
    where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` } },
    select: { id: true, email: true },
  });
  const ids = users.map((u) => u.id);
  // A few parameters per account: in chunks, under SQLite's limit on one statement's parameters.
  for (let i = 0; i < users.length; i += ACCOUNTS_PER_STATEMENT) {
    const chunk = users.slice(i, i + ACCOUNTS_PER_STATEMENT);
    await forgetSignInAttempts(chunk.map((u) => u.email));
    await forgetMailLimits(chunk);
  }
  const demoOrgs = await db.organization.findMany({
    where: { slug: { in: DEMO_ORGS.map((o) => o.slug) } },
    select: { id: true },
  });
  const [, , removedUsers, removedOrgs] = await db.$transaction([
    db.quizAccommodation.deleteMany({ where: { userId: { in: ids } } }),
    db.vettingCheck.deleteMany({ where: { userId: { in: ids } } }),
    db.user.deleteMany({ where: { id: { in: ids } } }),
    // A demo organization a real person has joined since stays, with that person.
    db.organization.deleteMany({ where: { slug: { in: DEMO_ORGS.map((o) => o.slug) }, memberships: { none: {} } } }),
  ]);
  // Sharing agreements name organizations without a foreign key: those of removed ones go too.
  const kept = new Set(
    (await db.organization.findMany({ where: { id: { in: demoOrgs.map((o) => o.id) } }, select: { id: true } })).map(
      (o) => o.id,
    ),
  );
  const gone = demoOrgs.map((o) => o.id).filter((id) => !kept.has(id));
  await db.sharingAgreement.deleteMany({
    where: { OR: [{ grantorOrgId: { in: gone } }, { granteeOrgId: { in: gone } }] },
  });
  forgetDemoPresence();
  return { accounts: removedUsers.count, organizations: removedOrgs.count };
}
