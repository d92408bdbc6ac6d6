import { db } from "~/modules/db/index.server.ts";
for (let k = 0; k < 3; k++) {
  let a = performance.now();
  for (let i = 0; i < 50; i++) await db.user.findFirst({ where: { email: "nobody" + i }, select: { id: true } });
  console.log("findFirst", (performance.now() - a) / 50);
  a = performance.now();
  for (let i = 0; i < 50; i++)
    await db.loginAttempt.create({ data: { key: "k" + i, succeeded: true }, select: { id: true } });
  console.log("create", (performance.now() - a) / 50);
  a = performance.now();
  await db.$transaction(async (tx) => {
    for (let i = 0; i < 50; i++)
      await tx.loginAttempt.create({ data: { key: "k" + i, succeeded: true }, select: { id: true } });
  });
  console.log("create in tx", (performance.now() - a) / 50);
}
