import type { Path } from "./quiz-rules.ts";
import type { Problem } from "./types.ts";
import type { YamlSource } from "./yaml-source.server.ts";

/** A parsed entity and where it sits, so later checks can point at its lines. */
export interface Located<T> {
  value: T;
  source: YamlSource;
  /** Path of the entity inside its file (`[]` for a whole file, `["terms", 3]`). */
  path: Path;
}

export function problemAt<T>(entity: Located<T>, subPath: Path, message: string): Problem {
  return { file: entity.source.file, line: entity.source.lineOf([...entity.path, ...subPath]), message };
}
