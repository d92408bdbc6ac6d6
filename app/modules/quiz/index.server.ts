export { passedQuizIds, quizStanding, quizzesPassedSince, accommodationOf, type QuizStanding } from "./rules.server.ts";
export { startAttempt, type StartResult } from "./start.server.ts";
export { saveAnswers, type SaveResult } from "./save.server.ts";
export { submitAttempt, type SubmitResult } from "./submit.server.ts";
export { ownAttempt, isPastGrace, graceMs } from "./attempt-record.server.ts";
export {
  attemptReview,
  attemptsOf,
  pastAttempts,
  type Review,
  type ReviewItem,
  type ReviewUnit,
} from "./review.server.ts";
export { publicUnits } from "./public-view.ts";
export { questionRange, snapshotItems } from "./snapshot.ts";
export { savedAnswers } from "./attempt-record.server.ts";
export { quizFromParams } from "./context.server.ts";
export { quizForStats, quizItemStatistics, quizzesWithAttempts, submittedAttemptCounts } from "./stats.server.ts";
export {
  accommodatableLearners,
  accommodationsFor,
  grantAccommodation,
  type GrantOutcome,
  MAX_EXTRA_ATTEMPTS,
  MAX_EXTRA_MINUTES,
  MAX_REASON_LENGTH,
} from "./accommodations.server.ts";
export { quizTitle } from "./title.server.ts";
export { answerErrorMessages, answerProblems, type AnswerProblem } from "./messages.server.ts";
export { openAttemptFromParams } from "./context.server.ts";
