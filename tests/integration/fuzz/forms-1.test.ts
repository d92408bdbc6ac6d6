// Half of the manifest's actions (the other half: forms-2.test.ts), so the two run side by side.
import { fuzzForms } from "./forms.ts";

fuzzForms(0, 2);
