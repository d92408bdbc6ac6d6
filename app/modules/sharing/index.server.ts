// Public server entry of the sharing module: agreements between organizations to see each
// other's people's vetting status at category level.
export {
  agreementCandidates,
  agreementsOf,
  changeAgreement,
  endsAt,
  proposeAgreement,
  sharedWith,
  stateOf,
  type AgreementRow,
  type Outcome as SharingOutcome,
  type SharedScope,
} from "./agreements.server.ts";
export {
  sharedPeople,
  SHARED_ROWS_PER_PROFILE,
  type SharedAgreementView,
  type SharedPerson,
} from "./shared-people.server.ts";
