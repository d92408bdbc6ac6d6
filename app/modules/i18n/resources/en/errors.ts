export const errors = {
  notFound: {
    title: "Page not found",
    body: "We could not find the page you asked for. Check the address, or go back to the home page.",
  },
  forbidden: {
    title: "Access denied",
    body: "Your account does not have permission to open this page.",
  },
  server: {
    title: "Something went wrong",
    body: "An unexpected error stopped this page. Nothing you entered was lost on our side; please try again.",
  },
  badRequest: {
    title: "Request not accepted",
    body: "The request could not be processed.",
  },
  // Refusals server.mjs sends before the app runs (see app/modules/web/refusal.server.ts).
  refused: {
    crossSite: {
      title: "Form refused",
      body: "This form was sent from another site and was refused. If you meant to send it, open the page on this site and try again.",
    },
    tooLarge: {
      title: "Too much data",
      body: "What was sent is larger than this page accepts ({{limit}} at most), so nothing was saved. Please send less and try again.",
    },
  },
  unauthorized: {
    title: "Sign-in needed",
    body: "This page is for signed-in people. Sign in, then open it again.",
  },
  tooLarge: {
    title: "Too much sent at once",
    body: "What you sent is larger than this site accepts. Send less (a shorter text or a smaller file) and try again.",
  },
  tooManyRequests: {
    title: "Too many attempts",
    body: "There have been too many requests in a short time. Wait a few minutes, then try again.",
  },
  unavailable: {
    title: "Busy for a moment",
    body: "The site is busy and could not answer just now. Nothing was changed; please try again in a moment.",
  },
  requestId: "Reference for support: {{id}}",
  home: "Go to the home page",
} as const;
