// Reads the text of a PDF back without pdftotext (not on every machine): each page's content
// streams are decoded, the hex strings of its text operators mapped through the fonts'
// ToUnicode CMaps (how pdf-lib writes embedded fonts), one line per Tj. Enough for the PDFs
// this app makes; not a general PDF text extractor.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  type PDFRef,
  PDFStream,
  decodePDFRawStream,
} from "pdf-lib";

function streamText(stream: PDFStream): string {
  if (stream instanceof PDFRawStream) return Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
  return Buffer.from(stream.getContents()).toString("latin1");
}

function parseCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const hexToText = (hex: string) => {
    let out = "";
    for (let i = 0; i < hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return out;
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(src!.toUpperCase(), hexToText(dst!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const start = parseInt(lo!, 16);
      const base = parseInt(dst!, 16);
      for (let code = start; code <= parseInt(hi!, 16); code++)
        map.set(code.toString(16).toUpperCase().padStart(lo!.length, "0"), String.fromCodePoint(base + code - start));
    }
  }
  return map;
}

/** The text of every page, one line per text-showing operator. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const lines: string[] = [];
  for (const page of doc.getPages()) {
    const fonts = new Map<string, Map<string, string>>();
    const fontDict = page.node.Resources()?.lookup(PDFName.of("Font"), PDFDict);
    for (const [name, ref] of fontDict?.entries() ?? []) {
      const font = doc.context.lookup(ref as PDFRef, PDFDict);
      const toUnicode = font.lookup(PDFName.of("ToUnicode"));
      if (toUnicode instanceof PDFStream) fonts.set(name.asString(), parseCMap(streamText(toUnicode)));
    }
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray
        ? contents.asArray().map((r) => doc.context.lookup(r, PDFStream))
        : contents
          ? [contents]
          : [];
    let current: Map<string, string> | undefined;
    for (const stream of streams) {
      for (const match of streamText(stream).matchAll(/(\/\S+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj/g)) {
        if (match[1]) current = fonts.get(match[1]);
        else if (match[2] !== undefined && current) {
          let line = "";
          for (let i = 0; i < match[2].length; i += 4)
            line += current.get(match[2].slice(i, i + 4).toUpperCase()) ?? "?";
          lines.push(line);
        }
      }
    }
  }
  return lines.join("\n");
}
