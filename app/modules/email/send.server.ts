import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "~/env.server.ts";

export type OutgoingEmail = { to: string; subject: string; text: string; html: string; lang: string; tag: string };

let transporter: Transporter | undefined;

function smtpTransport(): Transporter {
  transporter ??= nodemailer.createTransport({
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_SECURE,
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS } : undefined,
  });
  return transporter;
}

// Without SMTP settings the same MIME message is written to data/mail/ as an .eml file,
// which is how development, tests and CI read what was "sent".
const fileTransport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

export async function sendEmail(message: OutgoingEmail): Promise<void> {
  const mail = {
    from: env.MAIL_FROM,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: { "Content-Language": message.lang, "X-Puente-Tag": message.tag },
  };
  if (env.SMTP_HOST) {
    await smtpTransport().sendMail(mail);
    return;
  }
  const info = await fileTransport.sendMail(mail);
  const dir = path.resolve(env.MAIL_DIR);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, mailFileName(message, new Date())), info.message as Buffer);
}

let written = 0;

/**
 * `<ISO time>-<sequence>-p<pid>-<tag>-<recipient>.eml`: sorts by time, then by order within a
 * process. Time, tag and recipient alone collided when two processes wrote to the same person in
 * the same millisecond (the vetting reminders' two-process test on PostgreSQL), and the second
 * file replaced the first: a message "sent" and lost.
 */
export function mailFileName(message: Pick<OutgoingEmail, "to" | "tag">, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, "-");
  const safeTo = message.to.replace(/[^a-zA-Z0-9@._-]/g, "_");
  written += 1;
  return `${stamp}-${String(written).padStart(6, "0")}-p${process.pid}-${message.tag}-${safeTo}.eml`;
}
