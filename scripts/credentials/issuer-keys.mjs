// The issuer identity: a did:web and its Ed25519 keys, made together once and kept outside
// the database (never in a dump or backup). Plain Node (no tsx, no build), so it runs
// before any server process starts:
//
//   node scripts/credentials/issuer-keys.mjs           # make it if missing (idempotent)
//   node scripts/credentials/issuer-keys.mjs --rotate  # add a key that signs from now on
//
// Where it lives: ISSUER_KEYS_JSON (the whole file's content, for several servers sharing
// one identity; never written), else the file ISSUER_KEYS_FILE (default
// data/issuer-keys.json, mode 0600). The DID comes from APP_URL as it is when the file is
// made; changing APP_URL later does not change the issuer.
//
// Two processes starting at once: the file is written to a private temporary name and
// hard-linked into place, which fails if it already exists, so exactly one identity wins and
// the other process reads it. Rotation holds an exclusive lock file while it rewrites.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";

/**
 * The project's folder: the nearest one up from `from` holding package.json. Not a fixed "../..":
 * the server bundles this file into build/index.js, one level deep, where "../.." left the
 * project and the server looked for the keys outside it (every /verify page answered 500 after
 * `npm start`, while the seed, run from here, signed with the right file).
 * @param {string} from
 */
export function projectRoot(from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

const root = projectRoot(path.dirname(fileURLToPath(import.meta.url)));
const LOCAL_HOSTS = new Set(["127.0.0.1", "0.0.0.0", "::", "::1", "localhost"]);

/** @param {Record<string, string | undefined>} [env] */
export function keyFilePath(env = process.env) {
  return path.resolve(root, env.ISSUER_KEYS_FILE || "data/issuer-keys.json");
}

/** APP_URL, or where server.mjs listens when it is unset (as app/env.server.ts does). *
 * @param {Record<string, string | undefined>} [env]
 */
export function appUrlOf(env = process.env) {
  if (env.APP_URL) return env.APP_URL.replace(/\/+$/, "");
  const host = env.HOST || "127.0.0.1";
  const port = env.PORT || "3000";
  const name = LOCAL_HOSTS.has(host) ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** did:web of an origin: the host, with a port's colon percent-encoded (did:web spec). */
export function didWebOf(appUrl) {
  const url = new URL(appUrl);
  return `did:web:${encodeURIComponent(url.host)}`;
}

async function newKey(did, number) {
  const id = `${did}#key-${number}`;
  const pair = await Ed25519Multikey.generate({ id, controller: did });
  const exported = await pair.export({ publicKey: true, secretKey: true, includeContext: false });
  return {
    id,
    publicKeyMultibase: exported.publicKeyMultibase,
    secretKeyMultibase: exported.secretKeyMultibase,
    createdAt: new Date().toISOString(),
  };
}

function parse(text, where) {
  const value = JSON.parse(text);
  if (!value || typeof value.did !== "string" || !Array.isArray(value.keys) || value.keys.length === 0)
    throw new Error(`${where}: not an issuer key file (needs "did" and at least one key)`);
  for (const key of value.keys) {
    if (!key.id?.startsWith(`${value.did}#`) || !key.publicKeyMultibase || !key.secretKeyMultibase)
      throw new Error(`${where}: every key needs an id under ${value.did}, a public and a secret key`);
  }
  return value;
}

/** The identity if it exists (env first, then the file), else null. *
 * @param {Record<string, string | undefined>} [env]
 */
export function readIssuer(env = process.env) {
  if (env.ISSUER_KEYS_JSON) return parse(env.ISSUER_KEYS_JSON, "ISSUER_KEYS_JSON");
  const file = keyFilePath(env);
  try {
    return parse(fs.readFileSync(file, "utf8"), file);
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}

function writeExclusive(file, content) {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o600, flag: "wx" });
  try {
    fs.linkSync(tmp, file); // fails with EEXIST when another process got there first
    return true;
  } catch (error) {
    if (error.code === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Makes the identity unless it exists. Returns it and whether this call made it. *
 * @param {Record<string, string | undefined>} [env]
 */
export async function ensureIssuer(env = process.env) {
  const existing = readIssuer(env);
  if (existing) return { issuer: existing, created: false };
  const file = keyFilePath(env);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const appUrl = appUrlOf(env);
  const did = didWebOf(appUrl);
  const issuer = { did, appUrl, createdAt: new Date().toISOString(), keys: [await newKey(did, 1)] };
  const made = writeExclusive(file, `${JSON.stringify(issuer, null, 2)}\n`);
  return { issuer: made ? issuer : readIssuer(env), created: made };
}

async function withLock(file, fn) {
  const lock = `${file}.lock`;
  for (let tries = 0; ; tries++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx", mode: 0o600 });
      break;
    } catch (error) {
      if (error.code !== "EEXIST" || tries > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/** Adds a key that signs from now on; earlier keys stay so their credentials still verify. *
 * @param {Record<string, string | undefined>} [env]
 */
export async function rotateIssuer(env = process.env) {
  if (env.ISSUER_KEYS_JSON)
    throw new Error("ISSUER_KEYS_JSON is set: rotate where that identity is kept, then update the variable");
  await ensureIssuer(env);
  const file = keyFilePath(env);
  return withLock(file, async () => {
    const issuer = readIssuer(env);
    const number = Math.max(...issuer.keys.map((k) => Number(k.id.split("#key-")[1]) || 0)) + 1;
    const key = await newKey(issuer.did, number);
    const next = { ...issuer, keys: [...issuer.keys, key] };
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(tmp, file);
    return { issuer: next, key };
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const quiet = process.argv.includes("--quiet");
  try {
    if (process.argv.includes("--rotate")) {
      const { issuer, key } = await rotateIssuer();
      console.log(`issuer ${issuer.did}: new signing key ${key.id} (${issuer.keys.length} keys published)`);
      console.log("Restart the app servers so they sign with it.");
    } else {
      const { issuer, created } = await ensureIssuer();
      if (created || !quiet)
        console.log(`issuer ${issuer.did}: ${created ? "created" : "present"} (${issuer.keys.length} key(s))`);
    }
  } catch (error) {
    console.error(`issuer keys: ${error.message}`);
    process.exit(1);
  }
}
