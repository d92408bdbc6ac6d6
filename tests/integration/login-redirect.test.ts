// After sign-in the browser goes where `redirectTo` says only when that is a path on this
// app's own origin; every hostile value below must fall back to the home page.
import { beforeEach, describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/modules/auth/index.server.ts";
import { action as signInAction, loader as signInLoader } from "~/routes/$lang.login/route.tsx";
import { loader as signUpLoader } from "~/routes/$lang.signup/route.tsx";
import { createUser, resetDatabase, TEST_PASSWORD } from "../helpers/factories.ts";
import { cookiesFrom, makeRequest, run } from "../helpers/routes.ts";

const APP = "http://localhost:3000";

const HOSTILE = [
  "//evil.example",
  "///evil.example",
  "////evil.example/path",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\t/evil.example",
  "/%09/evil.example".replace("%09", "\t"),
  "\t//evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/en\r\nSet-Cookie: x=1",
  "/en\nLocation: https://evil.example",
  "/.//evil.example",
  "/./\\evil.example",
  "/en/../..//evil.example",
  "/x/..//evil.example",
  " //evil.example",
  "\u0000//evil.example",
  "/\u0000/evil.example",
  "https://evil.example",
  "http://evil.example/en",
  "HTTPS://EVIL.EXAMPLE",
  "https:evil.example",
  "https:/evil.example",
  "http://localhost:3000@evil.example/",
  "http://localhost:3001/en",
  "https://localhost:3000/en",
  "http://localhost.evil.example/en",
  "javascript:alert(1)",
  "JavaScript:alert(document.domain)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "mailto:someone@evil.example",
  "//evil.example/%2F..",
  "/\\/evil.example",
  "//%5Cevil.example",
  "ftp://evil.example",
];

// Values that stay on the app; shown with the path they must resolve to.
const SAME_ORIGIN: [string, string][] = [
  ["/en/courses", "/en/courses"],
  ["/es/courses/aml-core?tab=2#m1", "/es/courses/aml-core?tab=2#m1"],
  ["/%09/evil.example", "/%09/evil.example"],
  ["/./%5Cevil.example", "/%5Cevil.example"],
  ["/%2F/evil.example", "/%2F/evil.example"],
  ["en/courses", "/en/courses"],
  [`${APP}/en/account`, "/en/account"],
  ["/en/../es/glossary", "/es/glossary"],
];

describe("safeRedirectPath", () => {
  it.each(HOSTILE.map((value) => [JSON.stringify(value), value]))("refuses %s", (_label, value) => {
    expect(safeRedirectPath(value, "/fallback", APP)).toBe("/fallback");
  });

  it.each(SAME_ORIGIN)("keeps %j on the app as %j", (value, expected) => {
    const path = safeRedirectPath(value, "/fallback", APP);
    expect(path).toBe(expected);
    // Whatever is kept resolves to this origin and is a valid header value.
    expect(new URL(path, APP).origin).toBe(APP);
    expect(() => new Headers({ Location: path })).not.toThrow();
  });

  it("falls back on nothing", () => {
    expect(safeRedirectPath(null, "/en", APP)).toBe("/en");
    expect(safeRedirectPath("", "/en", APP)).toBe("/en");
    expect(safeRedirectPath(undefined, "/en", APP)).toBe("/en");
  });
});

describe("sign-in redirect", () => {
  beforeEach(resetDatabase);

  const signIn = (email: string, redirectTo: string) =>
    run(signInAction, makeRequest("/en/login", { form: { email, password: TEST_PASSWORD, redirectTo } }), {
      lang: "en",
    });

  // The cases from the report, plus one of each family (each sign-in hashes a password).
  const REPORTED = [
    "/\t/evil.example",
    "/./\\evil.example",
    "/en\r\nSet-Cookie: x=1",
    "//evil.example",
    "https://evil.example",
  ];

  it.each(REPORTED.map((value) => [JSON.stringify(value), value]))(
    "sends %s to the home page, with the session",
    async (_label, value) => {
      const user = await createUser();
      const result = await signIn(user.email, value);
      expect(result.status).toBe(302);
      expect(result.location).toBe("/en");
      expect(cookiesFrom(result)).toMatch(/puente_session=/);
    },
  );

  it("follows a same-origin path", async () => {
    const user = await createUser();
    const result = await signIn(user.email, "/en/courses/aml-core?x=1");
    expect(result.location).toBe("/en/courses/aml-core?x=1");
  });

  it("does not put a hostile value back into the sign-in form", async () => {
    const url = `/en/login?${new URLSearchParams({ redirectTo: "/\t/evil.example" })}`;
    const result = await run(signInLoader, makeRequest(url), { lang: "en" });
    expect((result.data as { redirectTo: string }).redirectTo).toBe("");
  });
});

// Someone already signed in who opens a sign-in or sign-up page (a bookmarked link, a link in
// an email) stays in the page's language and goes where the link meant to send them.
describe("sign-in page when already signed in", () => {
  beforeEach(resetDatabase);

  const sessionOf = async (email: string) =>
    cookiesFrom(
      await run(signInAction, makeRequest("/en/login", { form: { email, password: TEST_PASSWORD, redirectTo: "" } }), {
        lang: "en",
      }),
    );

  it("keeps the page's language and follows a same-origin redirectTo; a hostile one goes home", async () => {
    const user = await createUser({ language: "en" });
    const cookie = await sessionOf(user.email);
    const visit = (url: string) => run(signInLoader, makeRequest(url, { cookie }), { lang: "es" });
    expect((await visit("/es/login")).location).toBe("/es");
    expect((await visit("/es/login?redirectTo=%2Fes%2Fcourses")).location).toBe("/es/courses");
    expect((await visit(`/es/login?${new URLSearchParams({ redirectTo: "//evil.example" })}`)).location).toBe("/es");
    const signUp = await run(signUpLoader, makeRequest("/es/signup", { cookie }), { lang: "es" });
    expect(signUp.location).toBe("/es");
  });
});
