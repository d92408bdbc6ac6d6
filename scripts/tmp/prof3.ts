import { db } from "~/modules/db/index.server.ts";
for (let k = 0; k < 3; k++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < 500; i++) await db.user.findFirst({ where: { email: "nobody" + i }, select: { id: true } });
  const c = process.cpuUsage(c0);
  console.log(
    "findFirst cpu ms/query",
    ((c.user + c.system) / 1000 / 500).toFixed(3),
    "wall",
    ((performance.now() - t0) / 500).toFixed(3),
  );
}
