// Demo cohorts, so every organization page shows real figures: a cohort in the law school
// (students who joined with its live enrolment code, at different stages), one in the bar
// association, and a joint cohort of the US task force and the Mexican unit with the simulated
// agents and the demo learner. Built with the orgs and learning modules' own functions.
import { searchTextOf } from "~/modules/auth/index.server.ts";
import { getCourse, lessonsOfCourse } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { markLessonComplete } from "~/modules/learning/index.server.ts";
import {
  addPeople,
  cohortFor,
  createCohort,
  grantRole,
  invitePartner,
  issueCode,
  redeemCode,
  respondToPartnerInvitation,
} from "~/modules/orgs/index.server.ts";
import { demoLearnerEmail, takeQuiz } from "./quiz-attempts.server.ts";
import { evenLuck, seededRandom } from "./simulated-answers.ts";

const DAY = 86_400_000;

const dayFrom = (now: number, days: number) =>
  new Date(new Date(now + days * DAY).toISOString().slice(0, 10) + "T00:00:00Z");

const STUDENTS = {
  es: {
    first: [
      "Valentina",
      "Emilio",
      "Regina",
      "Santiago",
      "Ximena",
      "Mateo",
      "Renata",
      "Leonardo",
      "Camila",
      "Andrés",
      "Fernanda",
      "Iker",
    ],
    last: [
      "Salazar",
      "Navarro",
      "Domínguez",
      "Vázquez",
      "Aguilar",
      "Castillo",
      "Medina",
      "Rojas",
      "Guerrero",
      "Ibarra",
      "Delgado",
      "Peña",
    ],
  },
  en: {
    first: ["Harper", "Elliot", "Rowan", "Sage", "Parker", "Reese", "Emerson", "Dakota"],
    last: ["Whitfield", "Langley", "Okafor", "Brennan", "Castellano", "Nguyen", "Holloway", "Mercer"],
  },
};

async function createStudent(lang: "en" | "es", n: number, name: string, passwordHash: string) {
  const email = `demo.student.${lang}.${String(n).padStart(2, "0")}@demo.puente.test`;
  return db.user.create({
    data: {
      email,
      name,
      language: lang,
      timeZone: lang === "es" ? "America/Monterrey" : "America/Phoenix",
      passwordHash,
      emailVerifiedAt: new Date(),
      searchText: searchTextOf(name, email),
    },
    select: { id: true, email: true },
  });
}

/** Marks the first `share` of the course's lessons done; with `quizzes`, takes its quizzes too (a strong student). */
async function study(
  userId: string,
  courseId: string,
  share: number,
  quizzes: string[],
  lang: "en" | "es",
  seed: number,
) {
  const lessons = lessonsOfCourse(courseId).map((l) => l.id);
  const count = Math.round(lessons.length * share);
  const random = seededRandom(seed);
  const luck = evenLuck();
  const start = Date.now() - 20 * DAY;
  for (const [i, quizId] of quizzes.entries()) {
    await takeQuiz({ userId, twin: seed, lang, ability: 2.5 }, luck, quizId, start + i * 2 * DAY, random, courseId);
  }
  // The last lesson marked checks completion, quizzes passed included.
  for (const lessonId of lessons.slice(0, count)) await markLessonComplete(userId, courseId, lessonId);
}

