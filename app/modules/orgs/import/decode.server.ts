// Bytes of an uploaded roster → text. Excel saves "CSV UTF-8" with a byte-order mark, plain
// "CSV" in the machine's ANSI code page (Windows-1252 for English and Spanish), and "Unicode
// text" as UTF-16 with a mark; the first two are common, the third cheap to accept.
import type { FileError } from "./constants.ts";

export type Encoding = "utf-8" | "utf-8-bom" | "windows-1252" | "utf-16le" | "utf-16be";
export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; error: FileError };

// Windows-1252 is Latin-1 except for 0x80–0x9F, where it has printable characters (€ ‚ ƒ „ …
// ‘ ’ “ ” – — ™ …). Node's TextDecoder("windows-1252") decodes those bytes as Latin-1's C1
// control characters on builds without full ICU (Debian's Node 20 among them), so the table is here.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b));
    text += String.fromCharCode(...codes);
  }
  return text;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * UTF-8 with or without a byte-order mark when the bytes are valid UTF-8; otherwise
 * Windows-1252 (nearly every byte is a character there, so text never fails to decode — but a
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
        text = decodeWindows1252(bytes);
        encoding = "windows-1252";
      }
    }
  } catch {
    // A byte-order mark followed by bytes that are not in its encoding.
    return { ok: false, error: "badEncoding" };
  }
  // Tabs, line breaks and carriage returns belong in a CSV; other control characters do not.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(text)) return { ok: false, error: "notText" };
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
