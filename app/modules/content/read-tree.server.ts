// Reads the content directory into memory and sorts files into the kinds the README
// layout defines; anything else is reported rather than silently ignored.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Lang } from "~/modules/i18n/index.ts";

export interface SourceFile {
  /** Relative to the content directory, forward slashes. */
  path: string;
  text: string;
}

export interface ModuleFolder {
  id: string;
  moduleFile: SourceFile | undefined;
  quizFile: SourceFile | undefined;
  lessons: Map<string, Partial<Record<Lang, SourceFile>>>;
}

export interface ContentTree {
  courses: SourceFile[];
  modules: ModuleFolder[];
  glossary: SourceFile[];
  /** Claim logs, `reviews/<module-id>.yaml`. */
  reviews: SourceFile[];
  achievements: SourceFile | undefined;
  vetting: SourceFile | undefined;
  unexpected: string[];
  /** Every file the loader reads; the version hash is taken over these. */
  files: SourceFile[];
}

const LESSON = /^([^/]+)\.(en|es)\.md$/;

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .filter((path) => !path.split("/").some((part) => part.startsWith(".")))
    .sort();
}

export function readTree(dir: string): ContentTree {
  const tree: ContentTree = {
    courses: [],
    modules: [],
    glossary: [],
    reviews: [],
    achievements: undefined,
    vetting: undefined,
    unexpected: [],
    files: [],
  };
  const folders = new Map<string, ModuleFolder>();
  for (const path of listFiles(dir)) {
    const parts = path.split("/");
    if (parts.length === 1 && path.endsWith(".md")) continue; // README and other notes for authors
    const file = (): SourceFile => {
      const source = { path, text: readFileSync(join(dir, path), "utf8") };
      tree.files.push(source);
      return source;
    };
    const [top, second, third] = parts;
    if (path === "achievements.yaml") tree.achievements = file();
    else if (path === "vetting-profiles.yaml") tree.vetting = file();
    else if (top === "courses" && parts.length === 2 && path.endsWith(".yaml")) tree.courses.push(file());
    else if (top === "glossary" && parts.length === 2 && path.endsWith(".yaml")) tree.glossary.push(file());
    else if (top === "reviews" && parts.length === 2 && path.endsWith(".yaml")) tree.reviews.push(file());
    else if (top === "modules" && parts.length === 3 && second && third) {
      const folder = folders.get(second) ?? {
        id: second,
        moduleFile: undefined,
        quizFile: undefined,
        lessons: new Map(),
      };
      folders.set(second, folder);
      const lesson = LESSON.exec(third);
      if (third === "module.yaml") folder.moduleFile = file();
      else if (third === "quiz.yaml") folder.quizFile = file();
      else if (lesson?.[1] && lesson[2]) {
        const twins = folder.lessons.get(lesson[1]) ?? {};
        twins[lesson[2] as Lang] = file();
        folder.lessons.set(lesson[1], twins);
      } else tree.unexpected.push(path);
    } else tree.unexpected.push(path);
  }
  tree.modules = [...folders.values()];
  return tree;
}
