// What the hostile-input suite found, each as the shrunk counterexample fast-check printed,
// kept as a plain test: a duplicated field reaches zod as an array, and zod's English default
// ("Expected string, received array", "Required") reached pages in both languages.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { withoutNul } from "../../../server/guards.mjs";
import { resetDatabase } from "../../helpers/factories.ts";
import { EXPECTATIONS } from "../authz/expectations.ts";
import { routeManifest, urlOf } from "../authz/manifest.ts";
import { buildWorld, cookieOf, type Who, type World } from "../authz/world.ts";
import { domainCounts } from "../authz/writes.ts";
import { call, isRefusal, problemsOf, type Handler } from "./answer.ts";
import { bodyOf, type Pairs } from "./hostile.ts";

let world: World;

beforeAll(async () => {
  process.env.CONTENT_DIR = path.resolve(__dirname, "../../fixtures/content/valid");
  await resetDatabase();
  world = await buildWorld();
}, 120_000);

/** `message`: the key of the words the refusal must carry, when its first version said something else. */
type Case = { route: string; who: Who; form?: (w: World) => Pairs; query?: string; message?: string };

const CASES: Record<string, Case> = {
  "sign-in, redirectTo twice": {
    route: "routes/$lang.login",
    who: "anonymous",
    form: () => [
      ["redirectTo", ""],
      ["redirectTo", "A".repeat(2000)],
      ["password", "0"],
    ],
  },
  "account, every field twice": {
    route: "routes/$lang.account._index",
    who: "learner",
    form: () => [
      ["intent", ""],
      ["name", " "],
      ["name", " "],
      ["currentPassword", ""],
      ["currentPassword", "x"],
      ["language", ""],
      ["language", ""],
      ["timeZone", ""],
    ],
  },
  "accommodations, reason twice": {
    route: "routes/$lang.courses_.$course_.quizzes.$quiz.accommodations",
    who: "instructor",
    form: () => [
      ["userId", ""],
      ["reason", "0"],
      ["reason", ""],
      ["extraMinutes", " "],
    ],
  },
  "user administration, organization twice": {
    route: "routes/$lang.admin.users.$userId",
    who: "platform_admin",
    form: (w) => [
      ["intent", "grantRole"],
      ["orgId", w.ids.own.org],
      ["orgId", w.ids.other.org],
      ["role", "learner"],
    ],
  },
  "new cohort, a due date without its course": {
    route: "routes/$lang.orgs.$orgId.cohorts.new",
    who: "org_admin",
    form: () => [
      ["name", "Cohort"],
      ["startsOn", "2026-01-01"],
      ["endsOn", "2026-02-01"],
      ["courseIds", ""],
      ["courseIds", ""],
      ["due", "x"],
    ],
  },
  "sharing proposal, empty profiles twice": {
    route: "routes/$lang.orgs.$orgId.sharing",
    who: "org_admin",
    form: (w) => [
      ["intent", "propose"],
      ["granteeOrgId", w.ids.other.org],
      ["profileId", ""],
      ["profileId", ""],
      ["endsOn", "2030-01-01"],
    ],
  },
  // Once answered "the search text is too long".
  "search, q twice": {
    route: "routes/$lang.search",
    who: "anonymous",
    query: "q=a&q=b",
    message: "learning:errors.unknownIntent",
  },
  "glossary, q twice": {
    route: "routes/$lang.glossary",
    who: "anonymous",
    query: "q=a&q=b",
    message: "learning:errors.unknownIntent",
  },
};

const manifest = routeManifest();

