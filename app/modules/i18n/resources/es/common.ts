import type { Translation } from "../../types.ts";
import type { common as en } from "../en/common.ts";

export const common: Translation<typeof en> = {
  appName: "Puente",
  tagline: "Capacitación y control de confianza México–EE. UU. en prevención de lavado de dinero",
  skipToContent: "Ir al contenido principal",
  demoBanner: {
    label: "Datos de demostración.",
    body: "Este sitio tiene cuentas de demostración cuya contraseña es pública. No capture información personal real.",
  },
  nav: {
    label: "Principal",
    home: "Inicio",
    courses: "Cursos",
    glossary: "Glosario",
    myLearning: "Mi aprendizaje",
    myCredentials: "Mis credenciales",
    admin: "Administración",
    organization: "Mi organización",
    vetting: "Estado de control de confianza",
    vettingChecks: "Evaluaciones de control",
    instructor: "Instructor",
    account: "Cuenta",
    accountMenu: "Menú de la cuenta de {{name}}",
    signIn: "Iniciar sesión",
    signUp: "Crear una cuenta",
    signOut: "Cerrar sesión",
  },
  languageNames: { en: "inglés", es: "español" },
  languageOffer: {
    body: "Está leyendo en {{current}}; su cuenta está configurada en {{saved}}, el idioma de los correos que le enviamos.",
    save: "Usar {{current}} de ahora en adelante",
  },
  language: {
    label: "Idioma",
    switchTo: "English",
    switchToLabel: "Read in English",
  },
  footer: {
    privacy: "Aviso de privacidad",
    about: "Puente es una plataforma de capacitación conjunta. No constituye asesoría jurídica.",
  },
  home: {
    title: "Capacitación conjunta para el trabajo México–EE. UU. contra el lavado de dinero",
    lead: "Tome los mismos cursos en español o en inglés, compruebe lo que aprendió con cuestionarios que se califican en cuanto los envía y conserve su avance en su cuenta.",
    agents: "Agentes de instituciones mexicanas y estadounidenses",
    agentsBody:
      "Estudie el mismo curso en español o en inglés y lea ambas versiones lado a lado en sesiones conjuntas.",
    students: "Facultades de Derecho y barras de abogados",
    studentsBody:
      "Los estudiantes se inscriben por su cuenta en los cursos abiertos. Los instructores ven cómo se responde cada pregunta de los cuestionarios, en cada idioma, y pueden otorgar tiempo o intentos adicionales.",
    supervisors: "Organizaciones",
    supervisorsBody:
      "Los administradores de la organización ven a sus integrantes y las funciones que tienen; los supervisores ven a las personas de las organizaciones que supervisan.",
    cta: "Ver los cursos",
    welcome: "Bienvenido(a), {{name}}",
  },
  roles: {
    learner: "Participante",
    instructor: "Instructor(a)",
    org_admin: "Administrador(a) de la organización",
    supervisor: "Supervisor(a)",
    vetting_officer: "Oficial de control de confianza",
    admin: "Administrador(a) de la plataforma",
  },
  orgKinds: {
    us_agency: "Institución estadounidense",
    mx_agency: "Institución mexicana",
    law_school: "Facultad de Derecho",
    bar_association: "Barra de abogados",
    prosecutor_office: "Fiscalía",
    other: "Otra",
  },
  actions: {
    save: "Guardar",
    cancel: "Cancelar",
    search: "Buscar",
    back: "Regresar",
    continue: "Continuar",
  },
  status: {
    saved: "Cambios guardados.",
  },
  formErrors: {
    summary: "Corrija los campos señalados.",
  },
};
