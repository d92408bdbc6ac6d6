import type { Translation } from "../../types.ts";
import type { privacy as en } from "../en/privacy.ts";

export const privacy: Translation<typeof en> = {
  title: "Aviso de privacidad",
  intro:
    "Puente publica las mismas prácticas de privacidad en dos formas: el aviso de privacidad integral que exige la ley mexicana y un aviso de privacidad en el formato que se usa en los Estados Unidos. Ambos describen los mismos hechos; lea el que le resulte más conocido.",
  updated: "Última actualización: {{date}}",
  contents: "En esta página",
  contact: "Contacto de privacidad: privacy@puente.test",
  mx: {
    title: "Aviso de privacidad integral (México)",
    lead: "Este aviso se emite conforme a la Ley Federal de Protección de Datos Personales en Posesión de los Particulares y las disposiciones que de ella derivan.",
    sections: {
      controller: {
        heading: "1. Responsable de sus datos personales",
        body: [
          "Puente, la plataforma binacional de capacitación y control de confianza en materia de prevención de lavado de dinero, es la responsable del tratamiento de los datos personales que se describen en este aviso.",
          "Domicilio para oír y recibir notificaciones: se publicará antes de que Puente entre en operación. Mientras tanto, envíe toda solicitud o aviso sobre sus datos personales a privacy@puente.test.",
        ],
      },
      data: {
        heading: "2. Datos personales que tratamos",
        body: ["Para prestar el servicio tratamos los siguientes datos personales:"],
        items: [
          "Datos de identificación y contacto: su nombre completo y su correo electrónico.",
          "Preferencias: su idioma preferido y su zona horaria.",
          "Datos de organización: las organizaciones a las que pertenece y las funciones que tiene en ellas (participante, instructor, administrador de la organización, supervisor, oficial de control de confianza).",
          "Datos académicos: sus inscripciones, su avance en las lecciones, sus intentos de cuestionario y sus resultados.",
          "Ajustes razonables en los cuestionarios: el tiempo o los intentos adicionales que le otorgue un instructor o un administrador de la organización, y quién los otorgó.",
          "Grupos y constancias: los grupos en los que su organización lo inscribe, con sus cursos y fechas límite, y las constancias que obtiene: su nombre completo, el logro, sus fechas y horas, firmadas para que cualquier persona a quien usted dé su enlace de verificación pueda comprobarlas.",
          "Archivos de inscripción: cuando un administrador de la organización inscribe personas desde una hoja de cálculo, el nombre, el correo electrónico, el idioma y la función que el archivo indica para usted, que se conservan con el registro de esa importación y se eliminan 30 días después de aplicarla.",
          "Datos de control de confianza, si su organización le asigna un perfil de requisitos: el perfil y, de cada evaluación, su tipo, resultado, fecha, vencimiento y un número de referencia al expediente que conserva su organización (nunca el expediente mismo), con quién lo registró; su estado en cada perfil (vigente, por vencer, pendiente, vencido o no aprobado) y sus motivos.",
          "Datos de seguridad: la dirección IP y la hora de los intentos fallidos de inicio de sesión y de las solicitudes que hacen que Puente le envíe un correo, y el registro de sus sesiones activas. Si usted es administrador de organización, supervisor, oficial de control de confianza o administrador de la plataforma: la clave de su aplicación de autenticación (guardada cifrada), el intervalo de tiempo del último código que usó, sus códigos de recuperación (guardados solo como hash) y cuándo usó cada uno, y los códigos rechazados. Las acciones rechazadas que merecen una segunda revisión, como abrir el expediente de control de confianza de alguien ajeno a su organización, una contraseña incorrecta al confirmar su acceso o demasiados nombres escritos en la página de una habilitación: qué se pidió, cuándo, la cuenta que lo pidió (si alguien había iniciado sesión) y, en la mayoría de los casos, la dirección IP.",
        ],
        after: [
          "Obtenemos estos datos de usted al crear su cuenta y usar Puente, y de su organización cuando su personal le asigna funciones o le otorga ajustes razonables en los cuestionarios.",
        ],
      },
      sensitive: {
        heading: "3. Datos personales sensibles",
        body: [
          "Puente no solicita datos personales sensibles. El contenido de las evaluaciones de control de confianza (hallazgos y documentos médicos, psicológicos, toxicológicos, poligráficos o socioeconómicos) no se registra en Puente: solo el tipo, el resultado y las fechas de cada evaluación y el número de referencia del expediente de su organización.",
          "Puente no recaba datos financieros ni patrimoniales de usted.",
        ],
      },
      purposes: {
        heading: "4. Finalidades del tratamiento",
        body: ["Finalidades necesarias (primarias), indispensables para el servicio que usted solicitó:"],
        items: [
          "Crear y administrar su cuenta, verificar su correo electrónico y mantener su sesión iniciada.",
          "Impartir los cursos en su idioma, registrar su avance y calificar sus cuestionarios en nuestros servidores.",
          "Mostrar a las personas que autorice su organización quién pertenece a ella y con qué funciones, como se describe en el apartado 7.",
          "Proteger las cuentas: limitar los intentos fallidos de inicio de sesión, detectar usos indebidos y llevar un registro a prueba de alteraciones de los cambios en funciones, cuentas y ajustes razonables de los cuestionarios.",
          "Atender sus solicitudes y cumplir obligaciones legales.",
        ],
        after: [
          "Finalidades voluntarias (secundarias), que no son necesarias para el servicio: (a) elaborar estadísticas sobre cómo se responden los reactivos de los cuestionarios, sin nombres, para mejorar las lecciones y las preguntas; y (b) elaborar informes agregados de cobertura de la capacitación para las instituciones participantes, sin nombres.",
        ],
      },
      refuse: {
        heading: "5. Cómo negarse a las finalidades voluntarias",
        body: [
          "Si no desea que sus datos se usen para las finalidades voluntarias, escriba en cualquier momento a privacy@puente.test con el asunto «Negativa a finalidades voluntarias». Su negativa no afectará su cuenta ni sus cursos.",
        ],
      },
      retention: {
        heading: "6. Plazos de conservación",
        body: ["Conservamos cada tipo de dato solo durante el tiempo que exige su finalidad:"],
        items: [
          "Datos de la cuenta (nombre, correo electrónico, idioma, zona horaria): mientras su cuenta esté activa y durante 2 años después de que se desactive o se cierre; después se eliminan.",
          "Avance de aprendizaje e intentos de cuestionario: mientras su cuenta esté activa y durante 2 años después.",
          "Registros de intentos fallidos de inicio de sesión (correo electrónico y dirección IP): se cuentan durante 15 minutos por lugar y durante 1 hora por cuenta para limitar los intentos de adivinar la contraseña, y se eliminan a los 90 días.",
          "Registros de solicitudes que envían un correo, como restablecer la contraseña (correo electrónico y dirección IP): se usan para evitar abusos y se eliminan al cabo de 1 día.",
          "Registros de acciones rechazadas (qué se pidió, cuándo, la cuenta que lo pidió y la dirección IP): se conservan para revisiones de seguridad y se eliminan al cabo de 1 año.",
          "Sesiones: una sesión termina cuando usted la cierra, cuando cambia o restablece su contraseña, tras 30 minutos sin uso (15 para funciones de administración, supervisión y verificación) o, a más tardar, 12 horas (8 para esas funciones) después de iniciar sesión; un inicio de sesión que espera su segundo factor termina a los 30 minutos.",
          "Clave de la aplicación de autenticación y códigos de recuperación (funciones que exigen un segundo factor): mientras su cuenta esté activa; se eliminan con la cuenta.",
          "Enlaces de verificación y de restablecimiento de contraseña enviados por correo: de un solo uso, válidos durante 24 horas (1 hora para restablecer la contraseña; 7 días el enlace que deshace un cambio de correo electrónico), guardados solo en forma cifrada (hash) y eliminados una vez usados o vencidos.",
          "Archivos de inscripción que importa un administrador de la organización (el nombre, el correo electrónico, el idioma y la función indicados para cada persona): se conservan con el registro de esa importación y se eliminan 30 días después de aplicarla, o 30 días después de cargarla si nunca se confirma.",
          "Datos de control de confianza: sus perfiles de requisitos y su estado en cada uno se eliminan con su cuenta (2 años después de que se desactive o se cierre). Las evaluaciones de control de confianza (tipo, resultado, fechas, número de referencia y quién las registró, incluidas sus correcciones y renovaciones) nunca se modifican ni se eliminan: se conservan sin plazo, también después de eliminada su cuenta, cuando quedan vinculadas solo al identificador de la cuenta que usted tuvo (su nombre y su correo electrónico se eliminan con ella). El registro de los recordatorios que se le enviaron a usted o sobre usted antes de un vencimiento (qué requisito y qué día) se conserva de la misma manera.",
          "Bitácora de auditoría de los cambios (funciones y cuentas, ajustes razonables de los cuestionarios, grupos, constancias y constancias de habilitación, registros de control de confianza, acuerdos de intercambio): nada la elimina, por lo que se conserva mientras Puente opere y al menos 5 años. No puede modificarse.",
        ],
      },
      access: {
        heading: "7. Quién puede ver sus datos",
        body: ["El acceso depende de la función de cada persona, y cada permiso se verifica en nuestros servidores:"],
        items: [
          "Usted ve todos los datos de su propia cuenta.",
          "Los administradores de sus organizaciones ven su nombre, su correo electrónico, las funciones que tiene en su organización y sus constancias vigentes (qué logros y hasta cuándo).",
          "Los administradores de una organización que lo inscribe en un grupo ven su avance en los cursos de ese grupo (lecciones concluidas, resultados de los cuestionarios, conclusión); en un grupo conjunto, los administradores de las organizaciones participantes ven solo su nombre, su organización y si concluyó.",
          "Cualquier persona que tenga el enlace de verificación de una de sus constancias ve su nombre (salvo que usted elija, en la página «Mis credenciales», mostrarlo solo a quien lo escriba), el logro, sus fechas y su estado.",
          "Si un oficial de control de confianza de su organización le emite una constancia de habilitación, cualquier persona que tenga su enlace ve sus iniciales, el perfil, la organización que la otorga, sus fechas y su estado (suspendida mientras algún requisito no se cumpla); su archivo firmado solo guarda un hash con sal de su nombre, y a quien escriba su nombre completo solo se le dice si coincide (el nombre escrito no se guarda). Con un acuerdo de intercambio, los supervisores de la contraparte ven ese enlace.",
          "Los supervisores de su organización ven su nombre, su correo electrónico, sus credenciales vigentes, su estado en cada perfil con sus motivos, su historial de control de confianza y los cambios registrados sobre usted; pueden enviarle un recordatorio antes de un vencimiento.",
          "Los oficiales de control de confianza de su organización ven lo mismo y registran sus evaluaciones y perfiles; no pueden registrar evaluaciones en su propio expediente.",
          "Mediante un acuerdo de intercambio que su organización acepte con una organización contraparte, los supervisores de esa contraparte ven su nombre, su estado en los perfiles que el acuerdo indica, la fecha de vencimiento más próxima y los motivos solo por categoría (requisito de capacitación, requisito de evaluación, vence en los próximos 60 días); nunca qué evaluación, su resultado, sus fechas ni su número de referencia. No se comparte nada antes de que los administradores de ambas organizaciones estén de acuerdo, ni después de que termine el acuerdo.",
          "Los instructores ven estadísticas de cómo se responden los reactivos, sin nombres, y los ajustes razonables que le otorguen a usted.",
          "Los administradores de la plataforma Puente ven los datos de la cuenta, las funciones y el estado de bloqueo para operar el servicio y brindar soporte.",
        ],
      },
      transfers: {
        heading: "8. Transferencias y proveedores",
        body: ["No vendemos sus datos personales. Solo los transferimos en estos casos:"],
        items: [
          "A su organización, que lo inscribió o le asignó una función: es necesario para la relación de capacitación entre usted y su organización, y no requiere su consentimiento.",
          "A las autoridades competentes, cuando una ley o una orden judicial lo exija.",
        ],
        after: [
          "Nuestros proveedores de alojamiento y de envío de correo tratan los datos solo por nuestras instrucciones y conforme a un contrato; esto es una remisión, no una transferencia. Puente atiende a instituciones de México y de los Estados Unidos, por lo que sus datos pueden almacenarse o consultarse en cualquiera de los dos países, siempre con las protecciones de este aviso.",
        ],
      },
      arco: {
        heading: "9. Sus derechos ARCO y cómo ejercerlos",
        body: [
          "Usted tiene derecho a acceder a sus datos personales, a rectificarlos si son inexactos o incompletos, a cancelarlos y a oponerse a su tratamiento para fines específicos (derechos ARCO). Puede corregir usted mismo su nombre, correo electrónico, idioma y zona horaria en la página de su cuenta.",
          "Para cualquier otra solicitud, escriba a privacy@puente.test e incluya:",
        ],
        items: [
          "Su nombre completo y el correo electrónico de su cuenta.",
          "Un documento que acredite su identidad o, si lo representa otra persona, la identidad del representante y el documento que acredite su representación.",
          "El derecho que desea ejercer y una descripción clara de los datos de que se trate.",
          "Para una rectificación, la corrección que solicita y, en su caso, la documentación que la sustente.",
        ],
        after: [
          "Le responderemos dentro de los 20 días hábiles siguientes a la recepción de una solicitud completa y, si resulta procedente, la haremos efectiva dentro de los 15 días hábiles siguientes a nuestra respuesta. Estos plazos podrán ampliarse una sola vez por un periodo igual cuando las circunstancias lo justifiquen; le indicaremos el motivo. El ejercicio de sus derechos es gratuito.",
        ],
      },
      revoke: {
        heading: "10. Revocación del consentimiento y limitación del uso o divulgación",
        body: [
          "Puede revocar su consentimiento, o pedirnos que limitemos el uso o la divulgación de sus datos, escribiendo a privacy@puente.test. Le responderemos en los mismos plazos que para las solicitudes ARCO. Algunas revocaciones implican que ya no podamos prestarle el servicio; en ese caso, se lo informaremos antes de actuar.",
          "Puente no envía publicidad.",
        ],
      },
      cookies: {
        heading: "11. Cookies",
        body: ["Puente usa solo dos cookies, ambas necesarias para que el sitio funcione:"],
        items: [
          "Una cookie de sesión (puente_session, o __Host-puente_session en una conexión segura), que mantiene su sesión iniciada. Contiene solo un identificador aleatorio y termina cuando usted cierra la sesión, tras 30 minutos sin uso (15 para funciones de administración, supervisión y verificación) o, a más tardar, 12 horas (8 para esas funciones) después de iniciar sesión.",
          "Una cookie de idioma (puente_lang), que recuerda si usted lee en español o en inglés. Dura un año.",
        ],
        after: [
          "No usamos cookies de analítica, de publicidad ni de rastreo de terceros, web beacons ni tecnologías similares.",
        ],
      },
      security: {
        heading: "12. Seguridad",
        body: [
          "Las contraseñas se guardan solo como hashes Argon2id, las conexiones van cifradas, los intentos fallidos repetidos se limitan por lugar y por cuenta y se le avisa de ellos, al cambiar la contraseña se cierran todas las demás sesiones, los administradores de organización, supervisores, oficiales de control de confianza y administradores de la plataforma deben dar un código de una aplicación de autenticación cada vez que inician sesión, y los cambios de contraseña o de correo electrónico se le avisan por correo. Los cambios en funciones, cuentas y ajustes razonables de los cuestionarios se registran en una bitácora de auditoría encadenada por hashes que revela cualquier alteración. Si una vulneración de seguridad afecta de forma significativa sus derechos, se lo informaremos sin demora.",
        ],
      },
      changes: {
        heading: "13. Cambios a este aviso",
        body: [
          "Publicamos todo cambio en esta página con una nueva fecha. Si un cambio se refiere a las finalidades, a los datos que tratamos o a las transferencias que realizamos, también se lo informaremos por correo electrónico o la próxima vez que inicie sesión, antes de que el cambio se aplique.",
        ],
      },
      authority: {
        heading: "14. Quejas",
        body: [
          "Si considera que su derecho a la protección de sus datos personales ha sido vulnerado, puede acudir a la autoridad en materia de protección de datos. Desde marzo de 2025 es la Secretaría Anticorrupción y Buen Gobierno, que asumió las funciones del extinto INAI.",
        ],
      },
      consent: {
        heading: "15. Consentimiento",
        body: [
          "Al crear una cuenta y confirmar que leyó este aviso, usted consiente el tratamiento de sus datos personales en los términos aquí descritos.",
        ],
      },
    },
  },
  us: {
    title: "Aviso de privacidad (Estados Unidos)",
    lead: "Este aviso explica qué información recaba Puente, para qué, cuánto tiempo la conservamos, quién la ve y qué opciones tiene usted.",
    sections: {
      whoWeAre: {
        heading: "1. Quiénes somos",
        body: [
          "Puente es una plataforma binacional de capacitación y control de confianza para dependencias de los Estados Unidos y de México, escuelas de derecho y barras y colegios de abogados que trabajan contra el lavado de dinero. Envíe sus preguntas sobre este aviso a privacy@puente.test.",
        ],
      },
      collect: {
        heading: "2. Información que recabamos",
        body: ["Recabamos:"],
        items: [
          "Identificadores: su nombre completo y su correo electrónico.",
          "Preferencias: su idioma preferido y su zona horaria.",
          "Información profesional: las organizaciones a las que pertenece y sus funciones en ellas.",
          "Información académica: inscripciones, avance en las lecciones, intentos y resultados de cuestionarios, y los ajustes razonables que se le otorguen en los cuestionarios.",
          "Grupos y constancias: los grupos en los que su organización lo inscribe y las constancias que obtiene (su nombre, el logro, sus fechas y horas), que cualquier persona con el enlace de verificación de una constancia puede comprobar; nombres, correos electrónicos, idiomas y funciones de los archivos de inscripción que suba su organización.",
          "Datos de control de confianza, si su organización le asigna un perfil de requisitos: el perfil y, de cada evaluación, su tipo, resultado, fecha, vencimiento y un número de referencia al expediente que conserva su organización (nunca el expediente mismo), con quién lo registró; su estado en cada perfil (vigente, por vencer, pendiente, vencido o no aprobado) y sus motivos.",
          "Información de seguridad: la dirección IP y la hora de los intentos fallidos de inicio de sesión y de las solicitudes que hacen que Puente le envíe un correo, y el registro de sus sesiones activas. Para administradores de organización, supervisores, oficiales de control de confianza y administradores de la plataforma: la clave de su aplicación de autenticación (guardada cifrada), el intervalo de tiempo del último código que usó, sus códigos de recuperación (guardados solo como hash) y cuándo usó cada uno, y los códigos rechazados. Las acciones rechazadas que merecen una segunda revisión, como abrir el expediente de control de confianza de alguien ajeno a su organización, una contraseña incorrecta al confirmar su acceso o demasiados nombres escritos en la página de una habilitación: qué se pidió, cuándo, la cuenta que lo pidió (si alguien había iniciado sesión) y, en la mayoría de los casos, la dirección IP.",
        ],
        after: [
          "No solicitamos información sensible, como datos de salud, financieros o biométricos. El contenido de las evaluaciones de control de confianza (por ejemplo, un polígrafo o un examen médico) no se registra en Puente: solo el tipo, el resultado y las fechas de cada evaluación y el número de referencia del expediente de su organización.",
        ],
      },
      use: {
        heading: "3. Cómo usamos la información",
        body: ["Usamos su información para:"],
        items: [
          "Administrar su cuenta, verificar su correo electrónico y mantener su sesión iniciada.",
          "Impartir los cursos en su idioma, registrar su avance y calificar los cuestionarios.",
          "Mostrar a las personas autorizadas de su organización quién pertenece a ella y con qué funciones.",
          "Proteger las cuentas, prevenir usos indebidos y llevar un registro de cambios a prueba de alteraciones.",
          "Mejorar las lecciones y los reactivos e informar a las instituciones participantes sobre la cobertura de la capacitación, con estadísticas sin nombres. Puede negarse a estos dos usos en cualquier momento.",
        ],
      },
      share: {
        heading: "4. Quién ve su información",
        body: ["El acceso depende de la función de cada persona, y cada permiso se verifica en nuestros servidores:"],
        items: [
          "Usted ve todo lo de su propia cuenta.",
          "Los administradores de sus organizaciones ven su nombre, su correo electrónico, sus funciones y sus constancias vigentes.",
          "Los administradores de una organización que lo inscribe en un grupo ven su avance en los cursos de ese grupo (lecciones concluidas, resultados de los cuestionarios, conclusión); en un grupo conjunto, los administradores de las organizaciones participantes ven solo su nombre, su organización y si concluyó.",
          "Cualquier persona que tenga el enlace de verificación de una de sus constancias ve su nombre (salvo que usted elija, en la página «Mis credenciales», mostrarlo solo a quien lo escriba), el logro, sus fechas y su estado.",
          "Si un oficial de control de confianza de su organización le emite una constancia de habilitación, cualquier persona que tenga su enlace ve sus iniciales, el perfil, la organización que la otorga, sus fechas y su estado (suspendida mientras algún requisito no se cumpla); su archivo firmado solo guarda un hash con sal de su nombre, y a quien escriba su nombre completo solo se le dice si coincide (el nombre escrito no se guarda). Con un acuerdo de intercambio, los supervisores de la contraparte ven ese enlace.",
          "Los supervisores de su organización ven su nombre, su correo electrónico, sus credenciales vigentes, su estado en cada perfil con sus motivos, su historial de control de confianza y los cambios registrados sobre usted; pueden enviarle un recordatorio antes de un vencimiento.",
          "Los oficiales de control de confianza de su organización ven lo mismo y registran sus evaluaciones y perfiles; no pueden registrar evaluaciones en su propio expediente.",
          "Mediante un acuerdo de intercambio que su organización acepte con una organización contraparte, los supervisores de esa contraparte ven su nombre, su estado en los perfiles que el acuerdo indica, la fecha de vencimiento más próxima y los motivos solo por categoría (requisito de capacitación, requisito de evaluación, vence en los próximos 60 días); nunca qué evaluación, su resultado, sus fechas ni su número de referencia. No se comparte nada antes de que los administradores de ambas organizaciones estén de acuerdo, ni después de que termine el acuerdo.",
          "Los instructores ven estadísticas de los reactivos sin nombres y los ajustes razonables que le otorguen a usted.",
          "Los administradores de la plataforma Puente ven los datos de la cuenta, las funciones y el estado de bloqueo para operar el servicio y brindar soporte.",
        ],
        after: [
          "Fuera de Puente, solo divulgamos información a los proveedores que alojan el servicio o envían correo por nosotros conforme a un contrato, a su organización y a las autoridades cuando la ley o una orden judicial lo exija.",
        ],
      },
      sell: {
        heading: "5. Sin venta de datos ni publicidad dirigida",
        body: [
          "No vendemos su información personal ni la compartimos para publicidad dirigida o basada en su comportamiento en otros sitios. Puente no muestra publicidad.",
        ],
      },
      retention: {
        heading: "6. Cuánto tiempo conservamos la información",
        body: ["Conservamos la información solo mientras la necesitamos:"],
        items: [
          "Información de la cuenta: mientras su cuenta esté activa y 2 años después de que se desactive o se cierre.",
          "Avance de aprendizaje e intentos de cuestionario: mientras su cuenta esté activa y 2 años después.",
          "Registros de intentos fallidos de inicio de sesión (correo electrónico y dirección IP): se cuentan durante 15 minutos por lugar y 1 hora por cuenta para limitar los intentos de adivinar la contraseña, y se eliminan a los 90 días.",
          "Registros de solicitudes que envían un correo (correo electrónico y dirección IP): se usan para evitar abusos y se eliminan al cabo de 1 día.",
          "Registros de acciones rechazadas (qué se pidió, cuándo, la cuenta y la dirección IP): se conservan para revisiones de seguridad y se eliminan al cabo de 1 año.",
          "Sesiones: terminan cuando usted cierra la sesión, cambia o restablece su contraseña, tras 30 minutos sin uso (15 para funciones de administración, supervisión y verificación) o, a más tardar, 12 horas (8 para esas funciones) después de iniciar sesión; un inicio de sesión que espera su segundo factor termina a los 30 minutos.",
          "Clave de la aplicación de autenticación y códigos de recuperación (funciones que exigen un segundo factor): mientras su cuenta esté activa; se eliminan con la cuenta.",
          "Enlaces de verificación y de restablecimiento de contraseña: de un solo uso, válidos 24 horas (1 hora para restablecer, 7 días para deshacer un cambio de correo), guardados solo como hash y eliminados una vez usados o vencidos.",
          "Archivos de inscripción que importa un administrador de la organización (el nombre, el correo electrónico, el idioma y la función indicados para cada persona): se conservan con el registro de esa importación y se eliminan 30 días después de aplicarla, o 30 días después de cargarla si nunca se confirma.",
          "Datos de control de confianza: sus perfiles de requisitos y su estado en cada uno se eliminan con su cuenta (2 años después de que se desactive o se cierre). Las evaluaciones de control de confianza (tipo, resultado, fechas, número de referencia y quién las registró, incluidas sus correcciones y renovaciones) nunca se modifican ni se eliminan: se conservan sin plazo, también después de eliminada su cuenta, cuando quedan vinculadas solo al identificador de la cuenta que usted tuvo (su nombre y su correo electrónico se eliminan con ella). El registro de los recordatorios que se le enviaron a usted o sobre usted antes de un vencimiento (qué requisito y qué día) se conserva de la misma manera.",
          "Bitácora de auditoría de los cambios (funciones y cuentas, ajustes razonables de los cuestionarios, grupos, constancias y constancias de habilitación, registros de control de confianza, acuerdos de intercambio): nada la elimina, por lo que se conserva mientras Puente opere y al menos 5 años. No puede modificarse.",
        ],
      },
      rights: {
        heading: "7. Sus derechos y opciones",
        body: [
          "Sin importar el estado o el país en que viva, puede pedir acceso a su información personal, su corrección o su eliminación, recibir una copia en un formato portátil y negarse a los usos estadísticos descritos arriba. Puede corregir usted mismo su nombre, correo electrónico, idioma y zona horaria en la página de su cuenta.",
          "Para hacer una solicitud, escriba a privacy@puente.test desde el correo de su cuenta, o incluya información suficiente para que verifiquemos su identidad. Un representante autorizado puede actuar por usted con su permiso por escrito. Respondemos dentro de 45 días, y normalmente mucho antes. Si rechazamos una solicitud, le explicaremos por qué y podrá pedirnos que la reconsideremos respondiendo a nuestro mensaje. No le daremos un trato distinto por ejercer estos derechos.",
        ],
      },
      cookies: {
        heading: "8. Cookies y rastreo",
        body: ["Puente usa solo dos cookies, ambas necesarias para que el sitio funcione:"],
        items: [
          "Una cookie de sesión (puente_session, o __Host-puente_session en una conexión segura) que mantiene su sesión iniciada. Contiene solo un identificador aleatorio y termina cuando usted cierra la sesión, tras 30 minutos sin uso (15 para funciones de administración, supervisión y verificación) o, a más tardar, 12 horas (8 para esas funciones) después de iniciar sesión.",
          "Una cookie de idioma (puente_lang) que recuerda si usted lee en español o en inglés, durante un año.",
        ],
        after: [
          "No usamos analítica, publicidad ni rastreo de terceros. Como no lo rastreamos, las señales Do Not Track y Global Privacy Control no requieren ninguna acción adicional de nuestra parte.",
        ],
      },
      security: {
        heading: "9. Seguridad",
        body: [
          "Las contraseñas se guardan solo como hashes Argon2id; las conexiones van cifradas; los intentos fallidos repetidos se limitan por lugar y por cuenta, y se le avisa de ellos; al cambiar la contraseña se cierran todas las demás sesiones; los administradores de organización, supervisores, oficiales de control de confianza y administradores de la plataforma deben dar un código de una aplicación de autenticación cada vez que inician sesión; y los cambios en funciones, cuentas y ajustes razonables de los cuestionarios quedan en una bitácora de auditoría encadenada por hashes que revela cualquier alteración. Si una vulneración afecta su información, se lo notificaremos como lo exija la ley y sin demoras injustificadas.",
        ],
      },
      education: {
        heading: "10. Escuelas y empleadores",
        body: [
          "Si una escuela de derecho lo inscribió, sus registros de aprendizaje también pueden ser registros educativos de su escuela conforme a la ley FERPA de los Estados Unidos. Los usamos solo para prestar el servicio a su escuela y bajo su dirección, y usted también puede presentar sus solicitudes a través de su escuela.",
          "Si su dependencia lo inscribió, también se aplican sus propias políticas sobre registros de capacitación.",
        ],
      },
      children: {
        heading: "11. Menores de edad",
        body: [
          "Puente es un servicio de capacitación profesional y no está dirigido a menores de 18 años. No recabamos a sabiendas información de menores.",
        ],
      },
      international: {
        heading: "12. Uso internacional",
        body: [
          "Puente atiende a instituciones de los Estados Unidos y de México, por lo que su información puede almacenarse o consultarse en cualquiera de los dos países. Se protege como se describe en este aviso dondequiera que se trate. Los usuarios en México también tienen los derechos descritos en el aviso mexicano de esta página.",
        ],
      },
      changes: {
        heading: "13. Cambios a este aviso",
        body: [
          "Publicamos todo cambio en esta página con una nueva fecha. Si un cambio afecta de manera importante cómo usamos o compartimos su información, se lo informaremos por correo electrónico o la próxima vez que inicie sesión, antes de que entre en vigor.",
        ],
      },
      contact: {
        heading: "14. Contacto",
        body: [
          "Escriba a privacy@puente.test con cualquier pregunta o solicitud sobre su privacidad. Nuestro domicilio postal se publicará aquí antes de que Puente entre en operación.",
        ],
      },
    },
  },
};
