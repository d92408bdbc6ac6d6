// Form limits the pages show and the module enforces (browser-safe: forms set maxLength from them).
export const MAX_EVIDENCE_LENGTH = 64;
export const MAX_REASON_LENGTH = 500;
