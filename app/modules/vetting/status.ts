// The vetting status rules (docs/vetting-rules.md) as one pure function: no database, no
// clock. Given what a profile requires, the person's checks (as recorded for the profile's
// organization) and credentials, and `now`, it says the status, why, and when it next
// changes by time alone. Browser-safe.

export const STATUSES = ["failed", "lapsed", "pending", "expiring", "cleared"] as const;
export type Status = (typeof STATUSES)[number];
export const CHECK_RESULTS = ["passed", "failed", "pending", "under_review"] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

/** A requirement that lapses within this many days makes the status "expiring". */
export const EXPIRING_DAYS = 60;
const DAY_MS = 86_400_000;
const EXPIRING_MS = EXPIRING_DAYS * DAY_MS;

/** Language-neutral: the reader translates the code; params are ids and ISO dates. */
export type Reason = { code: string; params: Record<string, string> };
/** A met requirement's coverage end: the instant it lapses unless renewed. */
export type Lapse = { date: string; reason: Reason };

export type CheckFact = {
  id: string;
  kind: string;
  result: string;
  checkedOn: Date;
  expiresOn: Date | null;
  recordedAt: Date;
  supersedesId: string | null;
};
export type CredentialFact = {
  achievementId: string;
  validFrom: Date;
  validUntil: Date;
  revokedAt: Date | null;
  suspendedAt: Date | null;
};
export type Requirements = { credentials: readonly string[]; checks: readonly { type: string }[] };

export type Evaluation = {
  status: Status;
  reasons: Reason[];
  /** Earliest coverage end among the met requirements (null: none met, or none lapses). */
  soonestLapse: Date | null;
  lapses: Lapse[];
  /** The next instant after `now` at which the evaluation may change by time alone. */
  nextChangeAt: Date | null;
};

type State = "met" | "failed" | "lapsed" | "pending";
type Outcome = { state: State; reason?: Reason; lapse?: Date; lapseReason?: (date: Date) => Reason };

export const STATUS_RANK: Record<Status, number> = { failed: 0, lapsed: 1, pending: 2, expiring: 3, cleared: 4 };

const iso = (d: Date) => d.toISOString();
const byRecord = (a: CheckFact, b: CheckFact) =>
  a.checkedOn.getTime() - b.checkedOn.getTime() || a.recordedAt.getTime() - b.recordedAt.getTime();

/** The live (non-superseded) entries of one kind, oldest first. */
export function liveEntries(kind: string, checks: readonly CheckFact[]): CheckFact[] {
  const superseded = new Set(checks.map((c) => c.supersedesId).filter((id): id is string => id !== null));
  return checks.filter((c) => c.kind === kind && !superseded.has(c.id)).sort(byRecord);
}

function checkOutcome(kind: string, checks: readonly CheckFact[], now: Date): Outcome {
  const live = liveEntries(kind, checks);
  const last = live.at(-1);
  if (!last) return { state: "pending", reason: { code: "check.missing", params: { kind } } };
  if (last.result === "failed")
    return { state: "failed", reason: { code: "check.failed", params: { kind, date: iso(last.checkedOn) } } };
  if (last.result === "under_review")
    return { state: "pending", reason: { code: "check.underReview", params: { kind, since: iso(last.checkedOn) } } };
  // A trailing run of pending re-checks leaves the entry before it in force.
  let i = live.length - 1;
  while (i >= 0 && live[i]!.result === "pending") i--;
  const base = i >= 0 ? live[i]! : null;
  if (base?.result === "passed") {
    const lapseReason = (date: Date): Reason => ({ code: "check.expiring", params: { kind, date: iso(date) } });
    if (!base.expiresOn) return { state: "met" };
    if (now < base.expiresOn) return { state: "met", lapse: base.expiresOn, lapseReason };
    return { state: "lapsed", reason: { code: "check.expired", params: { kind, date: iso(base.expiresOn) } } };
  }
  return { state: "pending", reason: { code: "check.pending", params: { kind, since: iso(live[i + 1]!.checkedOn) } } };
}

