import type { Translation } from "../../types.ts";
import type { auth as en } from "../en/auth.ts";

export const auth: Translation<typeof en> = {
  fields: {
    name: "Nombre completo",
    email: "Correo electrónico",
    password: "Contraseña",
    passwordHint: "Al menos 12 caracteres. Una frase corta es fácil de recordar.",
    newPassword: "Nueva contraseña",
    currentPassword: "Contraseña actual",
    language: "Idioma preferido",
    timeZone: "Zona horaria",
    privacyConsent: "He leído el aviso de privacidad.",
    currentPasswordForEmail: "Contraseña actual (necesaria solo para cambiar su correo electrónico)",
  },
  languages: { en: "Inglés", es: "Español" },
  fieldErrors: {
    required: "Este campo es obligatorio.",
    emailInvalid: "Escriba un correo electrónico como nombre@institucion.gob.mx.",
    emailTaken: "Ya existe una cuenta con este correo electrónico.",
    passwordTooShort: "Use al menos 12 caracteres.",
    passwordTooLong: "Use como máximo 200 caracteres.",
    nameTooLong: "Use como máximo 120 caracteres.",
    languageInvalid: "Elija español o inglés.",
    timeZoneInvalid: "Elija una zona horaria de la lista.",
    currentPasswordWrong: "La contraseña actual no es correcta.",
    currentPasswordRequired: "Escriba su contraseña actual para cambiar su correo electrónico.",
    consentRequired: "Confirme que leyó el aviso de privacidad.",
  },
  signUp: {
    title: "Cree su cuenta",
    intro: "Su cuenta conserva su avance en los cursos y los resultados de sus cuestionarios.",
    submit: "Crear cuenta",
    haveAccount: "¿Ya tiene una cuenta?",
    privacyLink: "Leer el aviso de privacidad",
    done: "Cuenta creada. Enviamos un enlace de verificación a {{email}}.",
  },
  signIn: {
    title: "Iniciar sesión",
    submit: "Iniciar sesión",
    forgot: "¿Olvidó su contraseña?",
    noAccount: "¿Es nuevo en Puente?",
    invalid: "El correo electrónico o la contraseña no son correctos.",
    locked:
      "Demasiados intentos fallidos desde aquí. Intente de nuevo en {{minutes}} minutos o elija una contraseña nueva con «¿Olvidó su contraseña?».",
    paused:
      "Esta cuenta tuvo muchos intentos fallidos desde varios lugares, así que el inicio de sesión con contraseña está en pausa durante {{minutes}} minutos. Para entrar ahora, use «¿Olvidó su contraseña?»: el enlace que le enviamos le permite iniciar sesión.",
    deactivated: "Esta cuenta fue desactivada. Comuníquese con el administrador de su organización.",
  },
  secondFactor: {
    title: "Escriba su código de verificación",
    intro:
      "Su función protege información de otras personas, por eso para iniciar sesión se necesita, además de su contraseña, un código de su aplicación de autenticación.",
    code: "Código de su aplicación de autenticación",
    codeHint: "Seis dígitos. Abra la aplicación de autenticación donde agregó Puente.",
    submit: "Verificar",
    recoveryTitle: "Usar un código de recuperación",
    recoveryIntro:
      "¿Perdió su teléfono? Cada uno de los códigos de recuperación que guardó al configurar la aplicación sirve una vez.",
    recoveryCode: "Código de recuperación",
    recoverySubmit: "Usar código de recuperación",
    recoveryLeft_one: "Inició sesión con un código de recuperación. Le queda {{count}}.",
    recoveryLeft_other: "Inició sesión con un código de recuperación. Le quedan {{count}}.",
    cancel: "Cancelar y cerrar sesión",
    errors: {
      invalid:
        "Ese código no es correcto. Revise que la hora de su teléfono sea correcta y escriba el código más reciente.",
      replayed: "Ese código ya se usó. Espere el siguiente código de su aplicación y escríbalo.",
      notEnrolled: "Esta cuenta todavía no tiene aplicación de autenticación. Inicie sesión de nuevo para agregar una.",
      locked_one: "Demasiados códigos incorrectos. Intente de nuevo en {{count}} minuto.",
      locked_other: "Demasiados códigos incorrectos. Intente de nuevo en {{count}} minutos.",
      malformed: "Escriba los seis dígitos que muestra su aplicación.",
      recoveryMalformed: "Escriba un código de recuperación como abcd-efgh-ijkl-mnop.",
    },
    enrol: {
      title: "Configure su aplicación de autenticación",
      intro:
        "Su función protege información de otras personas, por eso su cuenta necesita un segundo factor: una aplicación de autenticación en su teléfono (como Google Authenticator, Microsoft Authenticator o FreeOTP) que muestra un código nuevo de seis dígitos cada 30 segundos. Este paso es obligatorio.",
      step1: "En la aplicación, agregue una cuenta y escanee este código QR.",
      qrLabel: "Código QR para agregar Puente a su aplicación de autenticación",
      step2: "¿No puede escanearlo? Escriba esta clave en la aplicación (basada en tiempo):",
      secretLabel: "Clave de configuración",
      step3: "Escriba el código de seis dígitos que la aplicación muestra ahora para Puente.",
      submit: "Verificar y continuar",
      doneTitle: "Guarde sus códigos de recuperación",
      doneIntro:
        "Su aplicación de autenticación está configurada. Si pierde su teléfono, cada uno de estos códigos le permite iniciar sesión una vez. Solo se muestran ahora: imprímalos o guárdelos en un gestor de contraseñas, en un lugar distinto de su teléfono.",
      codesLabel: "Códigos de recuperación",
      continue: "Continuar",
    },
  },
  signOut: { done: "Cerró su sesión." },
  tooManyRequests_one: "Demasiadas solicitudes. Intente de nuevo en {{count}} minuto.",
  tooManyRequests_other: "Demasiadas solicitudes. Intente de nuevo en {{count}} minutos.",
  verify: {
    title: "Verifique su correo electrónico",
    success: "Su correo electrónico quedó verificado.",
    pending: "Verifique su correo electrónico: le enviamos un enlace.",
    sent: "Enviamos un mensaje a la dirección que escribió. Abra el enlace que contiene para verificar su dirección y después inicie sesión.",
    resend: "Enviar el enlace de nuevo",
    resent: "Le enviamos un nuevo enlace de verificación.",
    invalid:
      "Este enlace de verificación no es válido. Es posible que ya se haya usado, que haya vencido o que se haya alterado. Solicite uno nuevo desde la página de su cuenta.",
  },
  forgot: {
    title: "Restablezca su contraseña",
    intro: "Escriba su correo electrónico y le enviaremos un enlace para elegir una contraseña nueva.",
    submit: "Enviar el enlace",
    sent: "Si existe una cuenta con ese correo, le enviamos un enlace para restablecer la contraseña. Es válido durante 1 hora.",
  },
  reset: {
    title: "Elija una contraseña nueva",
    submit: "Guardar la contraseña nueva",
    done: "Su contraseña cambió y se cerraron todas sus demás sesiones.",
    invalid:
      "Este enlace para restablecer la contraseña no es válido. Es posible que ya se haya usado, que haya vencido o que se haya alterado. Solicite uno nuevo.",
  },
  account: {
    title: "Su cuenta",
    profile: "Perfil",
    saved: "Su perfil quedó guardado.",
    emailChangePending: "Enviamos un enlace a {{email}}. Su correo electrónico cambiará cuando lo abra.",
    emailChanged: "Su correo electrónico cambió.",
    passwordTitle: "Cambiar contraseña",
    passwordChanged: "Su contraseña cambió. Se cerraron sus demás sesiones.",
    memberships: "Sus organizaciones y funciones",
    noMemberships: "Aún no pertenece a ninguna organización.",
    emailNeedsReauth:
      "Para cambiar su dirección de correo, primero confirme que es usted y luego escriba de nuevo la dirección nueva.",
    sessions: {
      title: "Sesiones",
      intro_one:
        "Tiene una sesión iniciada en {{count}} otro dispositivo o navegador. Las sesiones terminan tras {{idle}} minutos sin uso y, a más tardar, {{hours}} horas después de iniciar sesión.",
      intro_other:
        "Tiene sesiones iniciadas en {{count}} otros dispositivos o navegadores. Las sesiones terminan tras {{idle}} minutos sin uso y, a más tardar, {{hours}} horas después de iniciar sesión.",
      none: "No tiene ninguna otra sesión iniciada. Las sesiones terminan tras {{idle}} minutos sin uso y, a más tardar, {{hours}} horas después de iniciar sesión.",
      signOutOthers: "Cerrar mis otras sesiones",
      done_one: "Se cerró {{count}} otra sesión.",
      done_other: "Se cerraron {{count}} otras sesiones.",
    },
    recovery: {
      title: "Códigos de recuperación",
      intro:
        "Si pierde su teléfono, cada código de recuperación le permite iniciar sesión una vez. Genere códigos nuevos si usó algunos o cree que alguien los vio: los anteriores dejarán de funcionar.",
      link: "Generar códigos de recuperación nuevos",
      confirm: "Generar códigos nuevos (los anteriores dejarán de funcionar)",
      doneTitle: "Sus códigos de recuperación nuevos",
      doneIntro:
        "Sus códigos de recuperación anteriores ya no funcionan. Estos se muestran solo ahora: imprímalos o guárdelos en un gestor de contraseñas, en un lugar distinto de su teléfono.",
      notEnrolled: "Esta cuenta no tiene una aplicación de autenticación, así que no tiene códigos de recuperación.",
    },
    rolesPending: "Las funciones distintas de participante se activan cuando su correo electrónico esté verificado.",
  },
  reauth: {
    title: "Confirme que es usted",
    intro: "Este cambio protege su cuenta; por eso, primero escriba de nuevo su contraseña.",
    introWithCode:
      "Este cambio protege su cuenta o la de otras personas; por eso, primero escriba su contraseña y un código de su aplicación de autenticación (o un código de recuperación).",
    repeat: "Todavía no se ha cambiado nada: después de confirmar, volverá a la página y hará allí el cambio.",
    codeKind: "¿Qué código va a escribir?",
    code: "Código",
    codeHint: "Seis dígitos de su aplicación de autenticación, o un código de recuperación como abcd-efgh-ijkl-mnop.",
    submit: "Confirmar",
    errors: {
      password: "La contraseña no es correcta.",
      locked_one: "Demasiadas contraseñas incorrectas desde aquí. Inténtelo de nuevo en {{count}} minuto.",
      locked_other: "Demasiadas contraseñas incorrectas desde aquí. Inténtelo de nuevo en {{count}} minutos.",
    },
  },
  undo: {
    title: "Restablezca su correo electrónico",
    intro:
      "Esto restablece la dirección a la que se envió este enlace, cierra todas las sesiones y desactiva la contraseña actual, porque quien cambió la dirección la conocía. Después elegirá una contraseña nueva.",
    submit: "Restablecer mi dirección",
    invalid:
      "Este enlace no es válido. Es posible que ya se haya usado o que haya vencido, o que la dirección ahora pertenezca a otra cuenta. Comuníquese con el administrador de su organización.",
  },
};
