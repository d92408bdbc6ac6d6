// Half of the manifest's loaders (the other half: queries-2.test.ts), so the two run side by side.
import { fuzzQueries } from "./queries.ts";

fuzzQueries(0, 2);
