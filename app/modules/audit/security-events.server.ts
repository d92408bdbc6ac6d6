// Refused attempts worth a second look, kept apart from the audit chain (which records
// changes only): one row each, ids only, pruned with the other records past retention.
import { db } from "~/modules/db/index.server.ts";

export async function recordSecurityEvent(input: {
  kind: string;
  actorId: string | null;
  subject: string;
  data?: Record<string, unknown>;
}): Promise<void> {
  await db.securityEvent.create({
    data: { kind: input.kind, actorId: input.actorId, subject: input.subject, data: JSON.stringify(input.data ?? {}) },
    select: { id: true },
  });
}
