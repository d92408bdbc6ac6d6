// Bytes of an uploaded roster → text. Excel saves "CSV UTF-8" with a byte-order mark, plain
// "CSV" in the machine's ANSI code page (Windows-1252 for English and Spanish), and "Unicode
// text" as UTF-16 with a mark; the first two are common, the third cheap to accept.
import type { FileError } from "./constants.ts";

export type Encoding = "utf-8" | "utf-8-bom" | "windows-1252" | "utf-16le" | "utf-16be";
export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; error: FileError };

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * UTF-8 with or without a byte-order mark when the bytes are valid UTF-8; otherwise
 * Windows-1252 (every byte maps to a character there, so text never fails to decode — but a
 * NUL or other control byte means this is not a text file at all).
 */
export function decodeCsv(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, error: "empty" };
  // .xlsx (a ZIP) and .xls (an OLE2 compound file) are workbooks, not CSV.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { ok: false, error: "spreadsheet" };
  }
  let text: string;
  let encoding: Encoding;
  try {
    if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3));
      encoding = "utf-8-bom";
    } else if (startsWith(bytes, [0xff, 0xfe])) {
      text = new TextDecoder("utf-16le", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
      encoding = "utf-16le";
    } else if (startsWith(bytes, [0xfe, 0xff])) {
      text = new TextDecoder("utf-16be", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
      encoding = "utf-16be";
    } else {
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        encoding = "utf-8";
      } catch {
        text = new TextDecoder("windows-1252").decode(bytes);
        encoding = "windows-1252";
      }
    }
  } catch {
    // A byte-order mark followed by bytes that are not in its encoding.
    return { ok: false, error: "badEncoding" };
  }
  // Tabs, line breaks and carriage returns belong in a CSV; other control characters do not.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return { ok: false, error: "notText" };
  return { ok: true, text, encoding };
}

/**
 * The delimiter of the header line: comma, semicolon (Excel where the decimal mark is a
 * comma, as in much of Latin America and Spain) or tab — whichever occurs most outside quotes.
 */
export function detectDelimiter(text: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts] += 1;
  }
  const best = (Object.entries(counts) as [keyof typeof counts, number][]).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ",";
}
