// The privacy notice, as structured sections: each has a heading, paragraphs (`body`),
// and optionally a list (`items`) and closing paragraphs (`after`). The Spanish file must
// have the same sections with the same number of paragraphs and items (typecheck + test).
export const privacy = {
  title: "Privacy notice",
  intro:
    "Puente publishes the same privacy practices in two forms: the comprehensive privacy notice (aviso de privacidad integral) required by Mexican law, and a privacy notice in the form used in the United States. They describe the same facts; read the one that is more familiar to you.",
  updated: "Last updated: {{date}}",
  contents: "On this page",
  contact: "Privacy contact: privacy@puente.test",
  mx: {
    title: "Comprehensive privacy notice (Mexico)",
    lead: "This notice is issued under the Ley Federal de Protección de Datos Personales en Posesión de los Particulares (Mexico's Federal Law on the Protection of Personal Data Held by Private Parties) and its implementing rules.",
    sections: {
      controller: {
        heading: "1. Who is responsible for your personal data",
        body: [
          "Puente, the binational anti-money-laundering training and vetting platform, is the controller (responsable) of the personal data described in this notice.",
          "Address for notices: to be published before Puente enters service. Until then, send every request or notice about your personal data to privacy@puente.test.",
        ],
      },
      data: {
        heading: "2. Personal data we process",
        body: ["To provide the service we process the following personal data:"],
        items: [
          "Identification and contact data: your full name and your email address.",
          "Preferences: your preferred language and time zone.",
          "Organisation data: the organisations you belong to and the roles you hold in them (learner, instructor, organisation administrator, supervisor, vetting officer).",
          "Academic data: your enrolments, your progress through lessons, your quiz attempts and their results.",
          "Quiz accommodations: extra time or extra attempts that an instructor or organisation administrator grants you, and who granted them.",
          "Cohorts and credentials: the cohorts (groups) your organisation places you in, with their courses and due dates, and the credentials you earn: your full name, the achievement, its dates and hours, signed so that anyone you give its verification link can check it.",
          "Roster files: when an organisation administrator enrols people from a spreadsheet, the name, email address, language and role the file gives for you, kept with the record of that import and deleted 30 days after it is applied.",
          "Vetting data, if your organisation assigns you a requirement profile: the profile, and for each vetting check its kind, result, date, expiry and a reference number to the file your organisation keeps (never the file itself), with who recorded it; your status under each profile (cleared, expiring, pending, lapsed or failed) and its reasons.",
          "Security data: the Internet (IP) address and time of failed sign-in attempts and of requests that make Puente send you email, and records of your active sessions. If you are an organisation administrator, supervisor, vetting officer or platform administrator: the key of your authenticator app (stored encrypted), the time step of the last code you used, your recovery codes (stored only as hashes) and when each was used, and refused codes. Refused actions worth a second look, such as opening the vetting record of someone outside your organisation, a wrong password when confirming your access, or too many names typed on a clearance's page: what was asked for, when, the account that asked (if anyone was signed in) and, for most, the IP address.",
        ],
        after: [
          "We obtain this data from you when you create your account and use Puente, and from your organisation when its staff assign you roles or grant you quiz accommodations.",
        ],
      },
      sensitive: {
        heading: "3. Sensitive personal data",
        body: [
          "Puente does not ask for sensitive personal data. The contents of vetting evaluations (medical, psychological, toxicological, polygraph or socio-economic findings and documents) are not recorded in Puente: only each check's kind, result, dates and the reference number of your organisation's file.",
          "Puente does not collect financial or property data about you.",
        ],
      },
      purposes: {
        heading: "4. Purposes of processing",
        body: ["Necessary (primary) purposes, which are required for the service you requested:"],
        items: [
          "Create and manage your account, verify your email address and keep you signed in.",
          "Deliver the courses in your language, record your progress and grade your quizzes on our servers.",
          "Show the people authorised by your organisation who belongs to it and in which roles, as described in section 7.",
          "Protect accounts: limit repeated failed sign-ins, detect misuse and keep a tamper-evident record of changes to roles, accounts and quiz accommodations.",
          "Answer your requests and comply with legal obligations.",
        ],
        after: [
          "Voluntary (secondary) purposes, which are not required for the service: (a) preparing statistics on how quiz items are answered, without names, to improve the lessons and questions; and (b) preparing aggregated reports on training coverage for participating institutions, without names.",
        ],
      },
      refuse: {
        heading: "5. How to refuse the voluntary purposes",
        body: [
          "If you do not want your data used for the voluntary purposes, write to privacy@puente.test at any time with the subject “Negativa a finalidades voluntarias”. Your refusal will not affect your account or your courses.",
        ],
      },
      retention: {
        heading: "6. How long we keep your data",
        body: ["We keep each kind of data only as long as the purpose requires:"],
        items: [
          "Account data (name, email address, language, time zone): while your account is active and for 2 years after it is deactivated or closed; then it is deleted.",
          "Learning progress and quiz attempts: while your account is active and for 2 years afterwards.",
          "Failed sign-in records (email address and IP address): counted for 15 minutes per place and for 1 hour per account to limit guessing, and deleted after 90 days.",
          "Records of requests that send email, such as a password reset (email address and IP address): used to limit abuse and deleted after 1 day.",
          "Records of refused actions (what was asked for, when, the account that asked and the IP address): kept for security review and deleted after 1 year.",
          "Sessions: a session ends when you sign out, when you change or reset your password, after 30 minutes without use (15 for administrative, supervisory and vetting roles), or at the latest 12 hours (8 for those roles) after signing in; a sign-in waiting for its second factor ends after 30 minutes.",
          "Authenticator key and recovery codes (roles that require a second factor): while your account is active; deleted with the account.",
          "Email links for verification and password reset: single use, valid for 24 hours (1 hour for a password reset; 7 days for the link that undoes a change of email address), stored only in a scrambled (hashed) form, and deleted once used or expired.",
          "Roster files an organisation administrator imports (the name, email address, language and role given for each person): kept with the record of that import and deleted 30 days after the import is applied, or 30 days after upload if it is never confirmed.",
          "Vetting data: your requirement profiles and your status under each are deleted with your account (2 years after it is deactivated or closed). Vetting checks (kind, result, dates, reference number and who recorded them, corrections and renewals included) are never edited or deleted: they are kept with no time limit, also after your account is deleted, when they stay linked only to the identifier of your former account (your name and email address are deleted with it). The record of reminders sent to you or about you before a lapse (which requirement, which day) is kept in the same way.",
          "Audit log of changes (roles and accounts, quiz accommodations, cohorts, credentials and clearance attestations, vetting records, sharing agreements): nothing deletes it, so it is kept for as long as Puente runs and at least 5 years. It cannot be edited.",
        ],
      },
      access: {
        heading: "7. Who can see your data",
        body: ["Access is limited by role, and every permission is checked on our servers:"],
        items: [
          "You see all the data of your own account.",
          "The organisation administrators of your organisations see your name, email address, the roles you hold in their organisation and your current credentials (which achievements, valid until when).",
          "The organisation administrators of an organisation that places you in a cohort see your progress in that cohort's courses (lessons done, quiz results, completion); in a joint cohort, the administrators of the partner organisations see only your name, organisation and whether you completed.",
          "Anyone who has the verification link of one of your credentials sees your name (unless you choose, on your “My credentials” page, to show it only to someone who types it), the achievement, its dates and its status.",
          "If a vetting officer of your organisation issues you a clearance attestation, anyone who has its link sees your initials, the profile, the organisation that attests it, its dates and its status (suspended while a requirement is not met); its signed file holds only a salted hash of your name, and a visitor who types your full name is told only whether it matches (the typed name is not kept). Under a sharing agreement, the partner's supervisors see that link.",
          "Supervisors of your organisation see your name, email address, current credentials, your status under each profile with its reasons, your vetting history and the recorded changes about you; they may send you a reminder before something lapses.",
          "The vetting officers of your organisation see the same and record your vetting checks and profiles; they cannot record checks on their own record.",
          "Through a sharing agreement your organisation accepts with a partner organisation, that partner's supervisors see your name, your status under the profiles the agreement names, the soonest lapse date and the reasons by category only (training requirement, vetting requirement, lapses within 60 days) — never which check, its result, its dates or its reference number. Nothing is shared before both organisations' administrators agree, and nothing after the agreement ends.",
          "Instructors see statistics on how quiz items are answered, without names, and any accommodations they arrange for you.",
          "Puente's platform administrators see account data, roles and the lock-out state in order to run and support the service.",
        ],
      },
      transfers: {
        heading: "8. Transfers and service providers",
        body: ["We do not sell your personal data. We transfer it only in these cases:"],
        items: [
          "To your organisation, which enrolled you or gave you a role: this is necessary for the training relationship between you and your organisation and does not require your consent.",
          "To competent authorities, when a law or a court order requires it.",
        ],
        after: [
          "Our hosting and email delivery providers process data only on our instructions and under contract; this is not a transfer. Puente serves institutions in Mexico and the United States, so your data may be stored or consulted in either country, always under the protections of this notice.",
        ],
      },
      arco: {
        heading: "9. Your ARCO rights and how to exercise them",
        body: [
          "You have the right to access your personal data, to rectify it if it is inaccurate or incomplete, to cancel it, and to oppose its processing for specific purposes (ARCO rights). You can correct your name, email address, language and time zone yourself on your account page.",
          "For any other request, write to privacy@puente.test and include:",
        ],
        items: [
          "Your full name and the email address of your account.",
          "A document that proves your identity or, if a representative acts for you, the representative's identity and the document that gives them authority.",
          "The right you wish to exercise and a clear description of the data concerned.",
          "For a rectification, the correction you ask for and, where applicable, a supporting document.",
        ],
        after: [
          "We will answer within 20 business days of receiving a complete request and, if it is granted, we will make it effective within 15 business days of our answer. These periods may be extended once, for an equal period, when the circumstances justify it; we will tell you why. Exercising your rights is free.",
        ],
      },
      revoke: {
        heading: "10. Revoking consent and limiting use or disclosure",
        body: [
          "You may revoke your consent, or ask us to limit the use or disclosure of your data, by writing to privacy@puente.test. We will answer within the same periods as for ARCO requests. Some revocations mean we can no longer provide the service; if so, we will tell you before acting.",
          "Puente does not send advertising.",
        ],
      },
      cookies: {
        heading: "11. Cookies",
        body: ["Puente uses only two cookies, both necessary for the site to work:"],
        items: [
          "A session cookie (puente_session, or __Host-puente_session over a secure connection), which keeps you signed in. It holds only a random identifier and ends when you sign out, after 30 minutes without use (15 for administrative, supervisory and vetting roles), or at the latest 12 hours (8 for those roles) after you signed in.",
          "A language cookie (puente_lang), which remembers whether you read in English or Spanish. It lasts one year.",
        ],
        after: [
          "We use no analytics, advertising or third-party tracking cookies, web beacons or similar technologies.",
        ],
      },
      security: {
        heading: "12. Security",
        body: [
          "Passwords are stored only as Argon2id hashes, connections are encrypted, repeated failed sign-ins are limited per place and per account and you are told about them, changing a password signs out every other session, organisation administrators, supervisors, vetting officers and platform administrators must give a code from an authenticator app at every sign-in, and changes to your password or email address are announced by email. Changes to roles, accounts and quiz accommodations are written to a hash-chained audit log that reveals any tampering. If a security breach significantly affects your rights, we will tell you without delay.",
        ],
      },
      changes: {
        heading: "13. Changes to this notice",
        body: [
          "We publish every change on this page with a new date. If a change concerns the purposes, the data we process or the transfers we make, we will also tell you by email or when you next sign in, before the change applies.",
        ],
      },
      authority: {
        heading: "14. Complaints",
        body: [
          "If you believe your right to the protection of your personal data has been infringed, you may go to the data protection authority. Since March 2025 this is the Secretaría Anticorrupción y Buen Gobierno, which took over the functions of the former INAI.",
        ],
      },
      consent: {
        heading: "15. Consent",
        body: [
          "By creating an account and confirming that you have read this notice, you consent to the processing of your personal data as described here.",
        ],
      },
    },
  },
  us: {
    title: "Privacy notice (United States)",
    lead: "This notice explains what information Puente collects, why, how long we keep it, who sees it and the choices you have.",
    sections: {
      whoWeAre: {
        heading: "1. Who we are",
        body: [
          "Puente is a binational training and vetting platform for US and Mexican agencies, law schools and bar associations working against money laundering. Questions about this notice go to privacy@puente.test.",
        ],
      },
      collect: {
        heading: "2. Information we collect",
        body: ["We collect:"],
        items: [
          "Identifiers: your full name and your email address.",
          "Preferences: your preferred language and time zone.",
          "Professional information: the organisations you belong to and your roles in them.",
          "Education information: enrolments, lesson progress, quiz attempts and results, and quiz accommodations granted to you.",
          "Cohorts and credentials: the cohorts your organisation places you in, and the credentials you earn (your name, the achievement, its dates and hours), which anyone with a credential's verification link can check; names, email addresses, languages and roles from roster files your organisation uploads.",
          "Vetting data, if your organisation assigns you a requirement profile: the profile, and for each vetting check its kind, result, date, expiry and a reference number to the file your organisation keeps (never the file itself), with who recorded it; your status under each profile (cleared, expiring, pending, lapsed or failed) and its reasons.",
          "Security information: the IP address and time of failed sign-in attempts and of requests that make Puente send you email, and records of your active sessions. For organisation administrators, supervisors, vetting officers and platform administrators: the key of your authenticator app (stored encrypted), the time step of the last code you used, your recovery codes (stored only as hashes) and when each was used, and refused codes. Refused actions worth a second look, such as opening the vetting record of someone outside your organisation, a wrong password when confirming your access, or too many names typed on a clearance's page: what was asked for, when, the account that asked (if anyone was signed in) and, for most, the IP address.",
        ],
        after: [
          "We do not ask for sensitive information such as health, financial or biometric data. The contents of vetting evaluations (for example a polygraph or medical exam) are not recorded in Puente: only each check's kind, result, dates and the reference number of your organisation's file.",
        ],
      },
      use: {
        heading: "3. How we use information",
        body: ["We use your information to:"],
        items: [
          "Run your account, verify your email address and keep you signed in.",
          "Deliver courses in your language, record your progress and grade quizzes.",
          "Show authorised people in your organisation who belongs to it and in which roles.",
          "Protect accounts, prevent misuse and keep a tamper-evident record of changes.",
          "Improve lessons and quiz items and report training coverage to participating institutions, using statistics without names. You can opt out of these two uses at any time.",
        ],
      },
      share: {
        heading: "4. Who sees your information",
        body: ["Access depends on role, and every permission is checked on our servers:"],
        items: [
          "You see everything in your own account.",
          "Organisation administrators of your organisations see your name, email address, roles and current credentials.",
          "The organisation administrators of an organisation that places you in a cohort see your progress in that cohort's courses (lessons done, quiz results, completion); in a joint cohort, the administrators of the partner organisations see only your name, organisation and whether you completed.",
          "Anyone who has the verification link of one of your credentials sees your name (unless you choose, on your “My credentials” page, to show it only to someone who types it), the achievement, its dates and its status.",
          "If a vetting officer of your organisation issues you a clearance attestation, anyone who has its link sees your initials, the profile, the organisation that attests it, its dates and its status (suspended while a requirement is not met); its signed file holds only a salted hash of your name, and a visitor who types your full name is told only whether it matches (the typed name is not kept). Under a sharing agreement, the partner's supervisors see that link.",
          "Supervisors of your organisation see your name, email address, current credentials, your status under each profile with its reasons, your vetting history and the recorded changes about you; they may send you a reminder before something lapses.",
          "The vetting officers of your organisation see the same and record your vetting checks and profiles; they cannot record checks on their own record.",
          "Through a sharing agreement your organisation accepts with a partner organisation, that partner's supervisors see your name, your status under the profiles the agreement names, the soonest lapse date and the reasons by category only (training requirement, vetting requirement, lapses within 60 days) — never which check, its result, its dates or its reference number. Nothing is shared before both organisations' administrators agree, and nothing after the agreement ends.",
          "Instructors see quiz item statistics without names, and any accommodations they arrange for you.",
          "Puente platform administrators see account data, roles and lock-out status to operate and support the service.",
        ],
        after: [
          "Outside Puente, we disclose information only to service providers that host the service or deliver email for us under contract, to your organisation, and to authorities when the law or a court order requires it.",
        ],
      },
      sell: {
        heading: "5. No sale, no targeted advertising",
        body: [
          "We do not sell your personal information, and we do not share it for targeted or cross-context behavioral advertising. Puente shows no advertising.",
        ],
      },
      retention: {
        heading: "6. How long we keep information",
        body: ["We keep information only as long as we need it:"],
        items: [
          "Account information: while your account is active and 2 years after it is deactivated or closed.",
          "Learning progress and quiz attempts: while your account is active and 2 years afterwards.",
          "Failed sign-in records (email and IP address): counted for 15 minutes per place and 1 hour per account to limit guessing, and deleted after 90 days.",
          "Records of requests that send email (email and IP address): used to limit abuse and deleted after 1 day.",
          "Records of refused actions (what was asked for, when, the account and IP address): kept for security review and deleted after 1 year.",
          "Sessions: end when you sign out, change or reset your password, after 30 minutes without use (15 for administrative, supervisory and vetting roles), or at the latest 12 hours (8 for those roles) after signing in; a sign-in waiting for its second factor ends after 30 minutes.",
          "Authenticator key and recovery codes (roles that require a second factor): while your account is active; deleted with the account.",
          "Verification and password reset links: single use, valid 24 hours (1 hour for a reset, 7 days to undo an email change), stored only as a hash, and deleted once used or expired.",
          "Roster files an organisation administrator imports (the name, email address, language and role given for each person): kept with the record of that import and deleted 30 days after the import is applied, or 30 days after upload if it is never confirmed.",
          "Vetting data: your requirement profiles and your status under each are deleted with your account (2 years after it is deactivated or closed). Vetting checks (kind, result, dates, reference number and who recorded them, corrections and renewals included) are never edited or deleted: they are kept with no time limit, also after your account is deleted, when they stay linked only to the identifier of your former account (your name and email address are deleted with it). The record of reminders sent to you or about you before a lapse (which requirement, which day) is kept in the same way.",
          "Audit log of changes (roles and accounts, quiz accommodations, cohorts, credentials and clearance attestations, vetting records, sharing agreements): nothing deletes it, so it is kept for as long as Puente runs and at least 5 years. It cannot be edited.",
        ],
      },
      rights: {
        heading: "7. Your rights and choices",
        body: [
          "Whatever state or country you live in, you can ask to access, correct or delete your personal information, to receive a copy in a portable format, and to opt out of the statistical uses described above. You can correct your name, email address, language and time zone yourself on your account page.",
          "To make a request, email privacy@puente.test from the address on your account, or include enough information for us to verify your identity. An authorised agent may act for you with your written permission. We respond within 45 days, and usually much sooner. If we decline a request, we will explain why and you can ask us to reconsider by replying. We will not treat you differently for exercising these rights.",
        ],
      },
      cookies: {
        heading: "8. Cookies and tracking",
        body: ["Puente sets only two cookies, both necessary for the site to work:"],
        items: [
          "A session cookie (puente_session, or __Host-puente_session over a secure connection) that keeps you signed in. It holds only a random identifier and ends when you sign out, after 30 minutes without use (15 for administrative, supervisory and vetting roles), or at the latest 12 hours (8 for those roles) after you signed in.",
          "A language cookie (puente_lang) that remembers whether you read in English or Spanish, for one year.",
        ],
        after: [
          "We use no analytics, advertising or third-party tracking. Because we do not track you, Do Not Track and Global Privacy Control signals need no further action from us.",
        ],
      },
      security: {
        heading: "9. Security",
        body: [
          "Passwords are stored only as Argon2id hashes; connections are encrypted; repeated failed sign-ins are limited per place and per account, and you are told about them; changing a password signs out every other session; organisation administrators, supervisors, vetting officers and platform administrators must give a code from an authenticator app at every sign-in; and changes to roles, accounts and quiz accommodations go to a hash-chained audit log that reveals tampering. If a breach affects your information, we will notify you as the law requires and without undue delay.",
        ],
      },
      education: {
        heading: "10. Schools and employers",
        body: [
          "If a law school enrolled you, your learning records may also be education records of your school under FERPA. We use them only to provide the service to your school and under its direction, and you may also make requests through your school.",
          "If your agency enrolled you, its own policies on training records also apply.",
        ],
      },
      children: {
        heading: "11. Children",
        body: [
          "Puente is a professional training service and is not intended for anyone under 18. We do not knowingly collect information from children.",
        ],
      },
      international: {
        heading: "12. International use",
        body: [
          "Puente serves institutions in the United States and Mexico, so your information may be stored or accessed in either country. It is protected as this notice describes wherever it is processed. Mexican users also have the rights described in the Mexican notice on this page.",
        ],
      },
      changes: {
        heading: "13. Changes to this notice",
        body: [
          "We post every change on this page with a new date. If a change materially affects how we use or share your information, we will tell you by email or when you next sign in, before it takes effect.",
        ],
      },
      contact: {
        heading: "14. Contact",
        body: [
          "Email privacy@puente.test with any question or request about your privacy. Our postal address will be published here before Puente enters service.",
        ],
      },
    },
  },
} as const;
