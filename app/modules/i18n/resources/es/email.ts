import type { Translation } from "../../types.ts";
import type { email as en } from "../en/email.ts";

export const email: Translation<typeof en> = {
  greeting: "Hola, {{name}}:",
  signature: "— El equipo de Puente",
  ignore: "Si usted no lo solicitó, puede ignorar este mensaje; no se modificará nada.",
  verify: {
    subject: "Verifique su correo electrónico en Puente",
    body: "Confirme que esta es su dirección de correo electrónico abriendo el siguiente enlace. El enlace es válido durante 24 horas.",
  },
  reset: {
    subject: "Restablezca su contraseña de Puente",
    body: "Recibimos una solicitud para restablecer su contraseña. Abra el siguiente enlace para elegir una nueva. El enlace es válido durante 1 hora y una sola vez.",
  },
  changeEmail: {
    subject: "Confirme su nuevo correo electrónico en Puente",
    body: "Abra el siguiente enlace para confirmar que Puente debe usar esta dirección a partir de ahora. El enlace es válido durante 24 horas.",
  },
};