describe("hostile inputs that once got zod's English (fixed)", () => {
  it.each(
    Object.entries(CASES).flatMap(([name, c]) => (["en", "es"] as const).map((lang) => [name, lang, c] as const)),
  )("%s (%s)", async (_, lang, c) => {
    const route = manifest.find((r) => r.id === c.route)!;
    const params = {
      ...EXPECTATIONS[c.route]!.params!(world.ids.own, world, "own", c.form ? "action" : "loader"),
      lang,
    };
    const mod = (await import(/* @vite-ignore */ route.file)) as { action: Handler; loader: Handler };
    const cookie = await cookieOf(world, c.who);
    const url = new URL(urlOf(route.pattern, params), "http://localhost:3000");
    const headers = new Headers(cookie ? { Cookie: cookie } : {});
    let request: Request;
    if (c.form) {
      const { body, type } = bodyOf(c.form(world), "urlencoded");
      headers.set("Content-Type", type!);
      request = new Request(url, { method: "POST", headers, body });
    } else request = new Request(`${url.href}?${c.query}`, { headers });
    const before = await domainCounts();
    const answer = await call(c.form ? mod.action : mod.loader, request, params);
    expect(isRefusal(answer)).toBe(true);
    expect(problemsOf(answer, lang, false)).toEqual([]);
    expect(await domainCounts()).toEqual(before);
    if (c.message) expect((answer.data as { message: string }).message).toBe((await getFixedT(lang))(c.message));
  });
});

describe("hostile inputs that once answered 500 (fixed)", () => {
  it.each(["routes/$lang.admin.audit._index", "routes/$lang.admin.audit.export"])(
    "%s with ?to=9999-12-31 answers, the date refused",
    async (id) => {
      const route = manifest.find((r) => r.id === id)!;
      const mod = (await import(/* @vite-ignore */ route.file)) as { loader: Handler };
      const cookie = (await cookieOf(world, "platform_admin"))!;
      const url = `http://localhost:3000${urlOf(route.pattern, { lang: "es" })}?to=9999-12-31`;
      const answer = await call(mod.loader, new Request(url, { headers: { Cookie: cookie } }), { lang: "es" });
      expect(answer.crash).toBeNull();
      expect(answer.status).toBeLessThan(500);
      expect(problemsOf(answer, "es", route.file.endsWith(".ts"))).toEqual([]);
    },
  );

  it.each(["99999999999999999999999", "1e300", "9007199254740993"])(
    "the officer's list with ?page=%s answers a page",
    async (page) => {
      const route = manifest.find((r) => r.id === "routes/$lang.vetting.checks")!;
      const mod = (await import(/* @vite-ignore */ route.file)) as { loader: Handler };
      const cookie = (await cookieOf(world, "vetting_officer"))!;
      const request = new Request(`http://localhost:3000/es/vetting/checks?page=${page}`, {
        headers: { Cookie: cookie },
      });
      const answer = await call(mod.loader, request, { lang: "es" });
      expect(answer.crash).toBeNull();
      expect(answer.status).toBe(200);
    },
  );
});

// On PostgreSQL a NUL in any value sent to the database answered 500 ("invalid byte sequence
// for encoding UTF8: 0x00") on eleven routes: a note, a reason, an answer, a search.
describe("NUL, which PostgreSQL text cannot hold (fixed)", () => {
  it("a form reads without NUL in names and values", async () => {
    const body = new URLSearchParams([
      ["no\u0000te", "a\u0000b"],
      ["intent", "suspend"],
    ]);
    const form = await readForm(new Request("http://localhost:3000/", { method: "POST", body }));
    expect([...form.entries()]).toEqual([
      ["note", "ab"],
      ["intent", "suspend"],
    ]);
  });

  it("server.mjs drops %00 from the URL before the app reads it", () => {
    expect(withoutNul("/es/vetting/people/x%00?q=a%00b&page=%001")).toBe("/es/vetting/people/x?q=ab&page=1");
  });

  it("suspending a credential with a NUL in the note is stored without it, on both databases", async () => {
    const route = manifest.find((r) => r.id === "routes/$lang.admin.credentials.$credentialId")!;
    const mod = (await import(/* @vite-ignore */ route.file)) as { action: Handler };
    const params = { lang: "es", credentialId: world.ids.other.credential };
    const { body, type } = bodyOf(
      [
        ["intent", "suspend"],
        ["note", "en revisión\u0000"],
      ],
      "urlencoded",
    );
    const headers = { Cookie: (await cookieOf(world, "platform_admin"))!, "Content-Type": type! };
    const request = new Request(`http://localhost:3000${urlOf(route.pattern, params)}`, {
      method: "POST",
      headers,
      body,
    });
    const answer = await call(mod.action, request, params);
    expect(answer.crash).toBeNull();
    expect(answer.status).toBe(302);
  });
});
