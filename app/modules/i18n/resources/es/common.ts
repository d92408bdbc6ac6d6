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
    admin: "Administración",
    organisation: "Mi organización",
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
    title: "Capacitación y control de confianza para el trabajo conjunto México–EE. UU. contra el lavado de dinero",
    lead: "Complete la capacitación conjunta en su idioma, obtenga constancias que cualquiera puede verificar y permita que sus mandos sepan quién está habilitado para integrar un equipo conjunto.",
    agents: "Agentes de instituciones mexicanas y estadounidenses",
    agentsBody:
      "Estudie el mismo curso en español o en inglés y lea ambas versiones lado a lado en sesiones conjuntas.",
    students: "Facultades de Derecho y barras de abogados",
    studentsBody: "Inscriba a sus estudiantes por generación y dé seguimiento a su avance.",
    supervisors: "Mandos y supervisores",
    supervisorsBody: "Consulte quién está habilitado, a quién está por vencérsele y por qué.",
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
    "us-agency": "Institución estadounidense",
    "mx-agency": "Institución mexicana",
    "law-school": "Facultad de Derecho",
    "bar-association": "Barra de abogados",
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
