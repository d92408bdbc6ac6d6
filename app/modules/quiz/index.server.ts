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
export { openAttemptFromParams, quizFromParams, type OpenAttempt, type QuizContext } from "./context.server.ts";
export { quizForStats, quizItemStatistics, quizzesWithAttempts, submittedAttemptCounts } from "./stats.server.ts";
export { pointBiserial } from "./stats.ts";
export { CSV_BOM, CSV_COLUMNS, itemStatsCsv, type CsvLabels } from "./stats-csv.ts";
export {
  accommodatableLearners,
  accommodationsFor,
  grantAccommodation,
  type GrantOutcome,
} from "./accommodations.server.ts";
export { quizTitle } from "./title.server.ts";
export { answerErrorMessages, answerProblems, type AnswerProblem } from "./messages.server.ts";
