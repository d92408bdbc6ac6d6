// The start-up step that makes the issuer identity: idempotent, one identity when several
// processes start at once, owner-only file, did:web from APP_URL as it is then.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { didWebOf, ensureIssuer, projectRoot, readIssuer, rotateIssuer } from "./issuer-keys.mjs";

const run = promisify(execFile);
const script = path.resolve(__dirname, "issuer-keys.mjs");
const dirs: string[] = [];
function tmpFile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "issuer-"));
  dirs.push(dir);
  return path.join(dir, "nested", "issuer-keys.json");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("issuer identity start-up step", () => {
  it("makes one identity when four processes start at once, with an owner-only file", async () => {
    const file = tmpFile();
    const env = { ...process.env, ISSUER_KEYS_FILE: file, APP_URL: "https://puente.example.org:8443" };
    delete (env as Record<string, string | undefined>).ISSUER_KEYS_JSON;
    const outputs = await Promise.all([1, 2, 3, 4].map(() => run(process.execPath, [script], { env })));
    expect(outputs.filter((o) => /created/.test(o.stdout))).toHaveLength(1);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const issuer = readIssuer({ ISSUER_KEYS_FILE: file });
    expect(issuer.did).toBe("did:web:puente.example.org%3A8443");
    expect(issuer.keys).toHaveLength(1);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["issuer-keys.json"]); // no temporary files left
  });

  it("is idempotent, and a later APP_URL does not change the issuer", async () => {
    const file = tmpFile();
    const first = await ensureIssuer({ ISSUER_KEYS_FILE: file, APP_URL: "https://a.example" });
    const again = await ensureIssuer({ ISSUER_KEYS_FILE: file, APP_URL: "https://b.example" });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.issuer.did).toBe("did:web:a.example");
    expect(again.issuer.keys[0].publicKeyMultibase).toBe(first.issuer.keys[0].publicKeyMultibase);
  });

  it("rotation adds a key and keeps the old ones; an identity from the environment is never written", async () => {
    const file = tmpFile();
    await ensureIssuer({ ISSUER_KEYS_FILE: file, APP_URL: "https://a.example" });
    const { issuer, key } = await rotateIssuer({ ISSUER_KEYS_FILE: file });
    expect(issuer.keys.map((k: { id: string }) => k.id)).toEqual([
      "did:web:a.example#key-1",
      "did:web:a.example#key-2",
    ]);
    expect(key.id).toBe("did:web:a.example#key-2");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const json = fs.readFileSync(file, "utf8");
    const fromEnv = { ISSUER_KEYS_JSON: json, ISSUER_KEYS_FILE: path.join(path.dirname(file), "unused.json") };
    expect(readIssuer(fromEnv).keys).toHaveLength(2);
    await expect(rotateIssuer(fromEnv)).rejects.toThrow(/ISSUER_KEYS_JSON/);
    expect((await ensureIssuer(fromEnv)).created).toBe(false);
    expect(fs.existsSync(fromEnv.ISSUER_KEYS_FILE)).toBe(false);
  });

  it("encodes the port of a did:web", () => {
    expect(didWebOf("http://localhost:3000")).toBe("did:web:localhost%3A3000");
    expect(didWebOf("https://puente.example.org/")).toBe("did:web:puente.example.org");
  });

  it("finds the project's folder from this file and from the server bundle (build/index.js)", () => {
    const project = path.resolve(__dirname, "../..");
    expect(projectRoot(__dirname)).toBe(project);
    // The bundle sits one level down: a fixed "../.." from there left the project.
    expect(projectRoot(path.join(project, "build"))).toBe(project);
  });
});
