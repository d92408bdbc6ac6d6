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
  busy: {
    title: "Ocupado por un momento",
    body: "Otra tarea está usando la base de datos en este momento, por lo que no se guardó nada. Intente de nuevo en unos segundos.",
  },
  badRequest: {
    title: "Solicitud no aceptada",
    body: "No fue posible procesar la solicitud.",
  },
  crossSite: "Este formulario se envió desde otro sitio y fue rechazado.",
  requestId: "Referencia para soporte: {{id}}",
  home: "Ir a la página de inicio",
};
