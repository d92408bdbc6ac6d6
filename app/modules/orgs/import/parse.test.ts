import { describe, expect, it } from "vitest";
import { decodeCsv, detectDelimiter } from "./decode.server.ts";
import { checkCells, parseRoster } from "./parse.server.ts";

const enc = (s: string) => new TextEncoder().encode(s);

describe("decodeCsv", () => {
  it("tells UTF-8, UTF-8 with BOM, Windows-1252 and UTF-16 apart", () => {
    expect(decodeCsv(enc("Peña"))).toEqual({ ok: true, text: "Peña", encoding: "utf-8" });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...enc("Peña")]))).toEqual({
      ok: true,
      text: "Peña",
      encoding: "utf-8-bom",
    });
    // "Peña €" as Excel's ANSI code page writes it: ñ = F1, € = 80 (not Latin-1's control character).
    expect(decodeCsv(new Uint8Array([0x50, 0x65, 0xf1, 0x61, 0x20, 0x80]))).toEqual({
      ok: true,
      text: "Peña €",
      encoding: "windows-1252",
    });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from("a\tb", "utf16le")]);
    expect(decodeCsv(utf16)).toEqual({ ok: true, text: "a\tb", encoding: "utf-16le" });
  });
});

describe("detectDelimiter", () => {
  it("picks the separator of the header line, ignoring quoted text", () => {
    expect(detectDelimiter("name,email,language\n")).toBe(",");
    expect(detectDelimiter("nombre;correo;idioma\r\na,b;c")).toBe(";");
    expect(detectDelimiter('"a;b;c",d,e\n')).toBe(",");
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
    expect(detectDelimiter("name")).toBe(",");
  });
});

describe("checkCells", () => {
  const ok = { name: "Ana", email: "Ana@Example.TEST", language: "ES", role: "Supervisor(a)", cohort: "G" };
  it("normalises what it accepts", () => {
    expect(checkCells(2, ok).value).toEqual({
      name: "Ana",
      email: "ana@example.test",
      language: "es",
      role: "supervisor",
      cohort: "G",
    });
    expect(checkCells(2, { ...ok, role: "Oficial de control de confianza" }).value?.role).toBe("vetting_officer");
    expect(checkCells(2, { ...ok, language: "Inglés" }).value?.language).toBe("en");
  });
  it("names the first problem", () => {
    expect(checkCells(2, { ...ok, name: "" }).error).toBe("nameMissing");
    expect(checkCells(2, { ...ok, name: "x".repeat(201) }).error).toBe("nameTooLong");
    expect(checkCells(2, { ...ok, email: "a@b" }).error).toBe("emailInvalid");
    expect(checkCells(2, { ...ok, language: "fr" }).error).toBe("languageInvalid");
    expect(checkCells(2, { ...ok, role: "admin" }).error).toBe("roleInvalid");
    expect(checkCells(2, { ...ok, cohort: "" }).error).toBe("cohortMissing");
  });
});

describe("parseRoster", () => {
  it("counts lines as the file does, quoted line breaks included", () => {
    const file = parseRoster(
      enc('name,email,language,role,cohort\n"Ana\nRuiz",a@x.test,en,learner,G\nBo,b@x.test,en,learner,G\n'),
    );
    expect(file.ok && file.rows.map((r) => r.line)).toEqual([3, 4]);
  });
  it("marks a repeated person in the same group, and a contradicting one", () => {
    const file = parseRoster(
      enc(
        "name,email,language,role,cohort\nA,a@x.test,en,learner,G\nA,A@x.test,en,learner,g\nA,a@x.test,en,learner,H\nA2,a@x.test,en,learner,K\n",
      ),
    );
    expect(file.ok && file.rows.map((r) => [r.line, r.error, r.errorLine])).toEqual([
      [2, null, undefined],
      [3, "duplicateRow", 2],
      [4, null, undefined],
      [5, "conflictingRow", 2],
    ]);
  });
  it("flags cells beyond the header", () => {
    const file = parseRoster(enc("name,email,language,role,cohort\nA,a@x.test,en,learner,G,extra\n"));
    expect(file.ok && file.rows[0]?.error).toBe("tooManyCells");
  });
});
