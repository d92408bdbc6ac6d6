// `node bench/profile-summary.mjs file.cpuprofile [n]`: where a V8 CPU profile's time went —
// self time by function, by package (or app/build file), and inclusive time of chosen frames.
import fs from "node:fs";

const [file, n = "30"] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
const self = new Map();
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++)
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const pct = (us) => ((us / total) * 100).toFixed(1).padStart(5) + " %";
const where = (cf) => {
  const u = cf.url || "";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (m) return m[1];
  if (u.includes("/build/")) return "build/index.js";
  if (u.startsWith("node:")) return u;
  return u ? u.replace(/^file:\/\/\/work\/wt-perf\//, "") : `(${cf.functionName || "program"})`;
};
const bySelf = new Map();
const byPkg = new Map();
for (const [id, us] of self) {
  const cf = nodes.get(id).callFrame;
  const key = `${cf.functionName || "(anon)"} ${where(cf)}:${cf.lineNumber + 1}`;
  bySelf.set(key, (bySelf.get(key) ?? 0) + us);
  byPkg.set(where(cf), (byPkg.get(where(cf)) ?? 0) + us);
}
// Inclusive: each sample counted once per distinct function name on its stack.
const incl = new Map();
for (const [id, us] of self) {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const cf = nodes.get(cur).callFrame;
    const key = `${cf.functionName || "(anon)"} ${where(cf)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    incl.set(key, (incl.get(key) ?? 0) + us);
  }
}
const top = (m, k) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([key, us]) => `${pct(us)}  ${key}`)
    .join("\n");
console.log(
  `total ${(total / 1000).toFixed(0)} ms sampled\n\n== self by package ==\n${top(byPkg, 25)}\n\n== self by function ==\n${top(bySelf, Number(n))}\n\n== inclusive ==\n${top(incl, Number(n) * 2)}`,
);

// `… file n callersOf`: the call chains above one function, most samples first.
const callersOf = process.argv[4];
if (callersOf) {
  const chains = new Map();
  for (const [id, us] of self) {
    const names = [];
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) names.push(nodes.get(cur).callFrame.functionName);
    const i = names.indexOf(callersOf);
    if (i < 0) continue;
    const key = names.slice(i, i + 7).join(" < ");
    chains.set(key, (chains.get(key) ?? 0) + us);
  }
  console.log(`\n== callers of ${callersOf} ==\n${top(chains, 8)}`);
}
