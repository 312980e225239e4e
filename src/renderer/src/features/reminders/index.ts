export { RemindersScreen } from './components/reminders-screen';
export { ReminderToasts } from './components/reminder-toasts';
export { remindersEn, remindersZh } from './messages';
