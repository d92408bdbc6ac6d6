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
    later:
      "Más adelante podrá crear grupos, emitir códigos de inscripción e inscribir personas desde una hoja de cálculo en esta página.",
  },
  vetting: {
    title: "Estado de control de confianza",
    intro: "Las personas de las organizaciones que usted supervisa.",
    pendingNote:
      "Puente todavía no registra evaluaciones de control ni constancias, por lo que por ahora todas las personas aparecen como pendientes. Cuando se registren, esta página mostrará quién está habilitado, a quién le falta poco para vencer y por qué, y podrá exportar la lista.",
    caption: "Estado de control de confianza de las personas de {{org}}",
    pending: "Pendiente",
  },
  checks: {
    title: "Evaluaciones de control",
    intro: "Las personas de las organizaciones para las que usted registra evaluaciones.",
    note: "El registro de evaluaciones (investigación de antecedentes, polígrafo, control de confianza) llegará con la función de control de confianza. Mientras tanto, esta página muestra a las personas cuyas evaluaciones usted registrará.",
    caption: "Personas de {{org}}",
  },
  instructor: {
    title: "Instructor",
    intro: "Herramientas para quienes imparten y mantienen los cursos.",
    canHeading: "Lo que puede hacer como instructor",
    can: {
      preview:
        "Revisar cada lección y cada cuestionario en español y en inglés, lado a lado, antes de que los vean los participantes.",
      itemStats:
        "Ver cómo responden los participantes de su organización cada reactivo, para detectar preguntas poco claras o demasiado fáciles.",
      accommodations:
        "Otorgar ajustes razonables, como tiempo adicional en los cuestionarios, a participantes de su organización.",
    },
    comingSoon:
      "Las vistas previas y las estadísticas de reactivos se abrirán desde esta página conforme estén disponibles.",
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
