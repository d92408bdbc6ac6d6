import type { Translation } from "../../types.ts";
import type { errors as en } from "../en/errors.ts";

export const errors: Translation<typeof en> = {
  notFound: {
    title: "Página no encontrada",
    body: "No encontramos la página que solicitó. Verifique la dirección o regrese a la página de inicio.",
  },
  forbidden: {
    title: "Acceso denegado",
    body: "Su cuenta no tiene permiso para abrir esta página.",
  },
  server: {
    title: "Ocurrió un error",
    body: "Un error inesperado detuvo esta página. No se perdió nada de lo que capturó de nuestro lado; intente de nuevo.",
  },
  badRequest: {
    title: "Solicitud no aceptada",
    body: "No fue posible procesar la solicitud.",
  },
  refused: {
    crossSite: {
      title: "Formulario rechazado",
      body: "Este formulario se envió desde otro sitio y fue rechazado. Si usted quería enviarlo, abra la página en este sitio e intente de nuevo.",
    },
    tooLarge: {
      title: "Demasiados datos",
      body: "Lo que envió es más grande de lo que esta página acepta (como máximo {{limit}}), así que no se guardó nada. Envíe menos datos e intente de nuevo.",
    },
  },
  requestId: "Referencia para soporte: {{id}}",
  home: "Ir a la página de inicio",
};
