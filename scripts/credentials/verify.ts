// npm run credential:verify -- <file-or-url>
// Checks a credential JSON exactly as the public /verify page does (the same module
// function): the proof against the issuer's keys, both status lists, the dates. Prints the
// verdict and why; exit 0 when the credential is good now (or a renewal not yet started),
// 1 when it is not, 2 on a usage error. The document loader never uses the network; a URL
// argument is fetched only to read the credential itself.
import fs from "node:fs";
import { verifyCredentialJson, type Verdict } from "../../app/modules/credentials/index.server.ts";
import { db } from "../../app/modules/db/index.server.ts";

const REASONS: Record<Verdict["problems"][number], string> = {
  malformed: "it is not an Open Badges credential of the expected shape",
  "unknown-issuer": "it was not issued by this Puente's DID",
  "bad-signature": "its proof does not match its content: it was altered, or signed with another key",
  "status-unavailable": "its status lists could not be read or verified",
  revoked: "the issuer revoked it",
  suspended: "the issuer suspended it",
  expired: "its validity period has ended",
  "not-yet-valid": "its validity period has not started (a renewal continuing an earlier credential)",
};

async function read(source: string): Promise<unknown> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source, { headers: { Accept: "application/vc+ld+json, application/json" } });
    if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
    return response.json();
  }
  return JSON.parse(fs.readFileSync(source, "utf8"));
}

const source = process.argv[2];
if (!source) {
  console.error("usage: npm run credential:verify -- <credential.json | https://…/credentials/ID.json>");
  process.exit(2);
}
let credential: unknown;
try {
  credential = await read(source);
} catch (error) {
  console.error(`cannot read ${source}: ${(error as Error).message}`);
  process.exit(2);
}
const verdict = await verifyCredentialJson(credential);
await db.$disconnect();
const good = verdict.state === "valid" || verdict.state === "expiring" || verdict.state === "pending";
console.log(`${good ? "VALID" : "NOT VALID"}: ${verdict.state}`);
console.log(`  signature: ${verdict.authentic ? "intact, made by the issuer's key" : "not verified"}`);
if (verdict.validFrom) console.log(`  valid from ${verdict.validFrom} until ${verdict.validUntil}`);
if (verdict.authentic)
  console.log(`  revoked: ${verdict.revoked ? "yes" : "no"}; suspended: ${verdict.suspended ? "yes" : "no"}`);
for (const problem of verdict.problems) console.log(`  because ${REASONS[problem]}`);
for (const detail of verdict.details) console.log(`    ${detail}`);
process.exit(good ? 0 : 1);
