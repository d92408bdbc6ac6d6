import fs from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sendEmail } from "./send.server.ts";

afterEach(() => vi.useRealTimers());

describe("mail written to files", () => {
  it("keeps every message to one person in one millisecond, in the order sent", async () => {
    const dir = process.env.MAIL_DIR!;
    fs.rmSync(dir, { recursive: true, force: true });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2027-03-01T15:00:00Z"));
    const message = { to: "a@example.test", text: "", html: "", lang: "en", tag: "vetting-reminder" };
    for (const subject of ["first", "second", "third"]) await sendEmail({ ...message, subject });
    const files = fs.readdirSync(dir).sort();
    expect(files).toHaveLength(3);
    expect(files.map((f) => fs.readFileSync(`${dir}/${f}`, "utf8").match(/^Subject: (\w+)/m)?.[1])).toEqual([
      "first",
      "second",
      "third",
    ]);
    expect(
      files.every(
        (f) => f.startsWith("2027-03-01T15-00-00-000Z-") && f.endsWith("-vetting-reminder-a@example.test.eml"),
      ),
    ).toBe(true);
  });
});
