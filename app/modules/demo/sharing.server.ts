// The demo's sharing agreements, made through the sharing module at their own dates:
//   - the Mexican unit shares its joint-team people with the US task force (in force);
//   - the task force shares its own with the Mexican unit (in force), after an earlier
//     agreement that the task force ended;
//   - the law school proposes to the bar association (awaiting its answer).
import { db } from "~/modules/db/index.server.ts";
import { changeAgreement, proposeAgreement } from "~/modules/sharing/index.server.ts";

const DAY = 86_400_000;

export async function seedDemoSharing(input: { orgIds: Map<string, string>; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  const org = (slug: string) => input.orgIds.get(slug)!;
  const idOf = async (email: string) =>
    (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const mxAdmin = await idOf("orgadmin@demo.puente.test");
  const usAdmin = await idOf("taskforce.admin@demo.puente.test");
  const mx = org("unidad-conjunta-analisis");
  const us = org("sw-financial-task-force");
  const day = (offset: number) =>
    new Date(`${new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10)}T00:00:00.000Z`);
  const at = (offset: number) => new Date(now.getTime() + offset * DAY);

  const agree = async (
    grantor: { orgId: string; adminId: string },
    grantee: { orgId: string; adminId: string },
    profileIds: string[],
    proposedDaysAgo: number,
    endsInDays: number,
  ) => {
    const proposed = await proposeAgreement(
      grantor.adminId,
      [grantor.orgId],
      { grantorOrgId: grantor.orgId, granteeOrgId: grantee.orgId, profileIds, endsOn: day(endsInDays) },
      at(-proposedDaysAgo),
    );
    if (!proposed.ok) throw new Error(`demo sharing agreement: ${proposed.reason}`);
    const accepted = await changeAgreement(
      grantee.adminId,
      [grantee.orgId],
      proposed.id,
      "accept",
      at(-proposedDaysAgo + 2),
    );
    if (!accepted.ok) throw new Error(`demo sharing agreement: ${accepted.reason}`);
    return proposed.id;
  };
  const mxSide = { orgId: mx, adminId: mxAdmin };
  const usSide = { orgId: us, adminId: usAdmin };

  const earlier = await agree(usSide, mxSide, ["joint-team-agent"], 400, 365);
  const ended = await changeAgreement(usAdmin, [us], earlier, "end", at(-120));
  if (!ended.ok) throw new Error(`demo sharing agreement: ${ended.reason}`);
  await agree(usSide, mxSide, ["joint-team-agent", "joint-team-supervisor"], 118, 600);
  await agree(mxSide, usSide, ["joint-team-agent", "joint-team-supervisor"], 90, 640);

  const school = org("facultad-derecho-frontera");
  const bar = org("border-bar-association");
  const pending = await proposeAgreement(
    mxAdmin,
    [school],
    { grantorOrgId: school, granteeOrgId: bar, profileIds: ["legal-practitioner"], endsOn: day(365) },
    at(-3),
  );
  if (!pending.ok) throw new Error(`demo sharing agreement: ${pending.reason}`);
}
