// What a supervisor can act on from a person's page: each requirement that lapses within 60
// days or has lapsed, with the credential or check entry behind it (so a reminder names the
// item, and an enrolment the achievement's courses).
import { getAchievement } from "~/modules/content/index.server.ts";
import type { PersonVetting } from "./person.server.ts";

export type LapseAction = {
  itemKind: "credential" | "check";
  itemId: string;
  /** Check kind or achievement id (a label key). */
  ref: string;
  lapsesOn: Date;
  lapsed: boolean;
  /** Courses that renew the credential (empty for checks). */
  courses: string[];
};

const LAPSE_CODES = new Set(["credential.expiring", "credential.expired", "check.expiring", "check.expired"]);

export function lapseActions(person: PersonVetting, now: Date): LapseAction[] {
  const out = new Map<string, LapseAction>();
  for (const a of person.assignments) {
    if (a.endedAt) continue;
    for (const reason of a.reasons) {
      if (!LAPSE_CODES.has(reason.code)) continue;
      if (reason.code.startsWith("credential.")) {
        const achievementId = reason.params.achievement ?? "";
        const c = person.credentials.find((x) => x.achievementId === achievementId && !x.revokedAt);
        if (!c) continue;
        out.set(`credential:${c.id}`, {
          itemKind: "credential",
          itemId: c.id,
          ref: achievementId,
          lapsesOn: c.validUntil,
          lapsed: c.validUntil <= now,
          courses: getAchievement(achievementId)?.courses ?? [],
        });
      } else {
        const kind = reason.params.kind ?? "";
        const c = person.checks.find(
          (x) => x.kind === kind && x.result === "passed" && !x.supersededById && x.expiresOn,
        );
        if (!c?.expiresOn) continue;
        out.set(`check:${c.id}`, {
          itemKind: "check",
          itemId: c.id,
          ref: kind,
          lapsesOn: c.expiresOn,
          lapsed: c.expiresOn <= now,
          courses: [],
        });
      }
    }
  }
  return [...out.values()].sort((a, b) => a.lapsesOn.getTime() - b.lapsesOn.getTime());
}
