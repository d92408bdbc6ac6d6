// Browser-safe: the holder's ways to share a credential (LinkedIn's add-to-profile link, the
// PDF's address). Pure functions, so the page, the PDF and the tests build the same values.

/** Paper sizes of the PDF certificate. */
export const PAPERS = ["a4", "letter"] as const;
export type Paper = (typeof PAPERS)[number];

export function isPaper(value: unknown): value is Paper {
  return typeof value === "string" && (PAPERS as readonly string[]).includes(value);
}

/** The holder's PDF certificate (signed-in holder only). */
export const certificatePdfPath = (lang: string, id: string, paper: Paper) =>
  `/${lang}/credentials/${id}.pdf?paper=${paper}`;

/**
 * LinkedIn's "add to profile" link for a certification, with the parameters LinkedIn
 * documents for its Add to Profile button (startTask=CERTIFICATION_NAME, name,
 * organizationName, issueYear/issueMonth, expirationYear/expirationMonth, certUrl, certId).
 * Months are 1–12, taken in UTC like every date of the credential.
 */
export function linkedInAddUrl(input: {
  name: string;
  organizationName: string;
  issuedAt: Date;
  validUntil: Date;
  verifyUrl: string;
  id: string;
}): string {
  const params = new URLSearchParams({
    startTask: "CERTIFICATION_NAME",
    name: input.name,
    organizationName: input.organizationName,
    issueYear: String(input.issuedAt.getUTCFullYear()),
    issueMonth: String(input.issuedAt.getUTCMonth() + 1),
    expirationYear: String(input.validUntil.getUTCFullYear()),
    expirationMonth: String(input.validUntil.getUTCMonth() + 1),
    certUrl: input.verifyUrl,
    certId: input.id,
  });
  return `https://www.linkedin.com/profile/add?${params}`;
}
