// Text of a roster → rows with their cells checked one by one (nothing here reads the
// database). A problem with the file itself refuses it whole; a problem with a row is that
// row's error, and the other rows go on.
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { isRole, ROLES, type Role } from "~/modules/auth/index.ts";
import { fold } from "~/modules/text/index.ts";
import {
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type FileError,
  type ImportColumn,
  type RowError,
} from "./constants.ts";
import { decodeCsv, detectDelimiter, type Encoding } from "./decode.server.ts";

/** A data line as read: cells verbatim (trimmed), and the checked values when they pass. */
export type ParsedRow = {
  line: number;
  name: string;
  email: string;
  language: string;
  role: string;
  cohort: string;
  error: RowError | null;
  /** The other line this row repeats or contradicts. */
  errorLine?: number;
  value: { name: string; email: string; language: "en" | "es"; role: Role; cohort: string } | null;
};

export type ParsedFile =
  | { ok: true; encoding: Encoding; delimiter: string; rows: ParsedRow[] }
  | { ok: false; error: FileError; columns?: string[]; line?: number };

const key = (text: string) => fold(text).replace(/[^a-z0-9]/g, "");

// Header names accepted for each column, in English and Spanish (compared folded, without
// spaces or punctuation: "Correo electrónico" = "correoelectronico").
const HEADER_ALIASES: Record<ImportColumn, string[]> = {
  name: ["name", "fullname", "nombre", "nombrecompleto"],
  email: ["email", "emailaddress", "mail", "correo", "correoelectronico"],
  language: ["language", "preferredlanguage", "lang", "idioma", "idiomapreferido", "lengua"],
  role: ["role", "rol", "papel"],
  cohort: ["cohort", "group", "cohortid", "grupo", "grupoid", "idgrupo", "cohorte"],
};

const LANGUAGE_VALUES: Record<string, "en" | "es"> = {
  en: "en",
  eng: "en",
  english: "en",
  ingles: "en",
  es: "es",
  spa: "es",
  spanish: "es",
  espanol: "es",
  castellano: "es",
};

// Role cells: the role's id or its name in either language ("Participante", "Supervisor(a)").
const ROLE_VALUES: Record<string, Role> = {
  learner: "learner",
  participante: "learner",
  estudiante: "learner",
  alumno: "learner",
  alumna: "learner",
  instructor: "instructor",
  instructora: "instructor",
  orgadmin: "org_admin",
  organisationadmin: "org_admin",
  organizationadmin: "org_admin",
  administradordelaorganizacion: "org_admin",
  administradoradelaorganizacion: "org_admin",
  supervisor: "supervisor",
  supervisora: "supervisor",
  vettingofficer: "vetting_officer",
  oficialdecontroldeconfianza: "vetting_officer",
};

const emailSchema = z.string().max(254).email();

export const NAME_MAX = 200;

function roleOf(cell: string): Role | null {
  if (isRole(cell)) return cell;
  const k = key(cell.replace(/\((a|o)\)/g, ""));
  return ROLE_VALUES[k] ?? (ROLES.find((r) => key(r) === k) || null);
}

type HeaderMap = { ok: true; index: Record<ImportColumn, number> } | { ok: false; error: FileError; columns: string[] };

function mapHeader(header: string[]): HeaderMap {
  const index: Partial<Record<ImportColumn, number>> = {};
  const unknown: string[] = [];
  const duplicate: string[] = [];
  header.forEach((cell, i) => {
    const k = key(cell);
    if (k === "") return;
    const column = IMPORT_COLUMNS.find((c) => HEADER_ALIASES[c].includes(k));
    if (!column) unknown.push(cell);
    else if (index[column] !== undefined) duplicate.push(cell);
    else index[column] = i;
  });
  const missing = IMPORT_COLUMNS.filter((c) => index[c] === undefined);
  if (missing.length > 0) return { ok: false, error: "missingColumns", columns: missing };
  if (duplicate.length > 0) return { ok: false, error: "duplicateColumns", columns: duplicate };
  if (unknown.length > 0) return { ok: false, error: "unknownColumns", columns: unknown };
  return { ok: true, index: index as Record<ImportColumn, number> };
}

/** Checks the cells of one row on their own (the database and other rows come later). */
export function checkCells(line: number, cells: Record<ImportColumn, string>): ParsedRow {
  const row: ParsedRow = { line, ...cells, error: null, value: null };
  const fail = (error: RowError) => ({ ...row, error });
  if (cells.name === "") return fail("nameMissing");
  if (cells.name.length > NAME_MAX) return fail("nameTooLong");
  const email = cells.email.toLowerCase();
  if (!emailSchema.safeParse(email).success) return fail("emailInvalid");
  const language = LANGUAGE_VALUES[key(cells.language)];
  if (!language) return fail("languageInvalid");
  const role = roleOf(cells.role);
  if (!role) return fail("roleInvalid");
  if (cells.cohort === "") return fail("cohortMissing");
  return { ...row, value: { name: cells.name.replace(/\s+/g, " "), email, language, role, cohort: cells.cohort } };
}

/**
 * Rows of the same address must agree on name, language and role; they may name different
 * cohorts (a person in two groups), but the same address and cohort twice is a duplicate.
 * The first row stands; later ones are errors pointing at it.
 */
export function markRepeats(rows: ParsedRow[]): void {
  const firstByEmail = new Map<string, ParsedRow>();
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (!row.value) continue;
    const v = row.value;
    const first = firstByEmail.get(v.email);
    const pair = `${v.email}\u0000${fold(v.cohort)}`;
    if (seen.has(pair)) {
      const same = first && first.value?.name === v.name && first.value.language === v.language;
      Object.assign(row, { error: same ? "duplicateRow" : "conflictingRow", errorLine: seen.get(pair), value: null });
      continue;
    }
    if (
      first?.value &&
      (first.value.name !== v.name || first.value.language !== v.language || first.value.role !== v.role)
    ) {
      Object.assign(row, { error: "conflictingRow", errorLine: first.line, value: null });
      continue;
    }
    if (!first) firstByEmail.set(v.email, row);
    seen.set(pair, row.line);
  }
}

/** The whole file, or the reason it is refused whole. */
export function parseRoster(bytes: Uint8Array): ParsedFile {
  if (bytes.length > IMPORT_MAX_BYTES) return { ok: false, error: "tooLarge" };
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return decoded;
  const delimiter = detectDelimiter(decoded.text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(decoded.text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
      info: true,
      max_record_size: 64 * 1024,
    }) as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, error: "malformed", ...(typeof line === "number" ? { line } : {}) };
  }
  const first = records[0];
  if (!first) return { ok: false, error: "empty" };
  const header = mapHeader(first.record);
  if (!header.ok) return header;
  const data = records.slice(1);
  if (data.length === 0) return { ok: false, error: "noRows" };
  if (data.length > IMPORT_MAX_ROWS) return { ok: false, error: "tooManyRows" };
  const width = first.record.length;
  const index = header.index;
  const rows = data.map(({ record, info }) => {
    const cells = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, (record[index[c]] ?? "").slice(0, 1000)])) as Record<
      ImportColumn,
      string
    >;
    // info.lines is the line the record ends on; a quoted cell may span lines.
    const row = checkCells(info.lines, cells);
    const extra = record.slice(width).some((cell) => cell !== "");
    return extra && !row.error ? { ...row, error: "tooManyCells" as const, value: null } : row;
  });
  markRepeats(rows);
  return { ok: true, encoding: decoded.encoding, delimiter, rows };
}
