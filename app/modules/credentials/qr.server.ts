// The QR code of a credential's verification URL, as one SVG path of unit squares: the
// holder's page draws it as inline SVG and the PDF as vector paths, so both are the same code.
import QRCode from "qrcode";

export type QrCode = {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** SVG path data, one `h1v1h-1z` square per dark module, in module units. */
  path: string;
};

export function qrCode(text: string): QrCode {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col} ${row}h1v1h-1z`);
    }
  }
  return { size: modules.size, path: parts.join("") };
}
