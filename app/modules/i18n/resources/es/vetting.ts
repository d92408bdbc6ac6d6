import type { Translation } from "../../types.ts";
import type { vetting as en } from "../en/vetting.ts";

export const vetting: Translation<typeof en> = {
  status: {
    failed: "No aprobado",
    lapsed: "Vencido",
    pending: "Pendiente",
    expiring: "Por vencer",
    cleared: "Vigente",
  },
  result: {
    passed: "Aprobado",
    failed: "No aprobado",
    pending: "Pendiente",
    under_review: "En revisión",
  },
  reasons: {
    check: {
      missing: "No hay registro de {{kind}}",
      failed: "{{kind}}: no aprobada el {{date}}",
      underReview: "{{kind}}: en revisión desde el {{since}}",
      pending: "{{kind}}: pendiente desde el {{since}}",
      expired: "{{kind}}: venció el {{date}}",
      expiring: "{{kind}}: vence el {{date}}",
    },
    credential: {
      missing: "Sin constancia de {{achievement}}",
      expired: "Constancia de {{achievement}}: venció el {{date}}",
      revoked: "Constancia de {{achievement}}: revocada el {{date}}",
      suspended: "Constancia de {{achievement}}: suspendida desde el {{date}}",
      expiring: "Constancia de {{achievement}}: vence el {{date}}",
    },
  },
  errors: {
    forbidden: "Usted no puede registrar evaluaciones en ninguna organización.",
    notFound: "Esa persona o ese registro no pertenece a sus organizaciones.",
    ownRecord: "Usted no puede registrar evaluaciones en su propio expediente. Debe hacerlo otra persona evaluadora.",
    otherOrg: "Usted solo puede registrar evaluaciones de personas de sus propias organizaciones.",
    kindNotRequired:
      "Ninguno de los perfiles de requisitos de esta persona en esta organización exige esa evaluación. Asigne primero un perfil.",
    badResult: "Elija un resultado: aprobado, no aprobado, pendiente o en revisión.",
    badDate: "Escriba las fechas como año-mes-día, por ejemplo 2026-03-31.",
    futureDate: "La fecha de la evaluación no puede ser futura.",
    expiryBeforeCheck: "El vencimiento debe ser posterior a la fecha de la evaluación.",
    expiryBeyondValidity:
      "El vencimiento no puede ser posterior a la fecha de la evaluación más la vigencia que le dan los perfiles de la persona.",
    evidenceRequired: "Escriba la referencia del soporte (un número de expediente).",
    evidenceTooLong: "La referencia admite como máximo {{max}} caracteres: escriba solo el número de expediente.",
    reasonRequired: "Indique por qué corrige el registro anterior.",
    reasonTooLong: "El motivo admite como máximo {{max}} caracteres.",
    supersedeOtherPerson: "Una corrección o renovación debe ser de la misma persona que el registro que indica.",
    alreadySuperseded: "Ese registro ya fue corregido; corrija el registro más reciente.",
    renewalNotLater: "Una renovación debe tener una fecha de evaluación posterior a la del registro que renueva.",
    unknownProfile: "Elija uno de los perfiles de requisitos.",
    alreadyAssigned: "Esta persona ya tiene asignado ese perfil.",
  },
};
