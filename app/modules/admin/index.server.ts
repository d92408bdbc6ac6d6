export {
  clearLockout,
  deactivateUser,
  performUserAction,
  reactivateUser,
  type ActionOutcome,
} from "./account-actions.server.ts";
export { peopleByOrg, type OrgPeople } from "./people.server.ts";
export {
  assignableOrganizations,
  getUserForAdmin,
  searchUsers,
  userExists,
  userNames,
  type AdminUser,
  type UserSearch,
  type UserSummary,
} from "./users.server.ts";
