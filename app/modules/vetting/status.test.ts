// Property-based: random histories of checks and credentials, evaluated by the module and by
// an independent statement of the rules (tests/helpers/vetting-oracle.ts). Days are whole and
// close together, so "exactly 60 days before a lapse" and "exactly at expiry" come up often.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { oracle } from "../../../tests/helpers/vetting-oracle.ts";
import { evaluate, type CheckFact, type CredentialFact } from "./status.ts";

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 1);
const day = (n: number) => new Date(BASE + n * DAY);
const KINDS = ["polygraph", "background"];
const ACHIEVEMENTS = ["aml", "ops"];

const requirements = fc.record({
  credentials: fc.subarray(ACHIEVEMENTS),
  checks: fc.subarray(KINDS).map((ks) => ks.map((type) => ({ type }))),
});

const checkSeeds = fc.array(
  fc.record({
    kind: fc.constantFrom(...KINDS),
    result: fc.constantFrom("passed", "failed", "pending", "under_review"),
    checkedOn: fc.integer({ min: -120, max: 0 }),
    validDays: fc.option(fc.integer({ min: 1, max: 200 }), { freq: 8 }),
    supersedes: fc.option(fc.nat(), { freq: 3 }),
  }),
  { maxLength: 8 },
);

function toChecks(seeds: SeedList): CheckFact[] {
  const out: CheckFact[] = [];
  const taken = new Set<string>();
  seeds.forEach((s, i) => {
    let supersedesId: string | null = null;
    if (s.supersedes !== null && i > 0) {
      const target = `c${s.supersedes % i}`;
      if (!taken.has(target)) {
        supersedesId = target;
        taken.add(target);
      }
    }
    out.push({
      id: `c${i}`,
      kind: s.kind,
      result: s.result,
      checkedOn: day(s.checkedOn),
      expiresOn: s.validDays === null ? null : day(s.checkedOn + s.validDays),
      recordedAt: new Date(BASE + i * 1000),
      supersedesId,
    });
  });
  return out;
}
type SeedList = {
  kind: string;
  result: string;
  checkedOn: number;
  validDays: number | null;
  supersedes: number | null;
}[];

const credentials = fc.array(
  fc
    .record({
      achievementId: fc.constantFrom(...ACHIEVEMENTS),
      from: fc.integer({ min: -400, max: 60 }),
      months: fc.integer({ min: 1, max: 400 }),
      revoked: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      suspended: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    })
    .map(
      (c): CredentialFact => ({
        achievementId: c.achievementId,
        validFrom: day(c.from),
        validUntil: day(c.from + c.months),
        revokedAt: c.revoked ? day(c.from) : null,
        suspendedAt: c.suspended && !c.revoked ? day(c.from) : null,
      }),
    ),
  { maxLength: 5 },
);

// Now: whole days (hitting the 60-day edge exactly), or a few milliseconds either side.
const now = fc
  .tuple(fc.integer({ min: -60, max: 180 }), fc.constantFrom(0, 0, 0, -1, 1))
  .map(([d, ms]) => new Date(day(d).getTime() + ms));

describe("vetting status rules", () => {
  it("agree with the independent statement of the rules", () => {
    fc.assert(
      fc.property(requirements, checkSeeds, credentials, now, (req, seeds, creds, at) => {
        const checks = toChecks(seeds);
        const mine = evaluate({ requirements: req, checks, credentials: creds, now: at });
        const theirs = oracle(req, checks, creds, at);
        expect(mine.status).toBe(theirs.status);
        expect(mine.soonestLapse?.getTime() ?? null).toBe(theirs.soonestLapse);
      }),
      { numRuns: 3000 },
    );
  });

  it("change by time alone only at nextChangeAt", () => {
    fc.assert(
      fc.property(
        requirements,
        checkSeeds,
        credentials,
        now,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (req, seeds, creds, at, f) => {
          const checks = toChecks(seeds);
          const first = evaluate({ requirements: req, checks, credentials: creds, now: at });
          const until = first.nextChangeAt?.getTime() ?? at.getTime() + 1000 * DAY;
          const later = new Date(at.getTime() + Math.floor((until - at.getTime() - 1) * f));
          const second = evaluate({ requirements: req, checks, credentials: creds, now: later });
          expect({ ...second, nextChangeAt: null }).toEqual({ ...first, nextChangeAt: null });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("give one reason per unmet or soon-lapsing requirement", () => {
    const at = day(0);
    const result = evaluate({
      requirements: { credentials: ["aml", "ops"], checks: [{ type: "polygraph" }, { type: "background" }] },
      checks: [
        {
          id: "a",
          kind: "polygraph",
          result: "passed",
          checkedOn: day(-700),
          expiresOn: day(30),
          recordedAt: day(-700),
          supersedesId: null,
        },
        {
          id: "b",
          kind: "background",
          result: "pending",
          checkedOn: day(-3),
          expiresOn: null,
          recordedAt: day(-3),
          supersedesId: null,
        },
      ],
      credentials: [
        { achievementId: "aml", validFrom: day(-400), validUntil: day(-10), revokedAt: null, suspendedAt: null },
      ],
      now: at,
    });
    expect(result.status).toBe("lapsed");
    expect(result.reasons.map((r) => r.code).sort()).toEqual(
      ["check.expiring", "check.pending", "credential.expired", "credential.missing"].sort(),
    );
    expect(result.soonestLapse).toEqual(day(30));
    expect(result.nextChangeAt).toEqual(day(30));
  });
});
