// The verdict sentence of a verification page, the same rules for a training credential
// ("verify.verdict.*") and a clearance ("clearance.verdict.*"): the keys differ, not the logic.
import type { TFunction } from "i18next";

type Verdict = { state: string; problems: readonly string[]; authentic: boolean };

export function verdictText(
  t: TFunction<"credentials">,
  prefix: "verify" | "clearance",
  verdict: Verdict,
  dates: { revokedOn: string | null; expires: string; pendingFrom: string },
): string {
  const key = (name: string) => `${prefix}.verdict.${name}` as "verify.verdict.invalid";
  switch (verdict.state) {
    case "invalid":
      return verdict.problems.includes("status-unavailable") && verdict.authentic
        ? t(key("statusUnavailable"))
        : t(key("invalid"));
    case "revoked":
      return dates.revokedOn ? t(key("revoked"), { date: dates.revokedOn }) : t(key("revokedNoDate"));
    case "expired":
      return t(key("expired"), { date: dates.expires });
    case "pending":
      return t(key("pending"), { date: dates.pendingFrom });
    default:
      return t(key(verdict.state));
  }
}

/** States a verifier must not rely on. */
export function isBad(state: string): boolean {
  return state === "invalid" || state === "revoked" || state === "suspended" || state === "expired";
}
