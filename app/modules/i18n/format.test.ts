import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber, isTimeZone } from "./format.ts";

describe("formatting", () => {
  it("groups thousands the same way in en-US and es-MX", () => {
    expect(formatNumber(10000.5, "en", { minimumFractionDigits: 2 })).toBe("10,000.50");
    expect(formatNumber(10000.5, "es", { minimumFractionDigits: 2 })).toBe("10,000.50");
  });

  it("shows a UTC instant in the reader's time zone and language", () => {
    const instant = new Date("2026-03-01T05:30:00Z");
    expect(formatDate(instant, "es", "America/Mexico_City")).toBe("28 de febrero de 2026");
    expect(formatDate(instant, "en", "UTC")).toBe("March 1, 2026");
    expect(formatDateTime(instant, "en", "America/Chicago")).toMatch(/Feb 28, 2026.*11:30.*CST/);
  });

  it("knows real time zones", () => {
    expect(isTimeZone("America/Tijuana")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
