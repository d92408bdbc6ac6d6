export * from "./accounts.server.ts";
export * from "./email-change.server.ts";
export * from "./guards.server.ts";
export { clearAccountLockout, forgetSignInAttempts, isAccountLocked } from "./rate-limit.server.ts";
export { endAllSessions, endSession, getSessionState, startSession, type SessionUser } from "./session.server.ts";
export { issueToken, peekToken, type TokenPurpose } from "./tokens.server.ts";
export { hashPassword } from "./password.server.ts";
export { clearLanguageOfferCookie, languageOfferCookie, readLanguageOffer, saveLanguage } from "./language.server.ts";
export { forgetMailLimits } from "./mail-limits.server.ts";
