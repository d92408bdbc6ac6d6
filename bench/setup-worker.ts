// Signed-in learners for a benchmark run, written straight into the database named by
// DATABASE_URL (run by bench/run.ts in its own process, since the app's client is fixed at
// import): users, a session each (the auth module's startSession, as the sign-in action makes
// it) and enrolments; and a cohort of 2,000 people with its org admin's session. Prints one JSON
// line: { learners, examLearners } (each { id, lang, cookie }), cohortBench and vettingBench.
import { hashPassword, searchTextOf, startSession } from "~/modules/auth/index.server.ts";
import { lessonsOfCourse, listCourses } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { createCohort, createOrganization, grantRole } from "~/modules/orgs/index.server.ts";
import { refreshStaleReadiness } from "~/modules/vetting/index.server.ts";

const LEARNERS = Number(process.env.BENCH_USERS ?? 120);
const EXAM_LEARNERS = Number(process.env.BENCH_EXAM_LEARNERS ?? 500);
const EXAM_COURSE = process.env.BENCH_EXAM_COURSE ?? "";

type Learner = { id: string; lang: "en" | "es"; cookie: string };

async function createLearners(
  prefix: string,
  count: number,
  courseIds: string[],
  // Staff sessions count as having given the second factor, as after a real sign-in.
  options: { staff?: boolean } = {},
): Promise<Learner[]> {
  const passwordHash = await hashPassword(`bench-${process.pid}-${Date.now()}`);
  const rows = Array.from({ length: count }, (_, i) => {
    const email = `${prefix}-${i}@bench.puente.test`;
    const name = `Bench ${prefix} ${i}`;
    return {
      email,
      name,
      language: i % 2 ? "es" : "en",
      passwordHash,
      emailVerifiedAt: new Date(),
      searchText: searchTextOf(name, email),
    };
  });
  await db.user.createMany({ data: rows });
  const users = await db.user.findMany({
    where: { email: { in: rows.map((r) => r.email) } },
    select: { id: true, language: true },
    orderBy: { email: "asc" },
  });
  await db.enrolment.createMany({
    data: users.flatMap((u) => courseIds.map((courseId) => ({ userId: u.id, courseId }))),
  });
  const learners: Learner[] = [];
  for (const user of users) {
    const cookie = (await startSession(user.id, { secondFactorVerified: options.staff ?? false })).split(";")[0]!;
    learners.push({ id: user.id, lang: user.language === "es" ? "es" : "en", cookie });
  }
  return learners;
}

const COHORT_PEOPLE = Number(process.env.BENCH_COHORT_PEOPLE ?? 2000);
const DAY = 86_400_000;

/**
 * A law school whose org admin has one cohort of COHORT_PEOPLE people in two courses (the
 * first one past its due date), at every stage: a share of each course's lessons done that
 * varies by person, one in seven having completed the first course. The organization, the
 * admin's role and the cohort go through the orgs module; the people are written in bulk.
 */
async function createCohortBench(courseIds: string[]) {
  const org = await createOrganization({
    slug: "bench-law-school",
    name: "Bench Law School",
    kind: "law_school",
    country: "MX",
  });
  const [admin] = await createLearners("orgadmin", 1, [], { staff: true });
  await grantRole(null, admin!.id, org.id, "org_admin");
  const courses = courseIds.slice(0, 2);
  const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z").getTime();
  const cohort = await createCohort(admin!.id, org.id, {
    name: "Bench cohort",
    startsOn: new Date(today - 60 * DAY),
    endsOn: new Date(today + 60 * DAY),
    courses: courses.map((courseId, i) => ({ courseId, dueOn: new Date(today + (i === 0 ? -7 : 30) * DAY) })),
  });
  if (!cohort.ok) throw new Error("bench: cohort refused");
  const passwordHash = await hashPassword(`bench-cohort-${process.pid}`);
  const people = Array.from({ length: COHORT_PEOPLE }, (_, i) => {
    const email = `cohort-${String(i).padStart(4, "0")}@bench.puente.test`;
    const name = `Persona ${["Ana", "Luis", "Sofía", "Diego", "Mariana"][i % 5]} ${String(i).padStart(4, "0")}`;
    return {
      email,
      name,
      language: i % 2 ? "es" : "en",
      passwordHash,
      emailVerifiedAt: new Date(),
      searchText: searchTextOf(name, email),
    };
  });
  for (let i = 0; i < people.length; i += 500) await db.user.createMany({ data: people.slice(i, i + 500) });
  const users = await db.user.findMany({
    where: { email: { startsWith: "cohort-" } },
    select: { id: true },
    orderBy: { email: "asc" },
  });
  const lessons = courses.map((c) => lessonsOfCourse(c).map((l) => l.id));
  const batch = async <T>(rows: T[], write: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 1000) await write(rows.slice(i, i + 1000));
  };
  const memberships = users.map((u) => ({ userId: u.id, orgId: org.id }));
  await batch(memberships, (data) => db.membership.createMany({ data }));
  const membershipIds = await db.membership.findMany({
    where: { orgId: org.id, userId: { not: admin!.id } },
    select: { id: true },
  });
  await batch(
    membershipIds.map((m) => ({ membershipId: m.id, role: "learner" })),
    (data) => db.membershipRole.createMany({ data }),
  );
  await batch(
    users.map((u) => ({ cohortId: cohort.cohortId, userId: u.id, orgId: org.id })),
    (data) => db.cohortMember.createMany({ data }),
  );
  await batch(
    users.flatMap((u, i) =>
      courses.map((courseId, c) => ({
        userId: u.id,
        courseId,
        completedAt: c === 0 && i % 7 === 0 ? new Date(today - (i % 30) * DAY) : null,
      })),
    ),
    (data) => db.enrolment.createMany({ data }),
  );
  await batch(
    users.flatMap((u, i) =>
      lessons.flatMap((ids, c) => {
        const done = c === 0 && i % 7 === 0 ? ids.length : (i * (c + 3)) % (ids.length + 1);
        return ids.slice(0, done).map((lessonId) => ({ userId: u.id, lessonId, contentVersion: "bench" }));
      }),
    ),
    (data) => db.lessonProgress.createMany({ data }),
  );
  return { cookie: admin!.cookie, orgId: org.id, cohortId: cohort.cohortId, people: users.length };
}

