// Error page titles, apart from the rest of the errors namespace: the document title of an
// error page is set by a route's meta function, which runs in the browser too and has no
// translation instance there, so these few strings also travel in the page's JavaScript.

export const errorTitles = {
  notFound: "Page not found",
  forbidden: "Access denied",
  server: "Something went wrong",
  badRequest: "Request not accepted",
  unauthorized: "Sign-in needed",
  tooManyRequests: "Too many attempts",
  unavailable: "Busy for a moment",
  tooLarge: "Too much sent at once",
  crossSite: "Form refused",
  refusedTooLarge: "Too much data",
} as const;
