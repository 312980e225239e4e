import { chinaDate } from '../../shared/domain/china-time';
import type { CoreContext } from '../core-context';
import type { Handlers } from '../rpc/dispatcher';
import { calendarView, removeNotice, saveNotice } from './holiday-notices';
import { writeProfile, readProfile } from './money-profile';
import { addLedgerEntry, listRates, removeCategory, removeLedgerEntry, setRate } from './money-repository';
import { moneyDb } from './money-schema';
import { loadDeposit, loadForecast, loadReconciliationPage, loadReconciliationSummary, notFound } from './money-service';

type MoneyMethod = Extract<keyof Handlers, `money.${string}`>;

export const createMoneyHandlers = (ctx: CoreContext): Pick<Handlers, MoneyMethod> => {
  const today = () => chinaDate(ctx.clock.now());
  const changed = () => ctx.emit('money.changed', {});
  return {
    'money.profile': async () => readProfile(moneyDb(ctx)),
    'money.updateProfile': async (patch) => {
      const profile = await writeProfile(moneyDb(ctx), patch, ctx.clock.now());
      changed();
      return profile;
    },
    'money.depositRates': async () => listRates(moneyDb(ctx)),
    'money.setDepositRate': async ({ entity, category, amountFen }) => {
      await setRate(moneyDb(ctx), entity, category, amountFen);
      changed();
      return listRates(moneyDb(ctx));
    },
    'money.removeDepositCategory': async ({ category }) => {
      if ((await removeCategory(moneyDb(ctx), category)) === 0) throw notFound('deposit category', { category });
      changed();
      return listRates(moneyDb(ctx));
    },
    'money.deposit': async () => loadDeposit(moneyDb(ctx), today()),
    'money.addLedgerEntry': async (entry) => {
      await addLedgerEntry(moneyDb(ctx), entry, ctx.clock.now());
      changed();
      return loadDeposit(moneyDb(ctx), today());
    },
    'money.removeLedgerEntry': async ({ id }) => {
      if ((await removeLedgerEntry(moneyDb(ctx), id)) === 0) throw notFound('ledger entry', { id });
      changed();
      return loadDeposit(moneyDb(ctx), today());
    },
    'money.holidayCalendar': async ({ year }) => calendarView(moneyDb(ctx), year),
    'money.saveHolidayNotice': async ({ year, days }) => {
      await saveNotice(moneyDb(ctx), year, days, ctx.clock.now());
      changed();
      return calendarView(moneyDb(ctx), year);
    },
    'money.removeHolidayNotice': async ({ year }) => {
      if ((await removeNotice(moneyDb(ctx), year)) === 0) throw notFound('holiday notice', { year });
      changed();
      return calendarView(moneyDb(ctx), year);
    },
    'money.forecast': async ({ from, days }) => loadForecast(moneyDb(ctx), today(), from ?? today(), days),
    'money.reconciliation': async () => loadReconciliationSummary(moneyDb(ctx), today()),
    'money.reconciliationLines': async (page) => loadReconciliationPage(moneyDb(ctx), today(), page),
  };
};
