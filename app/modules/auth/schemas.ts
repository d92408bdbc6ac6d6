// Shared by actions and forms. Messages are keys under `auth:fieldErrors`, translated
// where they are shown.
import { z } from "zod";
import { isTimeZone, LANGUAGES } from "~/modules/i18n/index.ts";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
export const NAME_MAX = 120;

const required = { required_error: "required", invalid_type_error: "required" };

export const emailField = z.string(required).trim().toLowerCase().max(254, "emailInvalid").email("emailInvalid");

export const passwordField = z
  .string(required)
  .min(PASSWORD_MIN, "passwordTooShort")
  .max(PASSWORD_MAX, "passwordTooLong");

export const nameField = z.string(required).trim().min(1, "required").max(NAME_MAX, "nameTooLong");

export const languageField = z.enum(LANGUAGES, { errorMap: () => ({ message: "languageInvalid" }) });

export const timeZoneField = z.string(required).refine((value) => isTimeZone(value), "timeZoneInvalid");

export const signUpSchema = z.object({
  name: nameField,
  email: emailField,
  password: passwordField,
  language: languageField,
  privacy: z.literal("on", { errorMap: () => ({ message: "consentRequired" }) }),
});

export const signInSchema = z.object({
  email: emailField,
  password: z.string(required).max(PASSWORD_MAX, "passwordTooLong"),
  // A duplicated field reaches zod as an array: the key, not zod's English default (issue 18).
  redirectTo: z.string(required).optional(),
});

export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordSchema = z.object({ token: z.string(required), password: passwordField });

export const changePasswordSchema = z.object({
  currentPassword: z.string(required).max(PASSWORD_MAX, "passwordTooLong"),
  newPassword: passwordField,
});

export const profileSchema = z.object({
  name: nameField,
  email: emailField,
  language: languageField,
  timeZone: timeZoneField,
  // Checked on the server only when the email address changes.
  currentPassword: z.string(required).max(PASSWORD_MAX, "passwordTooLong").optional(),
});

export const FIELD_ERROR_KEYS = [
  "required",
  "emailInvalid",
  "emailTaken",
  "passwordTooShort",
  "passwordTooLong",
  "nameTooLong",
  "languageInvalid",
  "timeZoneInvalid",
  "currentPasswordWrong",
  "currentPasswordRequired",
  "consentRequired",
] as const;
export type FieldErrorKey = (typeof FIELD_ERROR_KEYS)[number];

/** A common set of zones for the profile form; any valid IANA zone is accepted. */
export const TIME_ZONES = [
  "America/Tijuana",
  "America/Hermosillo",
  "America/Mazatlan",
  "America/Chihuahua",
  "America/Ciudad_Juarez",
  "America/Monterrey",
  "America/Matamoros",
  "America/Mexico_City",
  "America/Cancun",
  "America/Los_Angeles",
  "America/Phoenix",
  "America/Denver",
  "America/Chicago",
  "America/New_York",
  "UTC",
] as const;

/** A code typed at the second-factor step, made canonical; null when it cannot be one. */
export function parseSecondFactorCode(kind: "totp" | "recovery", raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 64) return null;
  if (kind === "totp") {
    const code = raw.replace(/[\s-]/g, "");
    return /^\d{6}$/.test(code) ? code : null;
  }
  const code = raw.toLowerCase().replace(/[\s-]/g, "");
  return /^[a-z2-7]{16}$/.test(code) ? code : null;
}

/** Why a platform admin resets someone's authenticator (kept in the audit chain). */
export const SECOND_FACTOR_RESET_REASONS = ["lostDevice", "newDevice", "appRemoved", "keyLost"] as const;
export type SecondFactorResetReason = (typeof SECOND_FACTOR_RESET_REASONS)[number];
export function isSecondFactorResetReason(value: unknown): value is SecondFactorResetReason {
  return typeof value === "string" && (SECOND_FACTOR_RESET_REASONS as readonly string[]).includes(value);
}
