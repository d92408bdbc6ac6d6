// The hostile values issue 18 names, as fast-check arbitraries: wrong types, empty and huge
// strings, control characters and NUL, lone surrogates, bidi marks, mixed scripts, SQL, HTML,
// CSV formulas, out-of-range numbers, absurd dates, other organizations' and unknown ids —
// mixed with values that look valid for the field, so that inputs also get past the first check.
import fc from "fast-check";

const HUGE = 100 * 1024 + 7;

/** Payloads worth sending on their own or glued into other text. */
export const PAYLOADS = [
  "",
  " ",
  "   \t  ",
  "\u0000",
  "a\u0000b",
  "' OR 1=1 --",
  '\'; DROP TABLE "User"; --',
  '" OR ""="',
  "1; SELECT pg_sleep(1)",
  "%' AND 1=0 UNION SELECT NULL --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "javascript:alert(1)",
  "{{constructor.constructor('x')()}}",
  "${7*7}",
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://example.test","x")',
  "+1+1",
  "-2+3",
  "@SUM(A1:A2)",
  "\t=1+1",
  "\r=1",
  "\u202Eevil\u202C",
  "\u200F\u200Eשלום\u200F",
  "\u2066isolate\u2069",
  "\uD800",
  "\uDFFF",
  "x\uD83Dy",
  "\uFEFF",
  "\u200B\u200C\u200D",
  "\u0001\u0007\u001b[31m\u007f",
  "\r\n\r\n",
  "Ñandú Ölçü ÅÆØ",
  "مرحبا بالعالم",
  "中文汉字",
  "Ελληνικά Кириллица",
  "𝕏𓀀😀👩‍👩‍👧",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-Infinity",
  "true",
  "on",
  "[]",
  "{}",
  '{"__proto__":{"admin":true}}',
  "__proto__",
  "constructor",
  "0",
  "-1",
  "-0",
  "1e309",
  "0x1F",
  "99999999999999999999999",
  "-9223372036854775809",
  "3.14159",
  "2026-02-30",
  "0000-00-00",
  "9999-12-31",
  "275760-09-14",
  "-001000-01-01",
  "2026-13-01",
  "1970-01-01T00:00:00Z",
  "31/12/2026",
  "../../etc/passwd",
  "..%2F..%2Fetc",
  "%00",
  "%E0%A4%A",
  "a@b",
  "@",
  "x@localhost",
  "a".repeat(255) + "@example.test",
  "nobody@example.test",
];

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

/** Text of any kind: one payload, several glued together, random code points, or ≥ 100 KB. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 15, arbitrary: fragment },
  { weight: 9, arbitrary: fc.array(fragment, { minLength: 2, maxLength: 5 }).map((p) => p.join("")) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("A", "é", "\u202E", "字", "=", "'", "\u0000", "𝕏"), fragment)
      .map(([unit, tail]) => unit.repeat(Math.ceil(HUGE / unit.length)) + tail),
  },
);

/** What a field of this name would hold if the input were honest (a hint, not a rule). */
export function plausible(name: string, ids: string[], intents: string[]): fc.Arbitrary<string> {
  const n = name.toLowerCase();
  const date = fc
    .date({ min: new Date("2020-01-01"), max: new Date("2032-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  if (n === "intent") return fc.constantFrom(...(intents.length ? intents : ["save"]));
  if (n.includes("email")) return fc.emailAddress();
  if (n.endsWith("on") || n.endsWith("at") || n.includes("date") || n === "from" || n === "to") return date;
  if (n.endsWith("id") || n.endsWith("ids") || n === "org" || n === "code") return fc.constantFrom(...ids);
  if (n.includes("password")) return fc.constantFrom("correct horse battery staple", "a much longer passphrase 42");
  if (n.includes("limit") || n === "page" || n === "count") return fc.integer({ min: -5, max: 500 }).map(String);
  if (n === "language" || n === "lang" || n.endsWith("language")) return fc.constantFrom("en", "es", "fr");
  if (n === "code") return fc.stringMatching(/^[0-9]{6}$/);
  return fc.string({ minLength: 1, maxLength: 40 });
}

export type Pairs = [string, string][];

export type FormShape = {
  /** Fields the route reads (scraped from the route folder, plus a row's extras). */
  fields: string[];
  intents: string[];
  /** Ids worth sending: the caller's own, another organization's, unknown ones. */
  ids: string[];
};

const UNKNOWN_INTENTS = ["", "DELETE", "__proto__", "grantRole\u0000", "ARCHIVE", "toString"];

/**
 * One hostile form: each field missing, sent once or duplicated, its value plausible or hostile;
 * the intent one the route knows, an unknown one, or none; now and then unknown fields too.
 */
export function hostileForm(shape: FormShape): fc.Arbitrary<Pairs> {
  const value = (name: string) =>
    fc.oneof(
      { weight: 2, arbitrary: plausible(name, shape.ids, shape.intents) },
      { weight: 3, arbitrary: hostileText },
    );
  const field = (name: string): fc.Arbitrary<Pairs> =>
    fc.oneof(
      { weight: 1, arbitrary: fc.constant([] as Pairs) },
      { weight: 4, arbitrary: value(name).map((v): Pairs => [[name, v]]) },
      {
        weight: 1,
        arbitrary: fc.array(value(name), { minLength: 2, maxLength: 3 }).map((vs): Pairs => vs.map((v) => [name, v])),
      },
    );
  const names = shape.fields.filter((f) => f !== "intent");
  const intent = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .constantFrom(...(shape.intents.length ? shape.intents : [""]))
        .map((i): Pairs => (i ? [["intent", i]] : [])),
    },
    { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_INTENTS).map((i): Pairs => [["intent", i]]) },
    { weight: 1, arbitrary: fc.constant([] as Pairs) },
    {
      weight: 1,
      arbitrary: fc.array(hostileText, { minLength: 1, maxLength: 2 }).map((vs): Pairs => vs.map((v) => ["intent", v])),
    },
  );
  const extra = fc.oneof(
    { weight: 4, arbitrary: fc.constant([] as Pairs) },
    { weight: 1, arbitrary: fc.array(fc.tuple(hostileText, hostileText), { maxLength: 3 }) },
  );
  return fc.tuple(intent, fc.tuple(...names.map(field)), extra).map(([i, fs, e]) => [...i, ...fs.flat(), ...e]);
}

/** How the body travels: urlencoded as a browser sends it, multipart, or a type no form reader expects. */
export const ENCODINGS = ["urlencoded", "urlencoded", "urlencoded", "multipart", "json", "garbage"] as const;
export type Encoding = (typeof ENCODINGS)[number];

export function bodyOf(pairs: Pairs, encoding: Encoding): { body: BodyInit; type: string | null } {
  if (encoding === "multipart") {
    const form = new FormData();
    for (const [k, v] of pairs) form.append(k, v);
    return { body: form, type: null };
  }
  if (encoding === "json") return { body: JSON.stringify(Object.fromEntries(pairs)), type: "application/json" };
  if (encoding === "garbage")
    return { body: "\u0000%%%=&&=\uD800".repeat(3), type: "application/x-www-form-urlencoded" };
  return { body: new URLSearchParams(pairs), type: "application/x-www-form-urlencoded" };
}
