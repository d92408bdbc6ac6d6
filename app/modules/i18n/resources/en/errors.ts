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
  busy: {
    title: "Busy for a moment",
    body: "Another task is using the database right now, so nothing was saved. Please try again in a few seconds.",
  },
  badRequest: {
    title: "Request not accepted",
    body: "The request could not be processed.",
  },
  crossSite: "This form was sent from another site and was refused.",
  requestId: "Reference for support: {{id}}",
  home: "Go to the home page",
} as const;
