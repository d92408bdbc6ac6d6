// Public entry of the email module: message templates in both languages and sending (SMTP,
// or `.eml` files in data/mail/ when no SMTP server is configured).
export { sendEmail, type OutgoingEmail } from "./send.server.ts";
export { composeEmail, linkEmail, noticeEmail, type LinkEmailKind, type NoticeEmailKind } from "./templates.server.ts";
