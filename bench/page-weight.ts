// What one lesson page costs the reader's connection: the document as sent (gzip, as the
// server compresses it), how much of it is inline script (loader data for hydration), and the
// JavaScript the page loads — every <script src>, modulepreload and module import named in the
// page, followed through the static imports of each file, each counted once as sent gzipped.
import { gunzipSync } from "node:zlib";
import type { Client, HttpRequest } from "./load.ts";

export type PageWeight = {
  path: string;
  documentBytes: number;
  documentGzipBytes: number;
  inlineScriptBytes: number;
  scripts: number;
  scriptBytes: number;
  scriptGzipBytes: number;
};

/** Specifiers of `import … from "x"`, `import "x"` and `export … from "x"` in a module. */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  // Only paths: the word "import" also occurs in minified strings (the orgImport namespace).
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["']([^"']+)["']/g))
    if (/^[./]/.test(m[1]!)) found.add(m[1]!);
  return [...found];
}

/** The build's esbuild metafile, in the part this file reads: each output's entry point. */
export type Metafile = { outputs: Record<string, { entryPoint?: string }> };

/**
 * The page's strings chunks: entry.client imports one chunk per language and namespace that
 * `<html data-strings="en:common,learning es:learning">` names (decision 012) dynamically, before
 * hydrating, so they count although they are not static imports. The chunk of
 * `app/modules/i18n/resources/<lang>/<ns>.ts` is found through the build's metafile.
 */
export function stringsChunks(html: string, metafile: Metafile): string[] {
  const tag = /<html\b[^>]*>/.exec(html)?.[0] ?? "";
  const listed = /\bdata-strings="([^"]*)"/.exec(tag)?.[1] ?? "";
  const entries = listed.split(" ").flatMap((entry) => {
    const [lang, names = ""] = entry.split(":");
    return names ? names.split(",").map((ns) => `app/modules/i18n/resources/${lang}/${ns}.ts`) : [];
  });
  const urls: string[] = [];
  for (const [output, { entryPoint }] of Object.entries(metafile.outputs))
    if (entryPoint && entries.includes(entryPoint)) urls.push(`/${output.replace(/^public\//, "")}`);
  if (urls.length !== entries.length) throw new Error(`strings chunks: found ${urls.length} of ${entries.length}`);
  return urls;
}

/** Script URLs a document loads: script src, modulepreload links, imports in inline modules. */
export function scriptUrlsOf(html: string): string[] {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g))
    for (const specifier of staticImports(m[1]!)) urls.add(specifier);
  return [...urls];
}

export function inlineScriptBytes(html: string): number {
  let bytes = 0;
  for (const m of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g))
    bytes += Buffer.byteLength(m[1]!);
  return bytes;
}

async function fetchSized(client: Client, req: HttpRequest) {
  const reply = await client.request(
    { ...req, headers: { ...req.headers, "Accept-Encoding": "gzip" } },
    { keepBody: true },
  );
  if (reply.status !== 200) throw new Error(`${req.path}: HTTP ${reply.status}`);
  const gzipped = reply.headers["content-encoding"] === "gzip";
  const raw = gzipped ? gunzipSync(reply.body) : reply.body;
  return { sent: reply.body.length, raw };
}

export async function pageWeight(client: Client, page: HttpRequest, metafile: Metafile): Promise<PageWeight> {
  const doc = await fetchSized(client, page);
  const html = doc.raw.toString("utf8");
  const seen = new Set<string>();
  const queue = [...scriptUrlsOf(html), ...stringsChunks(html, metafile)].map(
    (u) => new URL(u, "http://127.0.0.1/").pathname,
  );
  let scriptBytes = 0;
  let scriptGzipBytes = 0;
  // Bounded: each URL once, and a page loads far fewer than 1,000 scripts.
  while (queue.length && seen.size < 1000) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const js = await fetchSized(client, { path });
    scriptBytes += js.raw.length;
    scriptGzipBytes += js.sent;
    const code = js.raw.toString("utf8");
    for (const specifier of staticImports(code)) queue.push(new URL(specifier, `http://127.0.0.1${path}`).pathname);
  }
  return {
    path: page.path,
    documentBytes: doc.raw.length,
    documentGzipBytes: doc.sent,
    inlineScriptBytes: inlineScriptBytes(html),
    scripts: seen.size,
    scriptBytes,
    scriptGzipBytes,
  };
}
