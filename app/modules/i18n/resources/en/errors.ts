import { errorTitles } from "./error-titles.ts";

export const errors = {
  notFound: {
    title: errorTitles.notFound,
    body: "We could not find the page you asked for. Check the address, or go back to the home page.",
  },
  forbidden: {
    title: errorTitles.forbidden,
    body: "Your account does not have permission to open this page.",
  },
  server: {
    title: errorTitles.server,
    body: "An unexpected error stopped this page. Nothing you entered was lost on our side; please try again.",
  },
  badRequest: {
    title: errorTitles.badRequest,
    body: "The request could not be processed.",
  },
  // Refusals server.mjs sends before the app runs (see app/modules/web/refusal.server.ts).
  refused: {
    crossSite: {
      title: errorTitles.crossSite,
      body: "This form was sent from another site and was refused. If you meant to send it, open the page on this site and try again.",
    },
    tooLarge: {
      title: errorTitles.refusedTooLarge,
      body: "What was sent is larger than this page accepts ({{limit}} at most), so nothing was saved. Please send less and try again.",
    },
  },
  unauthorized: {
    title: errorTitles.unauthorized,
    body: "This page is for signed-in people. Sign in, then open it again.",
  },
  tooLarge: {
    title: errorTitles.tooLarge,
    body: "What you sent is larger than this site accepts. Send less (a shorter text or a smaller file) and try again.",
  },
  tooManyRequests: {
    title: errorTitles.tooManyRequests,
    body: "There have been too many requests in a short time. Wait a few minutes, then try again.",
  },
  unavailable: {
    title: errorTitles.unavailable,
    body: "The site is busy and could not answer just now. Nothing was changed; please try again in a moment.",
  },
  requestId: "Reference for support: {{id}}",
  home: "Go to the home page",
} as const;
