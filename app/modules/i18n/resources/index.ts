// Every namespace of both languages, for the server and tests. Each language's list is one file
// (strings-en.ts, strings-es.ts); the browser loads each namespace file of a language as its own
// chunk (browser-resources.ts, typed against this list, decision 012). Spanish files are typed
// against English ones, so a key missing in Spanish fails the typecheck; resources.test.ts also
// compares the key sets.
import { en } from "./strings-en.ts";
import { es } from "./strings-es.ts";

export { en, es };
export const resources = { en, es };
export type Namespace = keyof typeof en;
export const NAMESPACES = Object.keys(en) as Namespace[];
