export { DEMO_ACCOUNTS, DEMO_ORGS, DEMO_PASSWORD, seedDemoData } from "./demo-data.server.ts";
export { DEMO_EMAIL_DOMAIN, DEMO_REFUSALS, demoPolicy, type DemoPolicy } from "./policy.server.ts";
export { demoAccountsExist, forgetDemoPresence } from "./presence.server.ts";
export { removeDemoData, type DemoRemoval } from "./remove.server.ts";
export { seedDemoCredentials } from "./credentials.server.ts";
