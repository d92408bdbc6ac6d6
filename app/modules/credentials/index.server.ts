// Public server entry of the credentials module: issuance, Open Badges 3.0 signing, status
// lists, verification, admin actions. Routes and other modules import only this file (and
// ./index.ts for browser-safe types).
export {
  awardEarnedCredentials,
  issueCredentialAt,
  attemptCycleStart,
  planFor,
  requiredQuizzes,
  addMonths,
  type Issued,
  type Plan,
} from "./award.server.ts";
export {
  credentialsOf,
  publicRecord,
  ownCredentialRecord,
  publicUrls,
  recordState,
  achievementDocument,
  adminCredential,
  type HolderCredential,
  type PublicRecord,
} from "./queries.server.ts";
export {
  verifyCredentialJson,
  verifyStored,
  forgetVerdicts,
  type Verdict,
  type StoredVerdict,
  type Problem,
} from "./verify.server.ts";
export {
  revokeCredential,
  suspendCredential,
  reinstateCredential,
  setNameConfirmation,
  isRevokeReason,
  MAX_NOTE_LENGTH,
  type Actor,
  type ManageOutcome,
  type ManageRefusal,
} from "./manage.server.ts";
export { statusListCredential, forgetStatusLists, STATUS_LIST_SIZE, type ServedList } from "./status-lists.server.ts";
export {
  didDocument,
  ensureIssuerIdentity,
  issuer,
  issuerDid,
  forgetIssuer,
  IssuerMissingError,
} from "./issuer.server.ts";
export { makeDocumentLoader, UnknownDocumentError } from "./document-loader.server.ts";
export * from "./types.ts";
export { allowVerification } from "./rate-limit.server.ts";
export { verifyPage, verifyLanguage, nameMatches, type VerifyPage } from "./public-view.server.ts";
export {
  holderCards,
  currentCredentialsOf,
  currentCredentialLabels,
  hasCertificate,
  type HolderCard,
  type CurrentCredential,
  type CurrentCredentialLabel,
} from "./holder.server.ts";
export { certificatePdf, certificateFileName } from "./pdf.server.ts";
export { qrCode, type QrCode } from "./qr.server.ts";
export * from "./share.ts";
export {
  issueClearance,
  revokeClearance,
  type ClearanceActor,
  type ClearanceOutcome,
  type ClearanceRefusal,
} from "./clearance.server.ts";
export {
  clearanceVerifyPage,
  confirmClearanceName,
  clearanceJson,
  clearanceLinks,
  holderClearances,
  orgClearances,
  typedNameMatches,
  initialsOf,
  type ClearanceCard,
  type ClearanceVerifyPage,
} from "./clearance-view.server.ts";
export { normalizeName, nameHash } from "./clearance-build.server.ts";
export { clearanceDataChanged, clearanceSuspensions, CLEARANCE_LIST_TTL_MS } from "./clearance-status.server.ts";
export { allowNameConfirmation } from "./rate-limit.server.ts";
