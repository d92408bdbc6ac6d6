// The holder's PDF certificate: bilingual (English and Spanish on one page), A4 or US Letter,
// with the verification URL and its QR code drawn as vector paths. The font is Lato (SIL Open
// Font License), shipped in app/assets/fonts/ and embedded as a subset, so accents and both
// surnames print as registered; nothing is fetched at run time.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { getAchievement } from "~/modules/content/index.server.ts";
import { formatDate, formatNumber, type Lang } from "~/modules/i18n/index.ts";
import { resources } from "~/modules/i18n/index.server.ts";
import { publicUrls, type PublicRecord } from "./queries.server.ts";
import { qrCode } from "./qr.server.ts";
import type { Paper } from "./share.ts";

const PAGE_SIZES: Record<Paper, [number, number]> = { a4: [595.28, 841.89], letter: [612, 792] };
const FONT_DIR = resolve(process.env.FONT_DIR ?? "app/assets/fonts");

let fonts: { regular: Uint8Array; bold: Uint8Array } | null = null;
function fontBytes() {
  fonts ??= {
    regular: readFileSync(resolve(FONT_DIR, "Lato-Regular.ttf")),
    bold: readFileSync(resolve(FONT_DIR, "Lato-Bold.ttf")),
  };
  return fonts;
}

const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.33, 0.36, 0.4);
const ACCENT = rgb(0.05, 0.33, 0.45);

/** Splits text into lines that fit `width` at `size` (words never broken, long words kept whole). */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

class Writer {
  y: number;
  constructor(
    private page: PDFPage,
    private left: number,
    private width: number,
    top: number,
  ) {
    this.y = top;
  }
  text(text: string, font: PDFFont, size: number, options: { color?: typeof INK; gap?: number; width?: number } = {}) {
    for (const line of wrapText(text, font, size, options.width ?? this.width)) {
      this.y -= size * 1.25;
      this.page.drawText(line, { x: this.left, y: this.y, size, font, color: options.color ?? INK });
    }
    this.y -= options.gap ?? 0;
  }
  space(points: number) {
    this.y -= points;
  }
}

/** The certificate of one credential (the caller has checked it is the holder's own). */
export async function certificatePdf(record: PublicRecord, paper: Paper): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const bytes = fontBytes();
  const regular = await doc.embedFont(bytes.regular, { subset: true });
  const bold = await doc.embedFont(bytes.bold, { subset: true });
  const [pageWidth, pageHeight] = PAGE_SIZES[paper];
  const page = doc.addPage([pageWidth, pageHeight]);
  const margin = 56;
  const width = pageWidth - 2 * margin;
  const verifyUrl = publicUrls(record.id).verify;
  const achievement = getAchievement(record.achievementId);
  const en = resources.en.credentials.pdf;
  const es = resources.es.credentials.pdf;
  const both = (a: string, b: string) => `${a} · ${b}`;
  const date = (d: Date, lang: Lang) => formatDate(d, lang, "UTC");

  doc.setTitle(`${record.name.en} — ${record.holderName}`);
  doc.setAuthor(record.issuer.name);
  doc.setSubject(both(en.subject, es.subject));
  doc.setLanguage(record.lang === "es" ? "es-MX" : "en-US");
  doc.setCreator("Puente");
  doc.setProducer("Puente (pdf-lib)");

  page.drawRectangle({
    x: 24,
    y: 24,
    width: pageWidth - 48,
    height: pageHeight - 48,
    borderColor: ACCENT,
    borderWidth: 1.5,
  });

  const w = new Writer(page, margin, width, pageHeight - margin);
  w.text(record.issuer.name, bold, 14, { color: ACCENT, gap: 10 });
  w.text(en.heading, bold, 24);
  w.text(es.heading, bold, 20, { color: MUTED, gap: 18 });
  w.text(both(en.certifies, es.certifies), regular, 11, { color: MUTED, gap: 4 });
  // A name too long for one line at 26 pt is set smaller, so the page keeps room for the QR code.
  const nameSize = bold.widthOfTextAtSize(record.holderName, 26) > width ? 18 : 26;
  w.text(record.holderName, bold, nameSize, { gap: 12 });
  w.text(both(en.earned, es.earned), regular, 11, { color: MUTED, gap: 4 });
  w.text(record.name.en, bold, 16, { gap: 2 });
  w.text(record.name.es, bold, 16, { color: MUTED, gap: 10 });
  if (achievement) {
    w.text(achievement.description.en, regular, 9.5, { gap: 4 });
    w.text(achievement.description.es, regular, 9.5, { color: MUTED, gap: 12 });
  }

  const facts: [string, string][] = [
    [both(en.issued, es.issued), both(date(record.issuedAt, "en"), date(record.issuedAt, "es"))],
  ];
  if (record.predecessorId)
    facts.push([both(en.validFrom, es.validFrom), both(date(record.validFrom, "en"), date(record.validFrom, "es"))]);
  facts.push([both(en.expires, es.expires), both(date(record.validUntil, "en"), date(record.validUntil, "es"))]);
  if (record.hours !== null)
    facts.push([both(en.hours, es.hours), both(formatNumber(record.hours, "en"), formatNumber(record.hours, "es"))]);
  facts.push([both(en.credentialId, es.credentialId), record.id]);
  for (const [label, value] of facts) {
    w.text(label, regular, 9, { color: MUTED });
    w.text(value, bold, 11, { gap: 6 });
  }
  if (record.hours !== null) {
    w.space(2);
    w.text(en.hoursNote, regular, 8, { color: MUTED });
    w.text(es.hoursNote, regular, 8, { color: MUTED });
  }

  // Bottom: the QR code on the right, the verification URL on the left.
  const qr = qrCode(verifyUrl);
  const qrSide = 112;
  const unit = qrSide / qr.size;
  const qrX = pageWidth - margin - qrSide;
  const qrY = margin + 4;
  page.drawSvgPath(qr.path, { x: qrX, y: qrY + qrSide, scale: unit, color: INK, borderWidth: 0 });
  const bottom = new Writer(page, margin, width - qrSide - 24, qrY + qrSide);
  bottom.text(both(en.verifyAt, es.verifyAt), bold, 10, { gap: 2 });
  bottom.text(verifyUrl, regular, 10, { color: ACCENT, gap: 6 });
  bottom.text(en.verifyNote, regular, 8, { color: MUTED });
  bottom.text(es.verifyNote, regular, 8, { color: MUTED });
  return doc.save();
}

/** A file name made only of safe ASCII characters. */
export function certificateFileName(record: Pick<PublicRecord, "achievementId" | "id">, paper: Paper): string {
  const slug = record.achievementId.replace(/[^a-z0-9-]/gi, "").slice(0, 60) || "credential";
  return `puente-${slug}-${record.id.slice(0, 8)}-${paper}.pdf`;
}
