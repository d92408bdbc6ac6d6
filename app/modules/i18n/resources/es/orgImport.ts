import type { Translation } from "../../types.ts";
import type { orgImport as en } from "../en/orgImport.ts";

export const orgImport: Translation<typeof en> = {
  upload: {
    title: "Importar personas desde una hoja de cálculo",
    intro:
      "Suba un archivo CSV con una persona por fila. Primero verá lo que haría la importación, fila por fila; nada cambia hasta que usted la aplique.",
    columnsTitle: "Columnas",
    columns: {
      name: "nombre — el nombre completo de la persona",
      email: "correo — su dirección de correo electrónico",
      language: "idioma — en o es: el idioma de su invitación y de Puente para esa persona",
      role: "rol — learner, instructor, org_admin, supervisor o vetting_officer",
      cohort: "grupo — el nombre o el identificador de uno de los grupos de su organización",
    },
    columnsNote:
      "La primera fila nombra las columnas, en español o en inglés (name, email, language, role, cohort), en cualquier orden. Separadas por comas, punto y coma o tabuladores; en UTF-8 (con o sin BOM) o Windows-1252, como las guarda Excel. Máximo 20 MB.",
    rulesTitle: "Qué hace una importación",
    rules: {
      join: "Todas las personas del archivo se integran al grupo como participantes de {{org}} y quedan inscritas en los cursos del grupo.",
      joint:
        "El grupo también puede ser un grupo conjunto en el que participa {{org}}: ahí {{org}} inscribe solo a su propia gente, y nadie que ya esté en el grupo por medio de otra organización cambia de organización.",
      newAccounts:
        "Quien no tiene cuenta recibe una, sin contraseña: se le envía por correo, en su idioma, una invitación para elegirla.",
      roles:
        "Un rol distinto de participante se ofrece con una invitación por correo y surte efecto cuando la persona la acepta.",
      accountFields:
        "El nombre, el correo y el idioma de una cuenta existente nunca se modifican; el informe muestra dónde difiere el archivo.",
      rerun: "Importar de nuevo el mismo archivo no cambia nada.",
      retention:
        "Las filas del archivo (nombres y correos) se eliminan {{days}} días después de aplicar la importación, o de cargarla si nunca se confirma.",
      pace: "Las invitaciones se envían poco a poco, al ritmo que acepta el servidor de correo.",
    },
    org: "Organización",
    file: "Archivo CSV",
    submit: "Revisar el archivo",
    recentTitle: "Importaciones recientes",
    noRecent: "Aún no hay importaciones.",
    recent: {
      file: "Archivo",
      uploaded: "Subido",
      rows: "Filas",
      status: "Estado",
    },
  },
  fileErrors: {
    noFile: "Elija un archivo CSV para subir.",
    empty: "El archivo está vacío.",
    tooLarge: "El archivo pesa más de 20 MB. Divídalo en archivos más pequeños e impórtelos uno tras otro.",
    tooManyRows: "El archivo tiene más de {{max}} filas. Divídalo en archivos más pequeños e impórtelos uno tras otro.",
    notText: "Este no es un archivo de texto. Guarde la hoja de cálculo como CSV y suba ese archivo.",
    spreadsheet: "Este es un libro de Excel, no un archivo CSV. En Excel, elija Guardar como → CSV y suba ese archivo.",
    badEncoding:
      "No se pudieron leer los caracteres del archivo. Guárdelo como «CSV UTF-8» (o CSV simple) y súbalo de nuevo.",
    malformed:
      "El archivo no es un CSV válido (cerca de la línea {{line}}): revise si hay unas comillas que se abren y no se cierran.",
    malformedNoLine: "El archivo no es un CSV válido: revise si hay unas comillas que se abren y no se cierran.",
    missingColumns: "La primera fila debe nombrar las columnas. Faltan: {{columns}}.",
    unknownColumns: "La primera fila nombra columnas que esta importación no conoce: {{columns}}.",
    duplicateColumns: "La primera fila nombra una columna dos veces: {{columns}}.",
    noRows: "El archivo tiene la fila de encabezados, pero ninguna persona.",
  },
  job: {
    rowsDeleted:
      "Las filas de este archivo se eliminaron {{days}} días después de la importación, como indica el aviso de privacidad; los totales de arriba se conservan.",
    title: "Importación de {{file}}",
    back: "Todas las importaciones",
    meta: "{{org}} · subido el {{date}} · {{encoding}}",
    status: {
      planned:
        "Esta es una simulación: todavía no ha cambiado nada. Revise las filas y después aplique la importación o descártela.",
      running:
        "Aplicando la importación: {{done}} de {{total}} filas. Esta página se actualiza sola; puede salir de ella: la importación continúa y se reanuda por sí sola si el servidor se reinicia.",
      finished: "Terminó el {{date}}: {{applied}} filas aplicadas, {{errors}} filas no importadas.",
      discarded: "Esta simulación se descartó; no se importó nada.",
    },
    apply: "Aplicar la importación",
    applyNote: "Se aplicarán {{rows}} filas; las {{errors}} filas con errores quedarán fuera.",
    nothingToApply: "Ninguna fila puede aplicarse: corrija el archivo y súbalo de nuevo.",
    discard: "Descartar",
    download: "Descargar este informe (CSV)",
    mail: "Invitaciones: {{sent}} enviadas, {{waiting}} en espera de envío.",
    summaryTitle: "Resumen",
    filterLabel: "Mostrar",
    filters: {
      all: "Todas las filas ({{n}})",
      new: "Cuentas nuevas ({{n}})",
      member: "Ya son miembros ({{n}})",
      change: "Con cambios ({{n}})",
      error: "Errores ({{n}})",
      applied: "Aplicadas ({{n}})",
      pending: "Aún sin aplicar ({{n}})",
    },
    caption: "Filas de {{file}}, página {{page}} de {{pages}}",
    columns: {
      line: "Línea",
      name: "Nombre",
      email: "Correo electrónico",
      language: "Idioma",
      role: "Rol",
      cohort: "Grupo",
      result: "Resultado",
      details: "Detalles",
    },
    previous: "Página anterior",
    next: "Página siguiente",
    noRows: "No hay filas que mostrar.",
  },
  plans: {
    new: "Cuenta nueva",
    member: "Ya es miembro",
    change: "Con cambios",
    error: "Error",
  },
  outcomes: {
    new: "Cuenta creada",
    member: "Nada que cambiar",
    change: "Cambiada",
    error: "No importada",
    pending: "Aún sin aplicar",
  },
  reasons: {
    nameMissing: "El nombre está vacío.",
    nameTooLong: "El nombre tiene más de 200 caracteres.",
    emailInvalid: "Esta no es una dirección de correo electrónico.",
    languageInvalid: "El idioma debe ser en o es.",
    roleInvalid: "Rol desconocido: use learner, instructor, org_admin, supervisor o vetting_officer.",
    cohortMissing: "El grupo está vacío.",
    cohortUnknown:
      "Ni los grupos de su organización ni los grupos conjuntos en los que participa tienen este nombre o identificador.",
    cohortAmbiguous: "Varios de sus grupos tienen este nombre: use el identificador del grupo.",
    cohortArchived: "Este grupo está archivado.",
    duplicateRow: "Repite la línea {{line}}.",
    conflictingRow: "Mismo correo que la línea {{line}}, con otro nombre, idioma o rol.",
    accountDeactivated: "Esta cuenta está desactivada.",
    inCohortOtherOrg:
      "Esta persona ya está en el grupo por medio de otra organización; cada organización inscribe a su propia gente.",
    tooManyCells: "La fila tiene más celdas que el encabezado.",
  },
  notes: {
    createsAccount: "Una cuenta nueva (sin contraseña).",
    joinsOrg: "Se integra a la organización como participante.",
    becomesLearner: "Pasa a ser participante de la organización.",
    joinsCohort: "Se integra al grupo.",
    rejoinsCohort: "Vuelve al grupo (se le había retirado).",
    enrolsCourses: "Queda inscrita en los cursos del grupo.",
    invitesRole: "Se le invita como {{role}}; el rol surte efecto cuando acepte.",
    alreadyInvited: "Ya tiene una invitación como {{role}}.",
    hasRole: "Ya es {{role}}.",
    sendsInvitation: "Recibe una invitación para elegir su contraseña.",
    nameDiffers: "El nombre del archivo difiere del de la cuenta; la cuenta conserva el suyo.",
    languageDiffers: "El idioma del archivo difiere del de la cuenta; la cuenta conserva el suyo.",
    sameAccountAs: "La misma persona que en la línea {{line}}.",
  },
  statuses: {
    planned: "Simulación, sin aplicar",
    running: "Aplicándose",
    finished: "Terminada",
    discarded: "Descartada",
  },
  notFound: "No existe esa importación.",
  mail: {
    subject: "Su invitación a {{org}} en Puente",
    bodyLearner:
      "{{org}} lo ha inscrito en su capacitación en Puente. Abra el enlace siguiente para aceptar y elegir su contraseña.",
    bodyRole:
      "{{org}} lo invita a Puente como {{role}}. Abra el enlace siguiente para aceptar; si aún no tiene contraseña, la elegirá ahí.",
    expiry: "El enlace funciona durante 7 días y una sola vez.",
    ignore: "Si no esperaba esta invitación, puede ignorar este mensaje.",
  },
};
