export const workspace = {
  columns: {
    name: "Name",
    email: "Email address",
    roles: "Roles",
    account: "Account",
    status: "Vetting status",
  },
  active: "Active",
  deactivated: "Deactivated",
  peopleCount: "People: {{total}}",
  noPeople: "No one belongs to this organisation yet.",
  orgs: {
    title: "My organisation",
    intro: "The organisations you administer, with their members and the roles they hold.",
    caption: "Members of {{org}}",
  },
  vetting: {
    title: "Vetting status",
    intro: "The people of the organisations you supervise.",
    pendingNote: "Vetting checks are not recorded in Puente yet, so everyone is shown as pending.",
    caption: "Vetting status of the people of {{org}}",
    pending: "Pending",
  },

  instructor: {
    title: "Instructor",
    intro: "Tools for the people who teach and maintain the courses.",
    canHeading: "What you can do as an instructor",
    can: {
      preview: "Read every lesson in English and in Spanish, side by side (the two-language view of each lesson).",
      itemStats:
        "See how learners of your organisation answer each quiz item, to find questions that are unclear or too easy.",
      accommodations:
        "Grant accommodations, such as extra time or extra attempts on a quiz, to learners of your organisations: open a quiz's item statistics and follow “Accommodations for this quiz”.",
    },
    coursesHeading: "Courses",
    coursesCaption: "Courses in Puente",
    course: "Course",
    modules: "Modules",
    lessons: "Lessons",
    noCourses: "There are no courses yet.",
  },
  reviewDue: {
    heading: "Lessons due for review",
    intro_one: "The law in {{count}} lesson has not been checked against its sources in the last 9 months.",
    intro_other: "The law in {{count}} lessons has not been checked against its sources in the last 9 months.",
    none: "Every lesson was reviewed in the last 9 months.",
    caption: "Lessons due for review, oldest review first",
    lesson: "Lesson",
    reviewed: "Last reviewed",
    status: "Status",
    never: "Never",
    statuses: {
      missing: "Not reviewed yet",
      due: "Due (over 9 months)",
      overdue: "Overdue (over 12 months)",
    },
  },
} as const;
