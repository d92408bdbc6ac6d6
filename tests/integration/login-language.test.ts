// Signing in at /es/login with English saved: Spanish wins, and saving it is offered once.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { loader as rootLoader } from "~/root.tsx";
import { action as signInAction } from "~/routes/$lang.login/route.tsx";
import { action as languageAction } from "~/routes/$lang.account_.language/route.tsx";
import { createUser, resetDatabase, sessionCookie, TEST_PASSWORD } from "../helpers/factories.ts";
import { cookiesFrom, makeRequest, run } from "../helpers/routes.ts";

beforeEach(resetDatabase);

type RootData = { shell: { languageOffer: string | null; lang: string } };

const signIn = (lang: "en" | "es", email: string, redirectTo?: string) =>
  run(
    signInAction,
    makeRequest(`/${lang}/login`, {
      form: { email, password: TEST_PASSWORD, ...(redirectTo ? { redirectTo } : {}) },
    }),
    { lang },
  );

describe("the language of the sign-in page wins", () => {
  it("sends someone with English saved who signs in at /es/login to /es, and offers to save Spanish once", async () => {
    const user = await createUser({ language: "en" });
    const signedIn = await signIn("es", user.email);
    expect(signedIn.status).toBe(302);
    expect(signedIn.location).toBe("/es");
    const cookie = cookiesFrom(signedIn);
    expect(cookie).toMatch(/puente_lang_offer=/);

    const first = await run(rootLoader, makeRequest("/es", { cookie }), { lang: "es" });
    expect((first.data as RootData).shell.languageOffer).toBe("es");
    // The page that showed the offer clears it.
    expect(first.headers.getSetCookie().some((c) => /^puente_lang_offer=;.*Max-Age=0/i.test(c))).toBe(true);
    const session = cookie.split("; ").find((c) => c.startsWith("puente_session="))!;
    const later = await run(rootLoader, makeRequest("/es", { cookie: session }), { lang: "es" });
    expect((later.data as RootData).shell.languageOffer).toBeNull();
    // Nothing was saved by signing in.
    expect(await db.user.findUnique({ where: { id: user.id }, select: { language: true } })).toEqual({
      language: "en",
    });
  });

  it("keeps the redirect target's language and offers nothing when the languages agree", async () => {
    const user = await createUser({ language: "es" });
    const signedIn = await signIn("es", user.email, "/es/courses");
    expect(signedIn.location).toBe("/es/courses");
    expect(cookiesFrom(signedIn)).not.toMatch(/puente_lang_offer/);
  });

  it("saves the offered language in one click and goes back to the page", async () => {
    const user = await createUser({ language: "en" });
    const cookie = await sessionCookie(user.id);
    const saved = await run(
      languageAction,
      makeRequest("/es/account/language", { cookie, form: { language: "es", redirectTo: "/es/courses?x=1" } }),
      { lang: "es" },
    );
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/es/courses?x=1");
    expect(await db.user.findUnique({ where: { id: user.id }, select: { language: true } })).toEqual({
      language: "es",
    });
  });

  it("refuses an unknown language with a translated 400 and changes nothing; never redirects off-site", async () => {
    const user = await createUser({ language: "en" });
    const cookie = await sessionCookie(user.id);
    const bad = await run(languageAction, makeRequest("/es/account/language", { cookie, form: { language: "fr" } }), {
      lang: "es",
    });
    expect(bad.status).toBe(400);
    expect(await db.user.findUnique({ where: { id: user.id }, select: { language: true } })).toEqual({
      language: "en",
    });
    const offSite = await run(
      languageAction,
      makeRequest("/es/account/language", { cookie, form: { language: "es", redirectTo: "//evil.example" } }),
      { lang: "es" },
    );
    expect(offSite.location).toBe("/es");
  });

  it("sends a signed-out caller to sign in", async () => {
    const result = await run(languageAction, makeRequest("/es/account/language", { form: { language: "es" } }), {
      lang: "es",
    });
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/es\/login\?redirectTo=/);
  });
});