export async function seedDemoCohorts(input: {
  orgIds: ReadonlyMap<string, string>;
  passwordHash: string;
  now?: Date;
}) {
  const now = (input.now ?? new Date()).getTime();
  const org = (slug: string) => input.orgIds.get(slug)!;
  const idOf = async (email: string) =>
    (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const lawAdmin = await idOf("orgadmin@demo.puente.test");
  const taskForceAdmin = await idOf("taskforce.admin@demo.puente.test");

  // The law school: students join with a live code, then study at different paces.
  const law = org("facultad-derecho-frontera");
  const lawCohort = await createCohort(lawAdmin, law, {
    name: "Práctica jurídica en PLD — primavera",
    startsOn: dayFrom(now, -45),
    endsOn: dayFrom(now, 75),
    courses: [
      { courseId: "legal-practice", dueOn: dayFrom(now, -5) },
      { courseId: "aml-core", dueOn: dayFrom(now, 60) },
    ],
  });
  if (!lawCohort.ok) throw new Error("demo seed: law school cohort refused");
  const lawAccess = (await cohortFor(law, lawCohort.cohortId))!;
  const lawCode = await issueCode(lawAdmin, lawAccess, { seatLimit: 40, expiresOn: dayFrom(now, 60) });
  if (!lawCode.ok) throw new Error("demo seed: law school code refused");
  // Whatever the course requires today, so a "finished" student stays finished when it grows.
  const legalQuizzes = getCourse("legal-practice")?.completion.quizzes ?? [];
  for (let i = 0; i < STUDENTS.es.first.length; i += 1) {
    const name = `${STUDENTS.es.first[i]} ${STUDENTS.es.last[(i * 5) % STUDENTS.es.last.length]}`;
    const student = await createStudent("es", i + 1, name, input.passwordHash);
    const redeemed = await redeemCode(student.id, lawCode.code);
    if (!redeemed.ok) throw new Error(`demo seed: code refused (${redeemed.reason})`);
    // Stages: two finished, then halfway, a little, and not started.
    const stage = i % 5;
    if (stage === 0) await study(student.id, "legal-practice", 1, legalQuizzes, "es", 100 + i);
    else if (stage === 1) await study(student.id, "legal-practice", 0.6, legalQuizzes.slice(0, 1), "es", 100 + i);
    else if (stage === 2) await study(student.id, "legal-practice", 0.3, [], "es", 100 + i);
    else if (stage === 3) await study(student.id, "aml-core", 0.2, [], "es", 100 + i);
  }

  // The bar association: continuing education, members added by the org admin.
  const bar = org("border-bar-association");
  const barCohort = await createCohort(taskForceAdmin, bar, {
    name: "AML continuing education — fall",
    startsOn: dayFrom(now, -30),
    endsOn: dayFrom(now, 90),
    courses: [{ courseId: "aml-core", dueOn: dayFrom(now, 30) }],
  });
  if (!barCohort.ok) throw new Error("demo seed: bar association cohort refused");
  const barStudents: string[] = [];
  for (let i = 0; i < STUDENTS.en.first.length; i += 1) {
    const name = `${STUDENTS.en.first[i]} ${STUDENTS.en.last[i]}`;
    const student = await createStudent("en", i + 1, name, input.passwordHash);
    await grantRole(taskForceAdmin, student.id, bar, "learner");
    barStudents.push(student.email);
  }
  await addPeople(taskForceAdmin, (await cohortFor(bar, barCohort.cohortId))!, barStudents);
  for (const [i, email] of barStudents.entries()) {
    const id = await idOf(email);
    await study(id, "aml-core", [0.9, 0.5, 0.25, 0][i % 4]!, [], "en", 200 + i);
  }

  // The joint cohort: the US task force owns it, the Mexican unit accepts and enrols its agents.
  const taskForce = org("sw-financial-task-force");
  const unit = org("unidad-conjunta-analisis");
  const joint = await createCohort(taskForceAdmin, taskForce, {
    name: "Joint financial investigations / Investigaciones financieras conjuntas",
    startsOn: dayFrom(now, -100),
    endsOn: dayFrom(now, 30),
    courses: [
      { courseId: "aml-core", dueOn: dayFrom(now, -10) },
      { courseId: "joint-operations", dueOn: dayFrom(now, 25) },
    ],
  });
  if (!joint.ok) throw new Error("demo seed: joint cohort refused");
  const ownerView = (await cohortFor(taskForce, joint.cohortId))!;
  await invitePartner(taskForceAdmin, ownerView, unit);
  await respondToPartnerInvitation(lawAdmin, unit, joint.cohortId, true);
  const agents = (lang: "en" | "es") => Array.from({ length: 34 }, (_, i) => demoLearnerEmail(lang, i + 1));
  await addPeople(taskForceAdmin, ownerView, [...agents("en"), "learner@demo.puente.test"]);
  await addPeople(lawAdmin, (await cohortFor(unit, joint.cohortId))!, agents("es"));
  // A code of the task force's own for the joint cohort.
  await issueCode(taskForceAdmin, ownerView, { seatLimit: 25, expiresOn: dayFrom(now, 20) });
  return { lawCode: lawCode.code, cohorts: 3 };
}
