// Reading the audit trail: a page of events (newest first) filtered by action and date, for
// administrators and, limited to the subjects a caller may see, for supervisors; every
// matching event for the CSV. The chain itself is only ever appended to (audit.server.ts).
import { db } from "~/modules/db/index.server.ts";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilter = {
  /** Exact action, or a prefix ending in "." ("vetting." = every vetting event). */
  action?: string;
  /** Events at or after `from`, and before `to`. */
  from?: Date;
  to?: Date;
  /** Only events about these subjects (e.g. `user:<id>`); the caller decides which it may see. */
  subjects?: readonly string[];
};

export type AuditRow = { seq: number; at: Date; actorId: string | null; action: string; subject: string; data: string };

function whereOf(filter: AuditFilter) {
  const action = filter.action?.trim();
  return {
    ...(action ? { action: action.endsWith(".") ? { startsWith: action } : action } : {}),
    ...(filter.from || filter.to
      ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
      : {}),
    ...(filter.subjects ? { subject: { in: [...filter.subjects] } } : {}),
  };
}

const rowSelect = { seq: true, at: true, actorId: true, action: true, subject: true, data: true } as const;

export async function auditPage(filter: AuditFilter, page: number, pageSize = AUDIT_PAGE_SIZE) {
  const where = whereOf(filter);
  const total = await db.auditEvent.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows: AuditRow[] = await db.auditEvent.findMany({
    where,
    select: rowSelect,
    orderBy: { seq: "desc" },
    skip: (current - 1) * pageSize,
    take: pageSize,
  });
  return { rows, total, page: current, pages };
}

/** Every action recorded so far (for the filter's list). */
export async function auditActions(): Promise<string[]> {
  const rows = await db.auditEvent.findMany({
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return rows.map((r) => r.action);
}

/** Every matching event, newest first, a thousand at a time (the CSV). */
export async function* allAuditEvents(filter: AuditFilter): AsyncGenerator<AuditRow[]> {
  const where = whereOf(filter);
  let before: number | null = null;
  for (;;) {
    const rows: AuditRow[] = await db.auditEvent.findMany({
      where: before === null ? where : { AND: [where, { seq: { lt: before } }] },
      select: rowSelect,
      orderBy: { seq: "desc" },
      take: 1000,
    });
    if (rows.length === 0) return;
    yield rows;
    before = rows[rows.length - 1]!.seq;
    if (rows.length < 1000) return;
  }
}
