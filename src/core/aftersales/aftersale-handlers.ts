import type { CoreContext } from '../core-context';
import type { Handlers } from '../rpc/dispatcher';
import { aftersaleDb } from './aftersale-schema';
import { readSettings, writeSettings } from './aftersale-settings';
import { causeReport } from './cause-report';
import { addCause, listCauses, removeCause } from './causes';
import { listCases } from './case-list';
import { casesForOrder, closeCase, createCase, ensureCaseRow, getCase, reopenCase, updateCase } from './case-service';
import { addFile, addNote, checkImage, readFile, removeEvidence } from './evidence';
import { supplierBalance, supplierBalances } from './supplier-balances';
import { listTemplates, resetTemplate, saveTemplate } from './templates';
import { removeMapping, setMapping, vocabulary } from './vocabulary';

type AftersaleMethod = Extract<keyof Handlers, `aftersales.${string}`> | 'suppliers.owedBalance';

export const createAftersaleHandlers = (ctx: CoreContext): Pick<Handlers, AftersaleMethod> => {
  const db = () => aftersaleDb(ctx);
  const now = () => ctx.clock.now();
  const changed = <T>(caseKeys: string[], value: T): T => {
    ctx.emit('aftersales.changed', { caseKeys });
    return value;
  };
  return {
    'aftersales.list': (filter) => listCases(db(), filter, now()),
    'aftersales.get': ({ caseKey }) => getCase(db(), caseKey, now()),
    'aftersales.forOrder': ({ orderId }) => casesForOrder(db(), orderId, now()),
    'aftersales.create': async (input) => {
      const key = await createCase(db(), input, now());
      return changed([key], await getCase(db(), key, now()));
    },
    'aftersales.update': async ({ caseKey, patch }) => {
      await updateCase(db(), caseKey, patch, now());
      return changed([caseKey], await getCase(db(), caseKey, now()));
    },
    'aftersales.close': async ({ caseKey, causeId, note }) => {
      await closeCase(db(), caseKey, causeId, note, now());
      return changed([caseKey], await getCase(db(), caseKey, now()));
    },
    'aftersales.reopen': async ({ caseKey }) => {
      await reopenCase(db(), caseKey, now());
      return changed([caseKey], await getCase(db(), caseKey, now()));
    },
    'aftersales.addNote': async ({ caseKey, text }) => {
      const item = await db().transaction().execute(async (trx) => addNote(trx, await ensureCaseRow(trx, caseKey, now()), text, now()));
      return changed([caseKey], item);
    },
    'aftersales.addFile': async ({ caseKey, fileName, dataBase64 }) => {
      // Checked before the transaction: a refused file leaves no row behind, not even the case's.
      const image = checkImage(dataBase64);
      const item = await db().transaction().execute(async (trx) => addFile(trx, await ensureCaseRow(trx, caseKey, now()), fileName, image, now()));
      return changed([caseKey], item);
    },
    'aftersales.evidenceFile': ({ id }) => readFile(db(), id),
    'aftersales.removeEvidence': async ({ id }) => {
      const result = await removeEvidence(db(), id);
      return result.removed ? changed([], { removed: true }) : { removed: false };
    },
    'aftersales.vocabulary': () => vocabulary(db()),
    'aftersales.setMapping': async ({ text, type }) => changed([], await setMapping(db(), text, type, now())),
    'aftersales.removeMapping': async ({ text }) => changed([], { removed: await removeMapping(db(), text) }),
    'aftersales.causes': () => listCauses(db()),
    'aftersales.addCause': ({ name }) => addCause(db(), name),
    'aftersales.removeCause': async ({ id }) => ({ removed: await removeCause(db(), id) }),
    'aftersales.templates': () => listTemplates(db()),
    'aftersales.saveTemplate': ({ key, body }) => saveTemplate(db(), key, body, now()),
    'aftersales.resetTemplate': ({ key }) => resetTemplate(db(), key),
    'aftersales.settings': () => readSettings(db()),
    'aftersales.updateSettings': async (settings) => changed([], await writeSettings(db(), settings, now())),
    'aftersales.causeReport': (range) => causeReport(db(), range, now()),
    'aftersales.supplierBalances': () => supplierBalances(db(), now()),
    'suppliers.owedBalance': ({ id }) => supplierBalance(db(), id, now()),
  };
};
