// Invitation mail from imports goes out through a queue in the database (MailOutbox), at the
// pace the mail server accepts: at most IMPORT_MAIL_PER_MINUTE in any 60 seconds, counted
// over every app server by the rows' sentAt, and spread over the minute (a share per tick).
// The link's token is issued (by the auth module, which stores only its hash) as the message
// is sent, so no clear token ever waits in the queue.
// Other modules queue their own kinds of message here (vetting reminders) and register the
// function that writes and sends one, so every message shares one pace and one retry rule.
import { env } from "~/env.server.ts";
import { issueToken } from "~/modules/auth/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { sendEmail } from "~/modules/email/index.server.ts";
import { isLang } from "~/modules/i18n/index.ts";
import { invitationEmail } from "./mail.server.ts";

export const OUTBOX_TICK_MS = 5_000;
/** How long a claimed message is reserved for the worker sending it. */
const CLAIM_MS = 5 * 60_000;
/** The link works this long after it is sent (the auth module's "org-invitation" link lifetime). */
export const INVITATION_LINK_DAYS = 7;
/** The page where an invitation is accepted (and a new account chooses its password). */
export const INVITATION_ACCEPT_ROUTE = "invitation";

export type DrainResult = { sent: number; skipped: number; failed: number };

/**
 * Writes and sends the message of one queued row of its kind, from what the row refers to as
 * it is now: "skipped" when there is nothing true left to say; throws when sending fails
 * (the row is retried later).
 */
export type OutboxSender = (
  row: {
    id: string;
    userId: string;
    invitationId: string | null;
    reminderId: string | null;
  },
  now: Date,
) => Promise<"sent" | "skipped">;

const INVITATION_KIND = "org-invitation";
const senders = new Map<string, OutboxSender>([[INVITATION_KIND, sendInvitation]]);

/** Lets the queue send rows of `kind` (once per process; the last registration wins). */
export function registerOutboxSender(kind: string, sender: OutboxSender): void {
  senders.set(kind, sender);
}

/**
 * Sends what the rate allows now. `perMinute` and `tick` default to the configured pace;
 * a tick sends at most its share of the minute, and never more than the minute's remainder.
 */
export async function drainOutbox(
  options: { perMinute?: number; tickMs?: number; now?: Date } = {},
): Promise<DrainResult> {
  const perMinute = options.perMinute ?? env.IMPORT_MAIL_PER_MINUTE;
  const tickMs = options.tickMs ?? OUTBOX_TICK_MS;
  const now = options.now ?? new Date();
  const result: DrainResult = { sent: 0, skipped: 0, failed: 0 };
  const sentLastMinute = await db.mailOutbox.count({ where: { sentAt: { gt: new Date(now.getTime() - 60_000) } } });
  const share = Math.max(1, Math.ceil((perMinute * tickMs) / 60_000));
  const allowance = Math.min(share, perMinute - sentLastMinute);
  if (allowance <= 0) return result;
  const due = await db.mailOutbox.findMany({
    where: {
      // Only kinds this process can write (a row of another kind waits for a process that can).
      kind: { in: [...senders.keys()] },
      sentAt: null,
      notBefore: { lte: now },
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: allowance,
  });
  for (const { id } of due) {
    const claimed = await db.mailOutbox.updateMany({
      where: { id, sentAt: null, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      data: { leaseUntil: new Date(now.getTime() + CLAIM_MS), attempts: { increment: 1 } },
    });
    if (claimed.count !== 1) continue;
    result[await sendOne(id, now)] += 1;
  }
  return result;
}

async function sendOne(id: string, now: Date): Promise<keyof DrainResult> {
  const item = await db.mailOutbox.findUniqueOrThrow({
    where: { id },
    select: { id: true, kind: true, userId: true, attempts: true, invitationId: true, reminderId: true },
  });
  const sender = senders.get(item.kind);
  try {
    if (!sender) throw new Error(`no sender for ${item.kind}`);
    const outcome = await sender(item, now);
    await db.mailOutbox.update({
      where: { id },
      data:
        outcome === "sent"
          ? { sentAt: new Date(), lastError: null, leaseUntil: null }
          : { sentAt: new Date(), lastError: "not sent: nothing left to say", leaseUntil: null },
      select: { id: true },
    });
    return outcome;
  } catch (error) {
    // The mail server refused or was down: try again later, waiting longer each time (at most an hour).
    const waitMinutes = Math.min(60, 2 ** Math.min(item.attempts, 6));
    await db.mailOutbox.update({
      where: { id },
      data: {
        leaseUntil: null,
        notBefore: new Date(Date.now() + waitMinutes * 60_000),
        lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
      },
      select: { id: true },
    });
    return "failed";
  }
}

async function sendInvitation(item: { invitationId: string | null }): Promise<"sent" | "skipped"> {
  const invitation = item.invitationId
    ? await db.invitation.findUnique({
        where: { id: item.invitationId },
        select: {
          id: true,
          role: true,
          acceptedAt: true,
          expiresAt: true,
          org: { select: { name: true } },
          user: { select: { id: true, email: true, name: true, language: true, deactivatedAt: true } },
        },
      })
    : null;
  const now = new Date();
  // Nothing to invite to any more: the queue lets it go without sending.
  if (!invitation || invitation.acceptedAt || invitation.expiresAt <= now || invitation.user.deactivatedAt) {
    return "skipped";
  }
  const linkExpires = new Date(now.getTime() + INVITATION_LINK_DAYS * 24 * 60 * 60_000);
  const user = invitation.user;
  const lang = isLang(user.language) ? user.language : "en";
  // The invitation stays open at least as long as the link that leads to it.
  if (invitation.expiresAt < linkExpires) {
    await db.invitation.update({
      where: { id: invitation.id },
      data: { expiresAt: linkExpires },
      select: { id: true },
    });
  }
  const token = await issueToken(user.id, "org-invitation", user.email, `invitation:${invitation.id}`);
  const link = `${env.APP_URL}/${lang}/${INVITATION_ACCEPT_ROUTE}?token=${encodeURIComponent(token)}`;
  await sendEmail(
    await invitationEmail({
      lang,
      to: user.email,
      name: user.name,
      org: invitation.org.name,
      role: invitation.role,
      link,
    }),
  );
  return "sent";
}

/** Invitations an import queued: sent so far and still waiting. */
export async function outboxCounts(jobId: string) {
  const [waiting, sent] = await Promise.all([
    db.mailOutbox.count({ where: { jobId, sentAt: null } }),
    db.mailOutbox.count({ where: { jobId, sentAt: { not: null } } }),
  ]);
  return { waiting, sent };
}
