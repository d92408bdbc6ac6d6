// Half of the manifest's actions (the other half: forms-1.test.ts), so the two run side by side.
import { fuzzForms } from "./forms.ts";

fuzzForms(1, 2);
