// Browser-safe facts about organizations and cohorts, shared by forms, loaders and modules.
export const ORG_KINDS = [
  "us_agency",
  "mx_agency",
  "law_school",
  "bar_association",
  "prosecutor_office",
  "other",
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const COUNTRIES = ["US", "MX", "other"] as const;
export type Country = (typeof COUNTRIES)[number];

export function isOrgKind(value: unknown): value is OrgKind {
  return typeof value === "string" && (ORG_KINDS as readonly string[]).includes(value);
}

export function isCountry(value: unknown): value is Country {
  return typeof value === "string" && (COUNTRIES as readonly string[]).includes(value);
}

export const PARTNER_STATUSES = ["invited", "accepted", "declined"] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];
