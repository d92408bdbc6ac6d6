// Public server entry of the vetting module.
export {
  dueItems,
  plannedReminders,
  queueReminderNow,
  recordReminders,
  reminderKey,
  runReminders,
  sendReminder,
  startReminderSchedule,
  thresholdFor,
  REMINDER_KIND,
  REMINDER_LEASE,
  REMINDER_THRESHOLDS,
  type DueItem,
  type PlannedReminder,
  type ReminderItemKind,
  type ReminderRun,
} from "./reminders.server.ts";
