export { passedQuizIds, quizStanding, accommodationOf, type QuizStanding } from "./rules.server.ts";
export { startAttempt, type StartResult } from "./start.server.ts";
export { saveAnswers, type SaveResult } from "./save.server.ts";
export { submitAttempt, type SubmitResult } from "./submit.server.ts";
export { ownAttempt, isPastGrace, graceMs } from "./attempt-record.server.ts";
