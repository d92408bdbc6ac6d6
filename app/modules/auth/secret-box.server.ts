// Encrypts TOTP secrets at rest (AES-256-GCM) with a key that never enters the database, so a
// leaked dump or backup holds no usable authenticator secret. The key: TOTP_KEY (base64 of 32
// bytes; every app server of one database needs the same), else the file TOTP_KEY_FILE
// (default data/totp-key, mode 0600), made on first use. Back it up apart from the database:
// without it, enrolled people sign in with a recovery code and enrol again.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const VERSION = "v1";
let cached: { source: string; key: Buffer } | undefined;

function keyFile(): string {
  return path.resolve(process.env.TOTP_KEY_FILE || "data/totp-key");
}

function loadKey(): Buffer {
  const fromEnv = process.env.TOTP_KEY;
  const source = fromEnv ? `env:${fromEnv}` : `file:${keyFile()}`;
  if (cached?.source === source) return cached.key;
  let key: Buffer;
  if (fromEnv) {
    key = Buffer.from(fromEnv, "base64");
  } else {
    const file = keyFile();
    try {
      // "wx": of two processes starting at once, exactly one writes the key; the other reads it.
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, crypto.randomBytes(32).toString("base64"), { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  }
  if (key.length !== 32) throw new Error("TOTP_KEY (or the TOTP key file) must hold 32 bytes in base64");
  cached = { source, key };
  return key;
}

export function sealSecret(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", loadKey(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    body.toString("base64url"),
  ].join(".");
}

/** The secret, or null when it was sealed with another key or altered. */
export function openSecret(sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || !body) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", loadKey(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
