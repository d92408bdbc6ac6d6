import type { Translation } from "../../types.ts";
import type { errors as en } from "../en/errors.ts";
import { errorTitles } from "./error-titles.ts";

export const errors: Translation<typeof en> = {
  notFound: {
    title: errorTitles.notFound,
    body: "No encontramos la página que solicitó. Verifique la dirección o regrese a la página de inicio.",
  },
  forbidden: {
    title: errorTitles.forbidden,
    body: "Su cuenta no tiene permiso para abrir esta página.",
  },
  server: {
    title: errorTitles.server,
    body: "Un error inesperado detuvo esta página. No se perdió nada de lo que capturó de nuestro lado; intente de nuevo.",
  },
  badRequest: {
    title: errorTitles.badRequest,
    body: "No fue posible procesar la solicitud.",
  },
  refused: {
    crossSite: {
      title: errorTitles.crossSite,
      body: "Este formulario se envió desde otro sitio y fue rechazado. Si usted quería enviarlo, abra la página en este sitio e intente de nuevo.",
    },
    tooLarge: {
      title: errorTitles.refusedTooLarge,
      body: "Lo que envió es más grande de lo que esta página acepta (como máximo {{limit}}), así que no se guardó nada. Envíe menos datos e intente de nuevo.",
    },
  },
  unauthorized: {
    title: errorTitles.unauthorized,
    body: "Esta página es para personas con sesión iniciada. Inicie sesión y vuelva a abrirla.",
  },
  tooLarge: {
    title: errorTitles.tooLarge,
    body: "Lo que envió supera lo que este sitio acepta. Envíe menos (un texto más corto o un archivo más pequeño) e intente de nuevo.",
  },
  tooManyRequests: {
    title: errorTitles.tooManyRequests,
    body: "Hubo demasiadas solicitudes en poco tiempo. Espere unos minutos e intente de nuevo.",
  },
  unavailable: {
    title: errorTitles.unavailable,
    body: "El sitio está ocupado y no pudo responder en este momento. No se modificó nada; intente de nuevo en un momento.",
  },
  requestId: "Referencia para soporte: {{id}}",
  home: "Ir a la página de inicio",
};
