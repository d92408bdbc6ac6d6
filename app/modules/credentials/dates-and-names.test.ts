// Pure pieces of the credentials module: validity arithmetic, the state a record is in, the
// verification page's language and the "confirm the name" comparison.
import { describe, expect, it } from "vitest";
import { addMonths, windowStartOf } from "./award.server.ts";
import { nameMatches, verifyLanguage } from "./public-view.server.ts";
import { recordState } from "./queries.server.ts";
import { isCredentialId } from "./types.ts";
import { newCredentialId } from "./ids.server.ts";

describe("validity arithmetic", () => {
  it("adds calendar months, ending a short month on its last day", () => {
    expect(addMonths(new Date("2026-01-31T10:00:00Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(addMonths(new Date("2024-02-29T00:00:00Z"), 12).toISOString()).toBe("2025-02-28T00:00:00.000Z");
    expect(addMonths(new Date("2026-03-15T12:30:00Z"), 24).toISOString()).toBe("2028-03-15T12:30:00.000Z");
  });

  it("opens the recertification window the given days before expiry", () => {
    const until = new Date("2027-06-01T00:00:00Z");
    expect(windowStartOf(until, { recertifyWindowDays: 90 }).toISOString()).toBe("2027-03-03T00:00:00.000Z");
  });
});

describe("record state", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  const base = { validFrom: new Date("2026-01-01T00:00:00Z"), revokedAt: null, suspendedAt: null };
  it("valid, expiring within 60 days, expired, pending, suspended, revoked", () => {
    expect(recordState({ ...base, validUntil: new Date("2027-01-01T00:00:00Z") }, now)).toBe("valid");
    expect(recordState({ ...base, validUntil: new Date("2026-07-15T00:00:00Z") }, now)).toBe("expiring");
    expect(recordState({ ...base, validUntil: new Date("2026-06-01T00:00:00Z") }, now)).toBe("expired");
    expect(
      recordState(
        { ...base, validFrom: new Date("2026-07-01T00:00:00Z"), validUntil: new Date("2027-07-01T00:00:00Z") },
        now,
      ),
    ).toBe("pending");
    const until = new Date("2027-01-01T00:00:00Z");
    expect(recordState({ ...base, validUntil: until, suspendedAt: now }, now)).toBe("suspended");
    expect(recordState({ ...base, validUntil: until, suspendedAt: now, revokedAt: now }, now)).toBe("revoked");
  });
});

describe("verification page language and name confirmation", () => {
  const request = (url: string, acceptLanguage?: string) =>
    new Request(url, { headers: acceptLanguage ? { "Accept-Language": acceptLanguage } : {} });
  it("takes ?lang= first, then the best Accept-Language, else English", () => {
    expect(verifyLanguage(request("http://x/verify/a?lang=es", "en-US"))).toBe("es");
    expect(verifyLanguage(request("http://x/verify/a?lang=fr", "es-MX,es;q=0.9"))).toBe("es");
    expect(verifyLanguage(request("http://x/verify/a", "fr-FR, en;q=0.4, es;q=0.8"))).toBe("es");
    expect(verifyLanguage(request("http://x/verify/a", "de"))).toBe("en");
    expect(verifyLanguage(request("http://x/verify/a"))).toBe("en");
  });

  it("matches a typed name regardless of accents, case and spacing, but not a partial name", () => {
    const holder = "María José Pérez Gómez";
    expect(nameMatches("maria jose  perez gomez", holder)).toBe(true);
    expect(nameMatches(" MARÍA JOSÉ PÉREZ GÓMEZ ", holder)).toBe(true);
    expect(nameMatches("María Pérez", holder)).toBe(false);
    expect(nameMatches("", holder)).toBe(false);
  });
});

describe("credential ids", () => {
  it("are 26 random base32 characters, distinct, and nothing else passes as one", () => {
    const ids = new Set(Array.from({ length: 1000 }, newCredentialId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(isCredentialId(id)).toBe(true);
    expect(isCredentialId("../../etc/passwd")).toBe(false);
    expect(isCredentialId("0123456789ABCDEFGHJKMNPQRS")).toBe(false);
    expect(isCredentialId("0123456789abcdefghjkmnpqrsu")).toBe(false);
  });
});
