// Decision 009's patches: the routes a document is rendered with are made once per build
// (@remix-run/react's RemixServer, react-router-dom's createStaticRouter) and a route tree's
// matches once per path (@remix-run/router). Loaded with require, as the server loads them
// (the CommonJS builds).
import { createRequire } from "node:module";
import { createElement, useContext } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type * as RemixReact from "@remix-run/react";
import type * as RemixRouter from "@remix-run/router";
import type * as ReactRouter from "react-router";
import type * as ReactRouterServer from "react-router-dom/server";

const require = createRequire(import.meta.url);
const { RemixServer } = require("@remix-run/react") as typeof RemixReact;
const { UNSAFE_DataRouterContext } = require("react-router") as typeof ReactRouter;
const { createStaticHandler, createStaticRouter } = require("react-router-dom/server") as typeof ReactRouterServer;
const { matchRoutes } = require("@remix-run/router") as typeof RemixRouter;

type Route = { id: string; path?: string; children?: Route[] };
const tree = (): Route[] => [
  {
    id: "root",
    path: "",
    children: [
      {
        id: "lang",
        path: ":lang",
        children: [
          { id: "privacy", path: "privacy" },
          { id: "lesson", path: "courses/:course/lessons/:lesson" },
        ],
      },
    ],
  },
];

describe("matchRoutes, memoised per tree and path", () => {
  it("answers a repeated path with equal matches that the caller may change without touching the next answer", () => {
    const routes = tree();
    const first = matchRoutes(routes, "/en/courses/aml/lessons/one")!;
    expect(first.map((m) => [m.route.id, m.pathname, m.pathnameBase])).toEqual([
      ["root", "/", "/"],
      ["lang", "/en", "/en"],
      ["lesson", "/en/courses/aml/lessons/one", "/en/courses/aml/lessons/one"],
    ]);
    // As unpatched: one params object shared by the matches of a branch.
    expect(first[0]!.params).toBe(first[2]!.params);
    (first[2]!.params as Record<string, string>).lesson = "changed";
    first.pop();
    const second = matchRoutes(routes, "/en/courses/aml/lessons/one")!;
    expect(second).toHaveLength(3);
    expect(second[2]!.params).toEqual({ lang: "en", course: "aml", lesson: "one" });
    expect(second[2]!.route).toBe(routes[0]!.children![0]!.children![1]);
    expect(matchRoutes(routes, "/en/nowhere/at/all")).toBeNull();
    expect(matchRoutes(routes, "/en/nowhere/at/all")).toBeNull();
  });

  it("matches a new tree against its own routes", () => {
    const routes = tree();
    expect(matchRoutes(routes, "/es/privacy")![2]!.route).toBe(routes[0]!.children![0]!.children![0]);
    const other = tree();
    other[0]!.children![0]!.children![0]!.path = "privacidad";
    expect(matchRoutes(other, "/es/privacy")).toBeNull();
    expect(matchRoutes(other, "/es/privacidad")![2]!.route).toBe(other[0]!.children![0]!.children![0]);
  });
});

describe("createStaticRouter, data routes per routes array", () => {
  it("gives the same routes the same data routes and new routes new ones", async () => {
    const routes = tree();
    const handler = createStaticHandler(routes);
    const context = await handler.query(new Request("http://x/en/privacy"));
    if (context instanceof Response) throw new Error("unexpected response");
    const a = createStaticRouter(routes, context);
    const b = createStaticRouter(routes, context);
    expect(b.routes).toBe(a.routes);
    expect(b.state.matches.map((m) => m.route)).toEqual(a.state.matches.map((m) => m.route));
    expect(a.state.matches[2]!.route).toBe(a.routes[0]!.children![0]!.children![0]);
    const c = createStaticRouter(tree(), context);
    expect(c.routes).not.toBe(a.routes);
    expect(c.routes).toEqual(a.routes);
  });
});

describe("RemixServer, server routes per build", () => {
  // A build of one route: the manifest (build.assets.routes) and the route modules, the latter a
  // new object on each request as in @remix-run/server-runtime.
  function build() {
    const seen: unknown[] = [];
    function Root() {
      seen.push(useContext(UNSAFE_DataRouterContext)!.router.routes);
      return createElement("p", null, "root");
    }
    const module = { default: Root };
    const manifest = {
      entry: { module: "/build/entry.client.js", imports: [] },
      url: "/build/manifest.js",
      version: "1",
      routes: {
        root: { id: "root", path: "", module: "/build/root.js", hasLoader: false, hasAction: false },
      },
    };
    // build.future, one object per build
    const future = { v3_singleFetch: false };
    return { seen, manifest, future, routeModules: () => ({ root: module }) };
  }

  async function render(app: ReturnType<typeof build>) {
    const handler = createStaticHandler([{ id: "root", path: "" }]);
    const staticHandlerContext = await handler.query(new Request("http://x/"));
    if (staticHandlerContext instanceof Response) throw new Error("unexpected response");
    const context = {
      manifest: app.manifest,
      routeModules: app.routeModules(),
      staticHandlerContext,
      future: app.future,
      isSpaMode: false,
      serverHandoffString: "{}",
      serializeError: (error: Error) => ({ message: error.message }),
      renderMeta: {},
    };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a hand-made entry context
    return renderToString(createElement(RemixServer, { context: context as any, url: "http://x/" }));
  }

  it("renders the same build's requests with the same routes and a new build with new ones", async () => {
    const app = build();
    expect(await render(app)).toContain("<p>root</p>");
    await render(app);
    expect(app.seen).toHaveLength(2);
    expect(app.seen[1]).toBe(app.seen[0]);
    const next = build();
    await render(next);
    expect(next.seen[0]).not.toBe(app.seen[0]);
  });
});
