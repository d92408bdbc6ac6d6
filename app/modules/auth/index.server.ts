export * from "./accounts.server.ts";
export * from "./email-change.server.ts";
export * from "./guards.server.ts";
export { clearAccountLockout, forgetSignInAttempts, isAccountLocked } from "./rate-limit.server.ts";
export { documentFragments, runInRequestScope } from "./request-scope.server.ts";
export { sessionCookies } from "./lucia.server.ts";
export {
  endAllSessions,
  endOtherSessions,
  endSession,
  otherSessionCount,
  getSessionState,
  PENDING_SIGN_IN_MINUTES,
  startSession,
  startSignIn,
  type PendingSignIn,
  type SessionUser,
} from "./session.server.ts";
export {
  beginEnrolment,
  completeEnrolmentSignIn,
  completeSignIn,
  confirmEnrolment,
  enrolKnownSecret,
  RECOVERY_CODE_COUNT,
  TOTP_ISSUER,
  totpStep,
  verifySecondFactor,
  type CodeOutcome,
  type Enrolment,
  type EnrolmentOutcome,
} from "./second-factor.server.ts";
export {
  consumeToken,
  inspectToken,
  issueToken,
  peekToken,
  retireTokensFor,
  type TokenPurpose,
} from "./tokens.server.ts";
export { hashPassword } from "./password.server.ts";
export { clearLanguageOfferCookie, languageOfferCookie, readLanguageOffer, saveLanguage } from "./language.server.ts";
export { claimNotice, forgetMailLimits } from "./mail-limits.server.ts";
export { appLink, langOf, sendLink } from "./notices.server.ts";
export { reauthenticate, reauthNeedsCode, type ReauthOutcome } from "./reauth.server.ts";
export {
  hasSecondFactor,
  regenerateRecoveryCodes,
  resetSecondFactor,
  type ResetOutcome,
} from "./second-factor-manage.server.ts";
