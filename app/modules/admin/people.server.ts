// The people of a set of organizations, grouped by organization, for the org admin,
// supervisor and vetting officer pages.
import { membersOf } from "~/modules/orgs/index.server.ts";

export type OrgPeople = {
  orgId: string;
  orgName: string;
  people: { id: string; name: string; email: string; active: boolean; roles: string[] }[];
};

export async function peopleByOrg(orgIds: string[]): Promise<OrgPeople[]> {
  const rows = await membersOf(orgIds);
  const groups = new Map<string, OrgPeople>();
  for (const row of rows) {
    let group = groups.get(row.org.id);
    if (!group) {
      group = { orgId: row.org.id, orgName: row.org.name, people: [] };
      groups.set(row.org.id, group);
    }
    group.people.push({
      id: row.user.id,
      name: row.user.name,
      email: row.user.email,
      active: row.user.deactivatedAt === null,
      roles: row.roles.map((r) => r.role).sort(),
    });
  }
  return [...groups.values()];
}
