// The vetting status rules stated a second time, independently of app/ (docs/vetting-rules.md).
// prettier-ignore
type Check = { id: string; kind: string; result: string; checkedOn: Date; expiresOn: Date | null; recordedAt: Date; supersedesId: string | null };
// prettier-ignore
type Cred = { achievementId: string; validFrom: Date; validUntil: Date; revokedAt: Date | null; suspendedAt: Date | null };
export function oracle(
  req: { credentials: string[]; checks: { type: string }[] },
  checks: Check[],
  creds: Cred[],
  now: Date,
) {
  const t = now.getTime(),
    states: string[] = [],
    lapses: number[] = [];
  for (const a of req.credentials) {
    const ok = creds.filter((c) => c.achievementId === a && !c.revokedAt && !c.suspendedAt);
    const covering = (u: number) => ok.filter((c) => +c.validFrom <= u && u < +c.validUntil);
    let u = t;
    while (covering(u).length) u = Math.max(...covering(u).map((c) => +c.validUntil));
    states.push(u > t ? "met" : ok.some((c) => +c.validUntil <= t) ? "lapsed" : "pending");
    if (u > t) lapses.push(u);
  }
  for (const { type } of req.checks) {
    const gone = new Set(checks.map((c) => c.supersedesId));
    const live = checks.filter((c) => c.kind === type && !gone.has(c.id));
    live.sort((x, y) => +x.checkedOn - +y.checkedOn || +x.recordedAt - +y.recordedAt);
    const last = live.at(-1)?.result,
      decisive = live.filter((c) => c.result !== "pending").at(-1);
    if (last === "failed") states.push("failed");
    else if (last === undefined || last === "under_review" || decisive?.result !== "passed") states.push("pending");
    else if (decisive.expiresOn === null) states.push("met");
    else states.push(t < +decisive.expiresOn ? "met" : "lapsed");
    if (states.at(-1) === "met" && decisive?.expiresOn) lapses.push(+decisive.expiresOn);
  }
  const soonest = lapses.length ? Math.min(...lapses) : null;
  const status =
    ["failed", "lapsed", "pending"].find((s) => states.includes(s)) ??
    (soonest !== null && soonest - t <= 60 * 86_400_000 ? "expiring" : "cleared");
  return { status, soonestLapse: soonest };
}
