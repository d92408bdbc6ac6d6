import type { Translation } from "../../types.ts";
import type { sharing as en } from "../en/sharing.ts";

export const sharing: Translation<typeof en> = {
  title: "Acuerdos de intercambio — {{org}}",
  back: "Volver a la organización",
  link: "Acuerdos de intercambio",
  intro:
    "Un acuerdo de intercambio permite que una organización contraparte vea si su personal, en los perfiles que usted indique, está acreditado, desde el día en que su administrador lo acepta hasta la fecha de término o hasta que cualquiera de las partes lo dé por terminado.",
  whatPartnersSee:
    "La contraparte ve el nombre de cada persona, su estado (acreditada, por vencer, pendiente, vencida o no aprobada), la fecha de vencimiento más próxima y los motivos solo por categoría: «requisito de capacitación no cumplido», «requisito de evaluación no cumplido», «vence en los próximos 60 días». Nunca ve qué evaluación, su resultado, sus fechas ni las referencias de expediente. Cuando su oficial de control de confianza ha emitido una constancia de habilitación, la contraparte recibe también su enlace (iniciales, perfil, estado y vigencia; el nombre solo se confirma si lo escribe).",
  states: {
    proposed: "propuesto, en espera de la contraparte",
    inForce: "vigente",
    expired: "vencido",
    ended: "terminado",
    withdrawn: "retirado",
    declined: "rechazado",
  },
  direction: {
    outgoing: "{{partner}} ve a su personal",
    incoming: "Usted ve al personal de {{partner}}",
  },
  awaiting: "Propuestas en espera de su respuesta",
  awaitingNone: "No hay propuestas en espera de su respuesta.",
  inForce: "Vigentes",
  inForceNone: "No hay acuerdos vigentes.",
  proposed: "Propuestos por su organización",
  history: "Historial",
  historyNone: "No hay acuerdos anteriores.",
  columns: {
    partner: "Contraparte",
    direction: "Sentido",
    profiles: "Perfiles",
    until: "Hasta",
    state: "Estado",
    proposedOn: "Propuesto el",
    actions: "Acciones",
  },
  until: "hasta el {{date}} inclusive",
  accept: "Aceptar",
  decline: "Rechazar",
  end: "Terminar ahora",
  withdraw: "Retirar",
  propose: {
    heading: "Proponer un acuerdo",
    explain:
      "Elija la organización que podrá ver el estado de su personal, los perfiles que abarca y el último día de vigencia (a lo sumo cinco años). No se comparte nada hasta que el administrador de esa organización lo acepte.",
    partner: "Organización contraparte",
    choose: "Elija una organización",
    profiles: "Perfiles que abarca",
    endsOn: "Último día de vigencia",
    submit: "Proponer",
  },
  errors: {
    required: "Este campo es obligatorio.",
    invalid: "Algo en el formulario no es válido. Revíselo e inténtelo de nuevo.",
    unknownOrg: "Elija una organización de la lista.",
    unknownProfile: "Elija perfiles de la lista.",
    profilesRequired: "Elija al menos un perfil.",
    ownOrg: "Una organización no puede celebrar un acuerdo consigo misma.",
    endInPast: "El último día de vigencia no puede estar en el pasado.",
    endTooFar: "El último día de vigencia puede ser, a lo sumo, dentro de cinco años.",
    alreadyOpen:
      "Ya hay un acuerdo propuesto o vigente con esta organización. Termínelo primero para proponer otras condiciones.",
    notFound: "Este acuerdo no existe o no está abierto a su organización.",
    expired: "Este acuerdo ya no está abierto: fue respondido, terminado o ha vencido.",
    dateInvalid: "Escriba una fecha válida.",
  },
  done: {
    proposed: "El acuerdo fue propuesto. El administrador de la contraparte ya puede aceptarlo o rechazarlo.",
    accepted: "El acuerdo está vigente.",
    declined: "La propuesta fue rechazada.",
    ended: "El acuerdo fue terminado. Ya no se comparte nada en virtud de él.",
  },
  shared: {
    title: "Personal compartido con usted",
    intro:
      "Las organizaciones contraparte comparten con su organización el estado de evaluación de su personal mediante acuerdos de intercambio. Cada sección indica el acuerdo del que proviene. Usted ve el estado, la fecha de vencimiento más próxima y los motivos solo por categoría; la contraparte conserva los detalles. Cuando la contraparte ha emitido una constancia de habilitación, su enlace le permite comprobarla y confirmar el nombre de la persona con su identificación.",
    none: "Por ahora, ninguna organización contraparte comparte su personal con su organización.",
    through: "{{partner}} ({{country}}), conforme al acuerdo vigente hasta el {{date}} inclusive",
    forYou: "Compartido con {{org}}",
    profiles: "Perfiles: {{profiles}}",
    empty: "Nadie tiene asignados estos perfiles en {{partner}}.",
    more: "Se muestran {{shown}} de {{total}}.",
    columns: { name: "Nombre", profile: "Perfil", status: "Estado", lapse: "Próximo vencimiento", reasons: "Motivos" },
    noLapse: "—",
    categories: {
      training: "Requisito de capacitación no cumplido",
      vetting: "Requisito de evaluación no cumplido",
      lapsesSoon: "Vence en los próximos 60 días",
    },
  },
};
