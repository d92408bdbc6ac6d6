import type { Translation } from "../../types.ts";
import type { workspace as en } from "../en/workspace.ts";

export const workspace: Translation<typeof en> = {
  columns: {
    name: "Nombre",
    email: "Correo electrónico",
    roles: "Funciones",
    account: "Cuenta",
    status: "Estado de control de confianza",
  },
  active: "Activa",
  deactivated: "Desactivada",
  peopleCount: "Personas: {{total}}",
  noPeople: "Todavía no hay personas en esta organización.",
  orgs: {
    title: "Mi organización",
    intro: "Las organizaciones que usted administra, con sus integrantes y las funciones que tienen.",
    caption: "Integrantes de {{org}}",
  },
  vetting: {
    title: "Estado de control de confianza",
    intro: "Las personas de las organizaciones que usted supervisa.",
    pendingNote:
      "Puente todavía no registra evaluaciones de control de confianza, por lo que todas las personas aparecen como pendientes.",
    caption: "Estado de control de confianza de las personas de {{org}}",
    pending: "Pendiente",
  },

  instructor: {
    title: "Instructor",
    intro: "Herramientas para quienes imparten y mantienen los cursos.",
    canHeading: "Lo que puede hacer como instructor",
    can: {
      preview: "Leer cada lección en español y en inglés, lado a lado (la vista en dos idiomas de cada lección).",
      itemStats:
        "Ver cómo responden los participantes de su organización cada reactivo, para detectar preguntas poco claras o demasiado fáciles.",
      accommodations:
        "Otorgar ajustes razonables, como tiempo o intentos adicionales en un cuestionario, a participantes de sus organizaciones: abra las estadísticas de un cuestionario y siga «Ajustes razonables de este cuestionario».",
    },
    coursesHeading: "Cursos",
    coursesCaption: "Cursos en Puente",
    course: "Curso",
    modules: "Módulos",
    lessons: "Lecciones",
    noCourses: "Todavía no hay cursos.",
  },
  reviewDue: {
    heading: "Lecciones pendientes de revisión",
    intro_one: "La legislación de {{count}} lección no se ha verificado contra sus fuentes en los últimos 9 meses.",
    intro_other: "La legislación de {{count}} lecciones no se ha verificado contra sus fuentes en los últimos 9 meses.",
    none: "Todas las lecciones se revisaron en los últimos 9 meses.",
    caption: "Lecciones pendientes de revisión, de la revisión más antigua a la más reciente",
    lesson: "Lección",
    reviewed: "Última revisión",
    status: "Estado",
    never: "Nunca",
    statuses: {
      missing: "Sin revisar",
      due: "Pendiente (más de 9 meses)",
      overdue: "Vencida (más de 12 meses)",
    },
  },
};
