// Reminders before a lapse, part two: the message. Written when it is sent, from the data as
// it is then (a credential renewed or a check replaced in the meantime is not announced as
// lapsing), in the recipient's language and time zone.
import { env } from "~/env.server.ts";
import { getAchievement, getCheckType } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { composeEmail, sendEmail } from "~/modules/email/index.server.ts";
import { formatDate, isLang, isTimeZone, DEFAULT_TIME_ZONE, type Lang } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { currentPassedChecks } from "./reminders-due.server.ts";

/** The mail outbox's kind for reminders (its sender is registered by reminders.server.ts). */
export const REMINDER_KIND = "vetting-reminder";

const personSelect = {
  id: true,
  email: true,
  name: true,
  language: true,
  timeZone: true,
  deactivatedAt: true,
} as const;

/** What the reminder is about, as it is now; null when it no longer lapses on that date. */
async function itemNow(
  reminder: { holderId: string; itemKind: string; itemId: string; lapsesOn: Date },
  now: Date,
): Promise<{ name: { en: string; es: string }; orgName: string | null; link: (lang: Lang) => string } | null> {
  if (reminder.lapsesOn <= now) return null;
  if (reminder.itemKind === "credential") {
    const c = await db.credential.findUnique({
      where: { id: reminder.itemId },
      select: { achievementId: true, validUntil: true, revokedAt: true, renewedById: true },
    });
    if (!c || c.revokedAt || c.renewedById || c.validUntil.getTime() !== reminder.lapsesOn.getTime()) return null;
    const achievement = getAchievement(c.achievementId);
    if (!achievement) return null;
    const course = achievement.courses[0];
    return {
      name: achievement.name,
      orgName: null,
      link: (lang) => (course ? `${env.APP_URL}/${lang}/courses/${course}` : `${env.APP_URL}/${lang}`),
    };
  }
  const check = await db.vettingCheck.findUnique({
    where: { id: reminder.itemId },
    select: { id: true, userId: true, kind: true, orgId: true },
  });
  if (!check) return null;
  const org = await db.organization.findUnique({ where: { id: check.orgId }, select: { name: true } });
  const current = (await currentPassedChecks({ userId: { in: [check.userId] } })).find((c) => c.kind === check.kind);
  if (!current || current.id !== check.id || current.expiresOn?.getTime() !== reminder.lapsesOn.getTime()) return null;
  const type = getCheckType(check.kind);
  return {
    name: type?.name ?? { en: check.kind, es: check.kind },
    orgName: org?.name ?? null,
    link: (lang) => `${env.APP_URL}/${lang}`,
  };
}

/** Writes and sends one reminder (the outbox's sender for its kind). */
export async function sendReminder(reminderId: string, now: Date): Promise<"sent" | "skipped"> {
  const reminder = await db.vettingReminder.findUnique({
    where: { id: reminderId },
    select: { holderId: true, recipientId: true, itemKind: true, itemId: true, lapsesOn: true },
  });
  if (!reminder) return "skipped";
  const [recipient, holder] = await Promise.all([
    db.user.findUnique({ where: { id: reminder.recipientId }, select: personSelect }),
    db.user.findUnique({ where: { id: reminder.holderId }, select: personSelect }),
  ]);
  if (!recipient || !holder || recipient.deactivatedAt || holder.deactivatedAt) return "skipped";
  const item = await itemNow(reminder, now);
  if (!item) return "skipped";
  const lang: Lang = isLang(recipient.language) ? recipient.language : "en";
  const t = await getFixedT(lang);
  const zone = isTimeZone(recipient.timeZone) ? recipient.timeZone : DEFAULT_TIME_ZONE;
  const toHolder = recipient.id === holder.id;
  const isCredential = reminder.itemKind === "credential";
  let orgName = item.orgName;
  if (!toHolder && !orgName) orgName = await sharedOrgName(recipient.id, holder.id);
  const values = {
    item: item.name[lang],
    date: formatDate(reminder.lapsesOn, lang, zone),
    person: holder.name,
    org: orgName ?? "",
  };
  const R = "email:vettingReminder";
  const subject = toHolder
    ? t(isCredential ? `${R}.credentialSubject` : `${R}.checkSubject`, values)
    : t(isCredential ? `${R}.supervisorCredentialSubject` : `${R}.supervisorCheckSubject`, values);
  const body = toHolder
    ? [
        t(isCredential ? `${R}.credentialBody` : `${R}.checkBody`, values),
        t(isCredential ? `${R}.credentialAction` : `${R}.checkAction`, values),
      ]
    : [
        t(isCredential ? `${R}.supervisorCredentialBody` : `${R}.supervisorCheckBody`, values),
        t(`${R}.supervisorAction`, values),
      ];
  const link = toHolder ? item.link(lang) : `${env.APP_URL}/${lang}/vetting/${holder.id}`;
  await sendEmail(
    composeEmail(
      lang,
      recipient.email,
      REMINDER_KIND,
      subject,
      [t("email:greeting", { name: recipient.name }), ...body],
      link,
      [t(`${R}.why`), t("email:signature")],
    ),
  );
  return "sent";
}

/** The name of an organization where `supervisorId` supervises `holderId`. */
async function sharedOrgName(supervisorId: string, holderId: string): Promise<string | null> {
  const m = await db.membership.findFirst({
    where: {
      userId: supervisorId,
      roles: { some: { role: "supervisor" } },
      org: { memberships: { some: { userId: holderId } } },
    },
    select: { org: { select: { name: true } } },
  });
  return m?.org.name ?? null;
}