function credentialOutcome(achievement: string, credentials: readonly CredentialFact[], now: Date): Outcome {
  const mine = credentials.filter((c) => c.achievementId === achievement);
  const valid = mine.filter((c) => !c.revokedAt && !c.suspendedAt);
  const current = valid.filter((c) => c.validFrom <= now && now < c.validUntil);
  if (current.length > 0) {
    // Coverage runs on through renewals that start before it ends.
    let end = Math.max(...current.map((c) => c.validUntil.getTime()));
    for (let grew = true; grew; ) {
      grew = false;
      for (const c of valid)
        if (c.validFrom.getTime() <= end && c.validUntil.getTime() > end) {
          end = c.validUntil.getTime();
          grew = true;
        }
    }
    const lapseReason = (date: Date): Reason => ({
      code: "credential.expiring",
      params: { achievement, date: iso(date) },
    });
    return { state: "met", lapse: new Date(end), lapseReason };
  }
  const expired = valid.filter((c) => c.validUntil <= now);
  if (expired.length > 0) {
    const date = new Date(Math.max(...expired.map((c) => c.validUntil.getTime())));
    return { state: "lapsed", reason: { code: "credential.expired", params: { achievement, date: iso(date) } } };
  }
  const suspended = mine.find((c) => !c.revokedAt && c.suspendedAt);
  if (suspended)
    return {
      state: "pending",
      reason: { code: "credential.suspended", params: { achievement, date: iso(suspended.suspendedAt!) } },
    };
  const revoked = mine.filter((c) => c.revokedAt).sort((a, b) => b.revokedAt!.getTime() - a.revokedAt!.getTime())[0];
  if (revoked)
    return {
      state: "pending",
      reason: { code: "credential.revoked", params: { achievement, date: iso(revoked.revokedAt!) } },
    };
  return { state: "pending", reason: { code: "credential.missing", params: { achievement } } };
}

/** Instants after `now` at which some outcome may change by time alone. */
function boundaries(checks: readonly CheckFact[], credentials: readonly CredentialFact[], now: Date): number[] {
  const t = now.getTime();
  const out: number[] = [];
  const add = (ms: number) => {
    if (ms > t) out.push(ms);
  };
  for (const c of checks)
    if (c.expiresOn) {
      add(c.expiresOn.getTime());
      add(c.expiresOn.getTime() - EXPIRING_MS);
    }
  for (const c of credentials) {
    add(c.validFrom.getTime());
    add(c.validUntil.getTime());
    add(c.validUntil.getTime() - EXPIRING_MS);
  }
  return out;
}

export function evaluate(input: {
  requirements: Requirements;
  checks: readonly CheckFact[];
  credentials: readonly CredentialFact[];
  now: Date;
}): Evaluation {
  const { requirements, checks, credentials, now } = input;
  const outcomes = [
    ...requirements.credentials.map((a) => credentialOutcome(a, credentials, now)),
    ...requirements.checks.map((c) => checkOutcome(c.type, checks, now)),
  ];
  const reasons: Reason[] = [];
  const lapses: Lapse[] = [];
  let soonest: number | null = null;
  let expiring = false;
  for (const o of outcomes) {
    if (o.reason) reasons.push(o.reason);
    if (o.state !== "met" || !o.lapse || !o.lapseReason) continue;
    const ms = o.lapse.getTime();
    lapses.push({ date: iso(o.lapse), reason: o.lapseReason(o.lapse) });
    soonest = soonest === null ? ms : Math.min(soonest, ms);
    if (ms - now.getTime() <= EXPIRING_MS) {
      expiring = true;
      reasons.push(o.lapseReason(o.lapse));
    }
  }
  const has = (s: State) => outcomes.some((o) => o.state === s);
  const status: Status = has("failed")
    ? "failed"
    : has("lapsed")
      ? "lapsed"
      : has("pending")
        ? "pending"
        : expiring
          ? "expiring"
          : "cleared";
  const next = boundaries(checks, credentials, now);
  return {
    status,
    reasons,
    soonestLapse: soonest === null ? null : new Date(soonest),
    lapses,
    nextChangeAt: next.length ? new Date(Math.min(...next)) : null,
  };
}
