export { passedQuizIds, quizStanding, accommodationOf, type QuizStanding } from "./rules.server.ts";
export { startAttempt, type StartResult } from "./start.server.ts";
