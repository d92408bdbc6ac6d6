// Reads what the server "sent": without SMTP settings it writes each message as an .eml file
// named `<ISO time>-<sequence>-p<pid>-<tag>-<recipient>.eml` into MAIL_DIR.
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { currentRun } from "../setup/run.ts";

const { mailDir, baseUrl } = currentRun();

export type ReceivedMail = {
  subject: string;
  text: string;
  language: string | undefined;
  tag: string | undefined;
  /** The first link into the app found in the message. */
  link: string;
};

function messagesTo(to: string): string[] {
  if (!fs.existsSync(mailDir)) return [];
  const suffix = `-${to.replace(/[^a-zA-Z0-9@._-]/g, "_")}.eml`;
  // The ISO timestamp prefix sorts by time.
  return fs
    .readdirSync(mailDir)
    .filter((name) => name.endsWith(suffix))
    .sort();
}

/** The newest message to `to` (optionally with the X-Puente-Tag `tag`), waiting up to 5 s for it. */
export async function readLatestMail(to: string, tag?: string): Promise<ReceivedMail> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const files = messagesTo(to).filter((name) => !tag || name.includes(`-${tag}-`));
    const newest = files.at(-1);
    if (newest) {
      const parsed = await simpleParser(fs.readFileSync(path.join(mailDir, newest)));
      const text = parsed.text ?? "";
      const escaped = baseUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const link = new RegExp(`${escaped}/\\S+`).exec(text)?.[0];
      if (!link) throw new Error(`no link to ${baseUrl} in ${newest}:\n${text}`);
      const header = (name: string) => {
        const value = parsed.headers.get(name);
        return typeof value === "string" ? value : undefined;
      };
      return {
        subject: parsed.subject ?? "",
        text,
        language: header("content-language"),
        tag: header("x-puente-tag"),
        link,
      };
    }
    if (Date.now() > deadline) throw new Error(`no message to ${to} in ${mailDir}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** How many messages `to` has received so far. */
export function countMail(to: string): number {
  return messagesTo(to).length;
}
