// The privacy notice: public, in both languages, with the same sections in each, and the
// facts the notice must state.
import i18next from "i18next";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { i18nextOptions, resources } from "~/modules/i18n/index.server.ts";
import Privacy, { loader } from "~/routes/$lang.privacy/route.tsx";
import { SECTION_ORDER, type NoticeId, type NoticeSection } from "~/routes/$lang.privacy/sections.ts";
import { makeRequest, run } from "../helpers/routes.ts";

const NOTICES: NoticeId[] = ["mx", "us"];
const { privacy: en } = resources.en;
const { privacy: es } = resources.es;

const sectionsOf = (resource: typeof en | typeof es, id: NoticeId) =>
  resource[id].sections as unknown as Record<string, NoticeSection>;
const textOf = (s: NoticeSection) => [s.heading, ...s.body, ...(s.items ?? []), ...(s.after ?? [])].join("\n");

/** Server-renders the page the way Remix would, with the language's translations. */
async function render(lang: "en" | "es"): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.init({ ...i18nextOptions, lng: lang });
  const routes = [
    {
      path: "/:lang/privacy",
      loader: (args: { request: Request; params: Record<string, string | undefined> }) =>
        loader({ ...args, context: {} } as never),
      Component: Privacy,
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(makeRequest(`/${lang}/privacy`));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(
    createElement(I18nextProvider, { i18n }, createElement(StaticRouterProvider, { router, context })),
  );
}

function outline(html: string): string[] {
  return [...html.matchAll(/<(h[123])\b|data-section="([^"]+)"|<(li|p)\b/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

describe("privacy notice page", () => {
  it("is public in both languages, with a translated title", async () => {
    const enResult = await run(loader, makeRequest("/en/privacy"), { lang: "en" });
    const esResult = await run(loader, makeRequest("/es/privacy"), { lang: "es" });
    expect(enResult.status).toBe(200);
    expect(esResult.status).toBe(200);
    expect((enResult.data as { title: string }).title).toBe("Privacy notice");
    expect((esResult.data as { title: string }).title).toBe("Aviso de privacidad");
    expect((esResult.data as { notices: string[] }).notices).toEqual(["mx", "us"]);
    expect((enResult.data as { notices: string[] }).notices).toEqual(["us", "mx"]);
  });

  it("answers 404 for an unknown language prefix", async () => {
    expect((await run(loader, makeRequest("/fr/privacy"), { lang: "fr" })).status).toBe(404);
  });

  it("renders every section of both notices, with one h1 and the same outline in each language", async () => {
    const [enHtml, esHtml] = [await render("en"), await render("es")];
    expect(enHtml.match(/<h1\b/g)).toHaveLength(1);
    expect(esHtml).toContain("<h1>Aviso de privacidad</h1>");
    const sections = (html: string) => [...html.matchAll(/data-section="([^"]+)"/g)].map((m) => m[1]!).sort();
    const expected = NOTICES.flatMap((id) => SECTION_ORDER[id].map((key) => `${id}.${key}`)).sort();
    expect(sections(enHtml)).toEqual(expected);
    expect(sections(esHtml)).toEqual(expected);
    // The notices come in a different order per language; compare each notice's outline.
    const noticeOutline = (html: string, id: NoticeId) =>
      outline(html.split('<section aria-labelledby="notice-').find((chunk) => chunk.startsWith(`${id}"`)) ?? "");
    for (const id of NOTICES)
      expect(noticeOutline(esHtml, id).join(" "), id).toEqual(noticeOutline(enHtml, id).join(" "));
    expect(esHtml).toContain('href="mailto:privacy@puente.test"');
    expect(esHtml).toContain("Sus derechos ARCO y cómo ejercerlos");
  });
});

describe("privacy notice content", () => {
  it("lists every section of each notice exactly once, in both languages", () => {
    for (const id of NOTICES) {
      const order = [...SECTION_ORDER[id]].sort();
      expect(new Set(order).size, id).toBe(order.length);
      expect(Object.keys(sectionsOf(en, id)).sort(), `en ${id}`).toEqual(order);
      expect(Object.keys(sectionsOf(es, id)).sort(), `es ${id}`).toEqual(order);
    }
  });

  it("has the same paragraphs and list items in both languages, section by section", () => {
    for (const id of NOTICES) {
      for (const key of SECTION_ORDER[id]) {
        const shape = (s: NoticeSection) => ({
          body: s.body.length,
          items: s.items?.length ?? 0,
          after: s.after?.length ?? 0,
        });
        expect(shape(sectionsOf(es, id)[key]!), `${id}.${key}`).toEqual(shape(sectionsOf(en, id)[key]!));
      }
    }
  });

  it.each([
    ["en", en],
    ["es", es],
  ] as const)("states the facts a notice must state (%s)", (_lang, resource) => {
    for (const id of NOTICES) {
      const all = Object.values(sectionsOf(resource, id)).map(textOf).join("\n");
      const retention = textOf(sectionsOf(resource, id).retention!);
      const cookies = textOf(sectionsOf(resource, id).cookies!);
      expect(all, id).toContain("privacy@puente.test");
      // Concrete retention periods: 2 years, 15 minutes, 90 days, 5 years, 12 hours (sessions),
      // 1 year (refused actions, SECURITY_EVENT_DAYS).
      for (const period of [
        /\b2 (years|años)\b/,
        /\b15 (minutes|minutos)\b/,
        /\b90 (days|días)\b/,
        /\b5 (years|años)\b/,
        /\b12 (hours|horas)\b/,
        /\b1 (year|año)\b/,
      ]) {
        expect(retention, `${id} ${period}`).toMatch(period);
      }
      expect(cookies).toContain("puente_session");
      expect(cookies).toContain("puente_lang");
      expect(cookies).toMatch(/no analytics|No usamos (cookies de )?analítica/);
      for (const viewer of [
        /organisation administrators|Organisation administrators|administradores de sus organizaciones/,
        /[Ss]upervisors|supervisores/,
        /vetting officers|oficiales de control de confianza/,
        /platform administrators|administradores de la plataforma/,
        // partners through a sharing agreement, told what they never see
        /sharing agreement[^.]*category only|acuerdo de intercambio[^.]*solo por categoría/,
      ]) {
        expect(all, `${id} ${viewer}`).toMatch(viewer);
      }
    }
    const mx = [resource.mx.lead, ...Object.values(sectionsOf(resource, "mx")).map(textOf)].join("\n");
    expect(mx).toContain("Ley Federal de Protección de Datos Personales en Posesión de los Particulares");
    expect(mx).toContain("ARCO");
    expect(mx).toMatch(/20 (business days|días hábiles)/);
  });
});
