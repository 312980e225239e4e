import type { Method } from '../../shared/rpc/contract';

/**
 * How each method meets the import's write lock (db/write-scheduler.ts), decided per method (a
 * Record: a new method does not compile until someone decides):
 * - `reads`: only reads (WAL readers never wait for the writer) — answered during an import;
 * - `writes`: writes on the core's connection — during an import it waits, asynchronously, until
 *   the import is done; nothing else waits for it;
 * - `own`: handles the lock itself (the import's own calls, the exclusive restore, the routine
 *   timer that answers at once and writes after the import — routine/timer-intents.ts).
 */
export const WRITE_POLICY: Record<Method, 'reads' | 'writes' | 'own'> = {
  'app.status': 'reads',
  'db.check': 'reads',
  // VACUUM INTO reads the database; the copy is another file.
  'backups.create': 'reads',
  'backups.list': 'reads',
  // Exclusive: the gate waits for every call in progress, a running import too.
  'backups.restore': 'own',
  'recovery.startFresh': 'own',
  // Upload chunks go to files in uploads/, not the database.
  'imports.upload': 'reads',
  'imports.discardUpload': 'reads',
  'imports.preview': 'own',
  'imports.run': 'own',
  'imports.cancel': 'own',
  'imports.history': 'reads',
  // Runs between import jobs (ImportService.betweenJobs).
  'imports.undo': 'own',
  'money.addLedgerEntry': 'writes',
  'money.deposit': 'reads',
  'money.depositRates': 'reads',
  'money.forecast': 'reads',
  'money.holidayCalendar': 'reads',
  'money.profile': 'reads',
  'money.reconciliation': 'reads',
  'money.reconciliationLines': 'reads',
  'money.removeDepositCategory': 'writes',
  'money.removeHolidayNotice': 'writes',
  'money.removeLedgerEntry': 'writes',
  'money.saveHolidayNotice': 'writes',
  'money.setDepositRate': 'writes',
  'money.updateProfile': 'writes',
  'products.addImage': 'writes',
  'products.addLog': 'writes',
  'products.capture': 'writes',
  'products.create': 'writes',
  'products.exportCsv': 'reads',
  'products.get': 'reads',
  'products.image': 'reads',
  'products.list': 'reads',
  'products.move': 'writes',
  'products.removeImage': 'writes',
  'products.update': 'writes',
  'reminders.dismiss': 'writes',
  'reminders.due': 'reads',
  'reminders.list': 'reads',
  'reminders.settings': 'reads',
  'reminders.snooze': 'writes',
  'reminders.updateSettings': 'writes',
  'reports.orders': 'reads',
  'routine.check': 'writes',
  'routine.closeDay': 'writes',
  // The routine's reads seed the default routine on first use through the scheduler themselves.
  'routine.definition': 'own',
  'routine.finish': 'writes',
  'routine.history': 'own',
  'routine.next': 'writes',
  'routine.pause': 'own',
  'routine.removeBlock': 'writes',
  'routine.reorder': 'writes',
  'routine.reportIdle': 'writes',
  'routine.resolveIdle': 'writes',
  'routine.resume': 'own',
  'routine.saveBlock': 'writes',
  'routine.start': 'own',
  'routine.status': 'own',
  'routine.today': 'own',
  'routine.updateSettings': 'writes',
  'settings.get': 'reads',
  'settings.update': 'writes',
  'sourcing.csvImport': 'writes',
  'sourcing.csvPreview': 'reads',
  'sourcing.linkOrders': 'writes',
  'sourcing.quota': 'reads',
  'sourcing.setQuota': 'writes',
  'suppliers.addAddress': 'writes',
  'suppliers.create': 'writes',
  'suppliers.divisions': 'reads',
  'suppliers.exportCsv': 'reads',
  'suppliers.get': 'reads',
  'suppliers.list': 'reads',
  'suppliers.removeAddress': 'writes',
  'suppliers.setRules': 'writes',
  'suppliers.update': 'writes',
  'suppliers.updateAddress': 'writes',
  // Moves the harness clock, then waits for the reminder check (which queues its own write).
  'testing.setTime': 'own',
};
