// Error page titles, apart from the rest of the errors namespace: the document title of an
// error page is set by a route's meta function, which runs in the browser too and has no
// translation instance there, so these few strings also travel in the page's JavaScript.

import type { errorTitles as en } from "../en/error-titles.ts";

export const errorTitles: Record<keyof typeof en, string> = {
  notFound: "Página no encontrada",
  forbidden: "Acceso denegado",
  server: "Ocurrió un error",
  badRequest: "Solicitud no aceptada",
  unauthorized: "Necesita iniciar sesión",
  tooManyRequests: "Demasiados intentos",
  unavailable: "Sitio ocupado por un momento",
  tooLarge: "Se envió demasiado a la vez",
  crossSite: "Formulario rechazado",
  refusedTooLarge: "Demasiados datos",
};
