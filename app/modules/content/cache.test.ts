import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildTree, removeTree } from "../../../tests/fixtures/content/tree.ts";
import * as content from "./index.server.ts";

const glossaryFile = (dir: string) => join(dir, "glossary/terms.yaml");
const dirs: string[] = [];
const saved = { CONTENT_DIR: process.env.CONTENT_DIR, NODE_ENV: process.env.NODE_ENV };

function useTree(): string {
  const dir = buildTree([]);
  dirs.push(dir);
  process.env.CONTENT_DIR = dir;
  content.clearContentCache();
  return dir;
}

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  content.clearContentCache();
  dirs.splice(0).forEach(removeTree);
});

describe("getContent and lookups", () => {
  it("serves the same frozen model until the process restarts (production)", () => {
    const dir = useTree();
    process.env.NODE_ENV = "production";
    const first = content.getContent();
    writeFileSync(
      glossaryFile(dir),
      readFileSync(glossaryFile(dir), "utf8").replace("Splitting cash", "Dividing cash"),
    );
    expect(content.getContent()).toBe(first);
    expect(Object.isFrozen(first.lessons[0]?.en.sections)).toBe(true);
    expect(content.contentVersion()).toBe(first.version);
  });

  it("reloads in development when a file changes, and throws ContentError while invalid", async () => {
    const dir = useTree();
    process.env.NODE_ENV = "development";
    const first = content.contentVersion();
    const original = readFileSync(glossaryFile(dir), "utf8");
    writeFileSync(glossaryFile(dir), original.replace("Splitting cash", "Dividing cash"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(content.contentVersion()).not.toBe(first);
    writeFileSync(glossaryFile(dir), original.replace("see: [ctr]", "see: [ctr, nowhere]"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(() => content.getContent()).toThrowError(/\/glossary\/terms\.yaml:\d+: unknown glossary term "nowhere"/);
    try {
      content.getContent();
    } catch (error) {
      expect(error).toBeInstanceOf(content.ContentError);
      expect((error as content.ContentError).problems).toHaveLength(1);
    }
  });

  it("answers what catalog, course and lesson pages need", () => {
    useTree();
    expect(content.listCourses().map((c) => c.id)).toEqual(["aml-basics"]);
    expect(content.getCourse("aml-basics")?.title.es).toBe("Fundamentos de PLD");
    expect(content.getCourse("nope")).toBeUndefined();
    expect(content.lessonsOfCourse("aml-basics").map((l) => l.id)).toEqual(["laundering-stages", "cash-reports"]);
    expect(content.lessonNeighbours("aml-basics", "cash-reports")).toMatchObject({
      previous: { id: "laundering-stages" },
      next: null,
    });
    expect(content.courseMinutes("aml-basics")).toBe(22);
    expect(content.courseCompletionRequirements("aml-basics")).toEqual({
      lessons: ["laundering-stages", "cash-reports"],
      quizzes: [{ id: "m1-basics-quiz", passMark: 75 }],
    });
    expect(content.isLessonInCourse("aml-basics", "cash-reports")).toBe(true);
    expect(content.moduleOfLesson("cash-reports")?.id).toBe("m1-basics");
    expect(content.achievementsForCourse("aml-basics").map((a) => a.id)).toEqual(["aml-basics-certificate"]);
    expect(content.getTerm("ctr")?.jurisdiction).toBe("us");
    expect(content.searchContent("senal", { lang: "es" })[0]?.kind).toBe("section");
  });
});
