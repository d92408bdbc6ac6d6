// Every namespace of both languages, for the server and tests. Each language's list is one file
// (strings-en.ts, strings-es.ts), which is also the browser's chunk for that language
// (browser-resources.ts, decision 012): there is no second list to keep. Spanish files are typed
// against English ones, so a key missing in Spanish fails the typecheck; resources.test.ts also
// compares the key sets.
import { en } from "./strings-en.ts";
import { es } from "./strings-es.ts";

export { en, es };
export const resources = { en, es };
export type Namespace = keyof typeof en;
export const NAMESPACES = Object.keys(en) as Namespace[];
