import { beforeEach, describe, expect, it } from "vitest";
import type { Role } from "~/modules/auth/index.ts";
import { getModule, getQuiz } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { loader as quizLoader } from "~/routes/$lang.instructor.quizzes.$quiz/route.tsx";
import { loader as exportLoader } from "~/routes/$lang.instructor.quizzes.$quiz.export/route.ts";
import { loader as listLoader } from "~/routes/$lang.instructor.quizzes._index/route.tsx";
import { createMember, createOrg, createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { makeRequest, run } from "../helpers/routes.ts";
import { allFields, takeAttempt } from "./quiz-stats-helpers.ts";

beforeEach(resetDatabase);

const QUIZ = "m2-us-framework-quiz";
const quiz = getQuiz(QUIZ)!;

/** Three learners of one organization submit the real module 2 quiz, in both languages. */
async function world() {
  const org = await createOrg();
  for (const [lang, correct] of [
    ["en", true],
    ["es", false],
    ["es", true],
  ] as const) {
    const { user } = await createMember("learner", org.id);
    await takeAttempt(user.id, quiz, lang, (items) => allFields(items, correct));
  }
  return org.id;
}

async function cookieFor(role: Role | "admin" | "none", orgId: string) {
  if (role === "admin") return sessionCookie((await createUser({ admin: true })).id);
  if (role === "none") return sessionCookie((await createUser()).id);
  return sessionCookie((await createMember(role, orgId)).user.id);
}

const routes = [
  ["the quiz list", listLoader, (lang: string) => `/${lang}/instructor/quizzes`],
  ["the item statistics page", quizLoader, (lang: string) => `/${lang}/instructor/quizzes/${QUIZ}`],
  ["the CSV export", exportLoader, (lang: string) => `/${lang}/instructor/quizzes/${QUIZ}/export`],
] as const;

describe.each(routes)("%s", (_name, loader, path) => {
  it("sends a signed-out visitor to sign in", async () => {
    const result = await run(loader, makeRequest(path("en")), { lang: "en", quiz: QUIZ });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/en/login?${new URLSearchParams({ redirectTo: path("en") })}`);
  });

  it.each(["learner", "supervisor", "org_admin", "vetting_officer", "admin", "none"] as const)(
    "refuses %s with 403",
    async (role) => {
      const orgId = await world();
      const cookie = await cookieFor(role, orgId);
      const result = await run(loader, makeRequest(path("es"), { cookie }), { lang: "es", quiz: QUIZ });
      expect(result.status).toBe(403);
    },
  );

  it("answers an instructor, and 404s an unknown language prefix", async () => {
    const orgId = await world();
    const cookie = await cookieFor("instructor", orgId);
    expect((await run(loader, makeRequest(path("es"), { cookie }), { lang: "es", quiz: QUIZ })).status).toBe(200);
    expect((await run(loader, makeRequest(path("fr"), { cookie }), { lang: "fr", quiz: QUIZ })).status).toBe(404);
  });
});

describe("the item statistics page", () => {
  it("shows the figures of the instructor's organizations, titled in the page language", async () => {
    const orgId = await world();
    // Another organization's instructor sees none of these attempts.
    const elsewhere = await cookieFor("instructor", (await createOrg()).id);
    const cookie = await cookieFor("instructor", orgId);
    const result = await run(quizLoader, makeRequest(`/es/instructor/quizzes/${QUIZ}`, { cookie }), {
      lang: "es",
      quiz: QUIZ,
    });
    const data = result.data as Awaited<ReturnType<typeof quizLoader>>;
    // Outside a course a quiz is named after its module, with no number (it differs by course).
    expect(data.title).toBe(`Estadísticas por reactivo: Cuestionario — ${getModule(quiz.moduleId)!.title.es}`);
    expect(data.stats.attempts).toEqual({ all: 3, en: 1, es: 2 });
    // Items are drawn per attempt: every item each attempt drew has one response.
    const drawn = await db.quizAttempt.aggregate({ _sum: { maxPoints: true } });
    const items = data.stats.units.flatMap((u) => u.items);
    expect(items.reduce((sum, i) => sum + i.all.responses, 0)).toBe(drawn._sum.maxPoints);
    // All right in English; one Spanish attempt all right, one all wrong.
    for (const item of items.filter((i) => i.en.responses > 0)) expect(item.en.shareCorrect).toBe(1);
    expect(items.filter((i) => i.es.responses > 0).some((i) => i.es.shareCorrect! < 1)).toBe(true);
    const other = await run(quizLoader, makeRequest(`/en/instructor/quizzes/${QUIZ}`, { cookie: elsewhere }), {
      lang: "en",
      quiz: QUIZ,
    });
    expect((other.data as typeof data).stats.attempts.all).toBe(0);
  });

  it("lists every quiz with its submitted attempts by language", async () => {
    const orgId = await world();
    const cookie = await cookieFor("instructor", orgId);
    const result = await run(listLoader, makeRequest("/en/instructor/quizzes", { cookie }), { lang: "en" });
    const { quizzes, title } = result.data as Awaited<ReturnType<typeof listLoader>>;
    expect(title).toBe("Item statistics");
    expect(quizzes.find((q) => q.id === QUIZ)).toMatchObject({
      title: `Quiz — ${getModule(quiz.moduleId)!.title.en}`,
      attempts: { all: 3, en: 1, es: 2 },
    });
    expect(quizzes.find((q) => q.id === "m1-foundations-quiz")?.attempts).toEqual({ all: 0, en: 0, es: 0 });
  });

  it("404s a quiz that does not exist, for an instructor only", async () => {
    const orgId = await world();
    const instructor = await cookieFor("instructor", orgId);
    const learner = await cookieFor("learner", orgId);
    const params = { lang: "en", quiz: "no-such-quiz" };
    expect(
      (await run(quizLoader, makeRequest("/en/instructor/quizzes/no-such-quiz", { cookie: instructor }), params))
        .status,
    ).toBe(404);
    expect(
      (
        await run(
          exportLoader,
          makeRequest("/en/instructor/quizzes/no-such-quiz/export", { cookie: instructor }),
          params,
        )
      ).status,
    ).toBe(404);
    expect(
      (await run(quizLoader, makeRequest("/en/instructor/quizzes/no-such-quiz", { cookie: learner }), params)).status,
    ).toBe(403);
  });
});

/** A strict RFC 4180 reader, to check the export round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += c;
    }
  }
  expect(cell, "file ends with CRLF").toBe("");
  return rows;
}

describe("the CSV export", () => {
  async function download(lang: "en" | "es") {
    const orgId = await world();
    const cookie = await cookieFor("instructor", orgId);
    const response = (await exportLoader({
      request: makeRequest(`/${lang}/instructor/quizzes/${QUIZ}/export`, { cookie }),
      params: { lang, quiz: QUIZ },
      context: {},
    })) as Response;
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  it("is a UTF-8 attachment with a BOM and a header row in the page language", async () => {
    const { response, bytes } = await download("es");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="estadisticas-por-reactivo-${QUIZ}-es.csv"`,
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes));
    expect(rows[0]).toEqual([
      "ID del cuestionario",
      "ID del reactivo",
      "Tipo",
      "Tema",
      "Enunciado",
      "Respuestas",
      "Proporción totalmente correcta",
      "Puntuación media",
      "Discriminación",
      "Respuestas (inglés)",
      "Proporción totalmente correcta (inglés)",
      "Respuestas (español)",
      "Proporción totalmente correcta (español)",
      "Marcado",
    ]);
  });

  it("has one row per item, with prompts (commas, quotes, accents) round-tripping exactly", async () => {
    const { bytes } = await download("es");
    const rows = parseCsv(new TextDecoder().decode(bytes)).slice(1);
    const itemIds = quiz.items.flatMap((i) => (i.type === "case" ? i.items.map((s) => s.id) : [i.id]));
    expect(rows.map((r) => r[1])).toEqual(itemIds);
    const prompts = new Map(
      quiz.items.flatMap((i) => (i.type === "case" ? i.items : [i])).map((i) => [i.id, i.prompt.es]),
    );
    for (const row of rows) {
      expect(row).toHaveLength(14);
      expect(row[0]).toBe(QUIZ);
      expect(row[4]).toBe(prompts.get(row[1]!));
      expect(row[13]).toBe("no");
    }
    // m2-q16's prompt has quotes: it must be quoted, inner quotes doubled, in the raw file.
    const raw = new TextDecoder().decode(bytes);
    expect(prompts.get("m2-q16")).toMatch(/"/);
    expect(raw).toContain(`"${prompts.get("m2-q16")!.replace(/"/g, '""')}"`);
    const withComma = [...prompts.values()].find((text) => text.includes(","))!;
    expect(raw).toContain(`"${withComma.replace(/"/g, '""')}"`);
    for (const r of rows.filter((row) => row[5] !== "0")) {
      expect(Number(r[9]) + Number(r[11])).toBe(Number(r[5]));
      expect(Number(r[6])).toBeGreaterThanOrEqual(0);
      expect(Number(r[6])).toBeLessThanOrEqual(1);
    }
  });
});
