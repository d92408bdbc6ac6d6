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
  orgInvitation: {
    subject: "Invitación a {{org}} en Puente",
    body: "{{inviter}} lo invita a unirse a {{org}} en Puente como {{role}}. Abra el enlace siguiente para aceptar; si aún no tiene contraseña, la elegirá ahí. El enlace funciona durante 7 días y una sola vez.",
  },
  vettingReminder: {
    credentialSubject: "Su credencial «{{item}}» vence el {{date}}",
    credentialBody: "Su credencial «{{item}}» vence el {{date}}.",
    credentialAction:
      "Para renovarla sin interrupción, apruebe de nuevo los cuestionarios de su curso antes de esa fecha. El curso está en el enlace siguiente.",
    checkSubject: "Su evaluación «{{item}}» vence el {{date}}",
    checkBody: "Su evaluación «{{item}}» registrada en {{org}} vence el {{date}}.",
    checkAction:
      "El oficial de control de confianza de su organización registra la nueva evaluación en Puente; comuníquese con esa persona con anticipación.",
    supervisorCredentialSubject: "{{person}}: la credencial «{{item}}» vence el {{date}}",
    supervisorCredentialBody: "La credencial «{{item}}» de {{person}} vence el {{date}}.",
    supervisorCheckSubject: "{{person}}: la evaluación «{{item}}» vence el {{date}}",
    supervisorCheckBody: "La evaluación «{{item}}» de {{person}} en {{org}} vence el {{date}}.",
    supervisorAction:
      "Recibe este aviso porque usted supervisa a {{person}} en {{org}}. Su situación de evaluación está en el enlace siguiente.",
    why: "Puente envía este recordatorio 60, 30 y 7 días antes de que venza una credencial o una evaluación de confianza.",
  },
  notices: {
    passwordChanged: {
      subject: "Cambió la contraseña de su cuenta de Puente",
      body: "Se acaba de cambiar la contraseña de su cuenta de Puente y se cerraron todas sus demás sesiones.",
      ifNotYou:
        "Si usted no la cambió, alguien más conoce su contraseña. Elija una nueva de inmediato con el siguiente enlace e informe al administrador de su organización.",
    },
    passwordReset: {
      subject: "Se restableció la contraseña de su cuenta de Puente",
      body: "Se acaba de restablecer la contraseña de su cuenta de Puente con un enlace enviado a esta dirección y se cerraron todas sus sesiones.",
      ifNotYou:
        "Si usted no lo hizo, alguien puede leer su correo. Proteja su cuenta de correo, luego elija una contraseña nueva con el siguiente enlace e informe al administrador de su organización.",
    },
    emailChanged: {
      subject: "Cambió el correo electrónico de su cuenta de Puente",
      body: "Su cuenta de Puente ahora usa {{newEmail}} en lugar de esta dirección. Si usted hizo el cambio, no necesita hacer nada.",
      ifNotYou:
        "Si no lo hizo, abra el siguiente enlace en un plazo de 7 días. Restablece esta dirección, cierra todas las sesiones y le pide elegir una contraseña nueva, porque quien hizo el cambio conocía la actual. Después informe al administrador de su organización.",
    },
    signInFailures: {
      subject: "Intentos fallidos de inicio de sesión en su cuenta de Puente",
      body: "En la última hora hubo {{count}} intentos fallidos de iniciar sesión en su cuenta de Puente. Enviamos este mensaje como máximo una vez por hora.",
      ifNotYou:
        "Si no fue usted, alguien podría estar intentando adivinar su contraseña. Los intentos desde cada lugar están limitados; tras muchos fallos, el inicio de sesión con contraseña se pausa hasta una hora, y un enlace de restablecimiento solicitado desde la página siguiente le permite iniciar sesión. Si su contraseña es corta o la usa en otros sitios, elija una nueva ahí.",
    },
    secondFactorReset: {
      subject: "Se restableció la autenticación de su cuenta de Puente",
      body: "Una persona administradora de la plataforma Puente restableció la aplicación de autenticación de su cuenta, como se hace cuando se pierde o se cambia un teléfono. Sus códigos de recuperación ya no funcionan y se cerraron todas sus sesiones. La próxima vez que inicie sesión, configurará de nuevo su aplicación de autenticación.",
      ifNotYou:
        "Si usted no lo pidió, avise de inmediato al administrador de su organización. Su contraseña sigue protegiendo la cuenta; inicie sesión con el siguiente enlace para configurar su aplicación de autenticación antes que nadie.",
    },
    signUpExisting: {
      subject: "Usted ya tiene una cuenta de Puente",
      body: "Alguien, quizá usted, intentó crear una cuenta de Puente con esta dirección. Esta dirección ya tiene una cuenta, así que no se creó nada.",
      ifNotYou:
        "Si fue usted, inicie sesión con su contraseña o elija una nueva con el siguiente enlace. Si no fue usted, puede ignorar este mensaje.",
    },
  },
};
