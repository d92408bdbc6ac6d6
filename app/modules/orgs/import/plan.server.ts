// Upload → dry run: the file is read, every row assessed against the database, and the
// report stored as an import job in status "planned". Nothing else is written until the
// admin confirms. A file refused whole stores nothing.
import { db } from "~/modules/db/index.server.ts";
import type { FileError } from "./constants.ts";
import { assess, type Wanted } from "./assess.server.ts";
import { insertRows } from "./bulk.server.ts";
import { parseRoster } from "./parse.server.ts";

export type PlanResult =
  | { ok: true; jobId: string }
  | { ok: false; error: FileError; columns?: string[]; line?: number };

export async function planImport(input: {
  orgId: string;
  actorId: string;
  fileName: string;
  bytes: Uint8Array;
}): Promise<PlanResult> {
  const parsed = parseRoster(input.bytes);
  if (!parsed.ok) return parsed;
  const valid = parsed.rows.filter((r) => r.value);
  const wanted: Wanted[] = valid.map((r) => ({ line: r.line, ...r.value! }));
  const assessed = new Map((await assess(db, input.orgId, wanted)).map((a) => [a.line, a]));
  const rows = parsed.rows.map((r) => {
    const a = assessed.get(r.line);
    const reason = a?.reason ?? r.error;
    const notes = a?.notes ?? (r.errorLine ? [{ code: "sameAccountAs", line: r.errorLine }] : []);
    return {
      line: r.line,
      // Cells are stored as written (a formula stays text; exports escape it).
      name: r.name.slice(0, 300),
      email: r.email.slice(0, 300),
      language: r.language.slice(0, 50),
      role: r.role.slice(0, 100),
      cohort: r.cohort.slice(0, 300),
      cohortId: a?.cohortId ?? null,
      plan: a?.plan ?? "error",
      reason,
      notes: JSON.stringify(notes),
    };
  });
  const errorRows = rows.filter((r) => r.plan === "error").length;
  const fileName = input.fileName.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200) || "roster.csv";
  const jobId = await db.$transaction(
    async (tx) => {
      const job = await tx.importJob.create({
        data: {
          orgId: input.orgId,
          createdById: input.actorId,
          fileName,
          encoding: parsed.encoding,
          status: "planned",
          totalRows: rows.length,
          errorRows,
        },
        select: { id: true },
      });
      await insertRows(
        tx,
        "ImportRow",
        rows.map((r) => ({ jobId: job.id, ...r })),
      );
      return job.id;
    },
    { timeout: 60_000 },
  );
  return { ok: true, jobId };
}