const VETTING_PEOPLE = Number(process.env.BENCH_VETTING_PEOPLE ?? 10_000);
const CHECK_KINDS = ["background-investigation", "polygraph", "control-de-confianza"];
const CHECK_RESULTS = ["passed", "passed", "passed", "passed", "passed", "failed", "pending", "under_review"];

/**
 * A supervisor of two agencies (one US, one Mexican) whose VETTING_PEOPLE people are each held
 * to the joint-team agent profile, with three checks and two credentials at varied dates, so
 * every status and reason occurs. Written in bulk, then the readiness rows are computed once
 * through the vetting module, as the first dashboard read after a change would.
 */
async function createVettingBench() {
  const orgs = [
    await createOrganization({ slug: "bench-us-unit", name: "Bench US Unit", kind: "us_agency", country: "US" }),
    await createOrganization({ slug: "bench-mx-unit", name: "Bench Unidad MX", kind: "mx_agency", country: "MX" }),
  ];
  const [supervisor] = await createLearners("supervisor", 1, [], { staff: true });
  for (const org of orgs) await grantRole(null, supervisor!.id, org.id, "supervisor");
  const now = Date.now();
  const batch = 1000;
  for (let start = 0; start < VETTING_PEOPLE; start += batch) {
    const ids = Array.from({ length: Math.min(batch, VETTING_PEOPLE - start) }, (_, k) => start + k);
    const users = ids.map((i) => {
      const name = `${["Ana", "Luis", "Sofía", "Diego", "Mariana", "John", "Mary"][i % 7]} Vetting ${String(i).padStart(5, "0")}`;
      const email = `vet-${String(i).padStart(5, "0")}@bench.puente.test`;
      return { id: `bench-vet-${i}`, email, name, passwordHash: "x", searchText: searchTextOf(name, email) };
    });
    await db.user.createMany({ data: users });
    await db.membership.createMany({ data: ids.map((i) => ({ userId: `bench-vet-${i}`, orgId: orgs[i % 2]!.id })) });
    await db.profileAssignment.createMany({
      data: ids.map((i) => ({ userId: `bench-vet-${i}`, orgId: orgs[i % 2]!.id, profileId: "joint-team-agent" })),
    });
    await db.vettingCheck.createMany({
      data: ids.flatMap((i) =>
        CHECK_KINDS.map((kind, k) => {
          const checkedOn = new Date(now - ((i * 37 + k * 101) % 900) * DAY);
          const result = CHECK_RESULTS[(i + k) % CHECK_RESULTS.length]!;
          return {
            orgId: orgs[i % 2]!.id,
            userId: `bench-vet-${i}`,
            kind,
            result,
            checkedOn,
            expiresOn: result === "passed" ? new Date(checkedOn.getTime() + 730 * DAY) : null,
            evidenceRef: `BENCH-${i}-${k}`,
            recordedById: supervisor!.id,
          };
        }),
      ),
    });
    await db.credential.createMany({
      data: ids.flatMap((i) =>
        ["aml-core-certificate", "joint-operations-certificate"].map((achievementId, k) => {
          const validFrom = new Date(now - ((i * 13 + k * 7) % 700) * DAY);
          return {
            id: `bench-vet-${i}-${k}`,
            issueKey: `bench-vet-${i}-${k}`,
            userId: `bench-vet-${i}`,
            achievementId,
            contentVersion: "bench",
            lang: "en",
            issuedAt: validFrom,
            validFrom,
            validUntil: new Date(validFrom.getTime() + 730 * DAY),
            revocationListId: "bench-r",
            suspensionListId: "bench-s",
            statusListIndex: i * 2 + k,
            keyId: "bench",
            signedJson: "{}",
          };
        }),
      ),
    });
  }
  await refreshStaleReadiness({ orgId: { in: orgs.map((o) => o.id) } }, new Date());
  return { cookie: supervisor!.cookie, orgIds: orgs.map((o) => o.id), people: VETTING_PEOPLE };
}

async function main() {
  const courseIds = listCourses().map((c) => c.id);
  const learners = await createLearners("learner", LEARNERS, courseIds);
  const examLearners = await createLearners("exam", EXAM_LEARNERS, [EXAM_COURSE || courseIds[0]!]);
  const cohortBench = await createCohortBench(courseIds);
  const vettingBench = await createVettingBench();
  process.stdout.write(JSON.stringify({ learners, examLearners, cohortBench, vettingBench }) + "\n");
}

main()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
