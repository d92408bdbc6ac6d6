// Calls loaders and actions as plain functions with a real Request, the way Remix does,
// and normalizes what they return or throw (redirects and errors are thrown Responses).
import fs from "node:fs";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { simpleParser } from "mailparser";

export type RouteResult = { status: number; headers: Headers; data: unknown; location: string | null };

type RouteFn = (args: { request: Request; params: Params; context: AppLoadContext }) => unknown;

const BASE = "http://localhost:3000";

export function makeRequest(
  pathname: string,
  init: {
    method?: string;
    form?: Record<string, string>;
    cookie?: string | null;
    headers?: Record<string, string>;
  } = {},
): Request {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  let body: BodyInit | undefined;
  if (init.form) {
    body = new URLSearchParams(init.form);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  return new Request(new URL(pathname, BASE), { method: init.method ?? (init.form ? "POST" : "GET"), headers, body });
}

function normalize(value: unknown): RouteResult {
  if (value instanceof Response) {
    return { status: value.status, headers: value.headers, data: null, location: value.headers.get("Location") };
  }
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = value as { data: unknown; init?: { status?: number; headers?: HeadersInit } };
    return { status: init?.status ?? 200, headers: new Headers(init?.headers), data, location: null };
  }
  return { status: 200, headers: new Headers(), data: value, location: null };
}

export async function run(
  fn: RouteFn,
  request: Request,
  params: Record<string, string> = {},
  context: AppLoadContext = { clientIp: "203.0.113.7", requestId: "test" },
): Promise<RouteResult> {
  try {
    return normalize(await fn({ request, params, context }));
  } catch (thrown) {
    if (thrown instanceof Response) return normalize(thrown);
    throw thrown;
  }
}

/** `name=value` pairs of every Set-Cookie header, ready for a Cookie header. */
export function cookiesFrom(result: RouteResult): string {
  const all = result.headers.getSetCookie?.() ?? [];
  return all.map((c) => c.split(";")[0]).join("; ");
}

export type SentMail = { file: string; to: string; subject: string; text: string; html: string; language: string };

/** Mails written to MAIL_DIR as .eml files, oldest first, decoded. */
export async function sentMails(): Promise<SentMail[]> {
  const dir = process.env.MAIL_DIR!;
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).sort();
  return Promise.all(
    files.map(async (file) => {
      const mail = await simpleParser(fs.readFileSync(path.join(dir, file)));
      const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
      return {
        file,
        to,
        subject: mail.subject ?? "",
        text: mail.text ?? "",
        html: typeof mail.html === "string" ? mail.html : "",
        language: String(mail.headers.get("content-language") ?? ""),
      };
    }),
  );
}

/** The token of the last link sent to `to` for `route` (e.g. "verify-email"). */
export async function lastTokenFor(to: string, route: string): Promise<string> {
  const mail = (await sentMails())
    .filter((m) => m.to.includes(to))
    .reverse()
    .find((m) => m.text.includes(`/${route}?token=`));
  if (!mail) throw new Error(`no ${route} mail to ${to}`);
  return new RegExp(`/${route}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text)![1]!;
}
