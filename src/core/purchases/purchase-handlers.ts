import type { CoreContext } from '../core-context';
import type { Handlers } from '../rpc/dispatcher';
import { addChannel, listChannels, removeChannel } from './purchase-channels';
import { listPurchases } from './purchase-list';
import { supplierMessages } from './purchase-messages';
import { addProof, readProof, removeProof } from './purchase-proofs';
import { purchaseDb } from './purchase-schema';
import { assignSupplier, createPurchase, forOrder, getPurchase, movePurchases, updatePurchase } from './purchase-service';
import { productProfit } from './product-profit';

type PurchaseMethod = Extract<keyof Handlers, `purchases.${string}`>;

export const createPurchaseHandlers = (ctx: CoreContext): Pick<Handlers, PurchaseMethod> => {
  const db = () => purchaseDb(ctx);
  const now = () => ctx.clock.now();
  const changed = <T>(ids: number[], value: T): T => {
    if (ids.length > 0) ctx.emit('purchases.changed', { ids });
    return value;
  };
  return {
    'purchases.list': (filter) => listPurchases(db(), filter),
    'purchases.forOrder': ({ orderId }) => forOrder(db(), orderId),
    'purchases.create': async ({ orderId, subOrderIds, fields }) => {
      const id = await createPurchase(db(), orderId, subOrderIds, fields ?? {}, now());
      return changed([id], await getPurchase(db(), id));
    },
    'purchases.update': async ({ id, patch }) => {
      await updatePurchase(db(), id, patch, now());
      return changed([id], await getPurchase(db(), id));
    },
    'purchases.move': async ({ ids, orderIds, to, note }) => {
      const result = await movePurchases(db(), { ids, orderIds }, to, note, now());
      return changed([...result.moved, ...result.created], result);
    },
    'purchases.assignSupplier': async ({ orderIds, supplierId, rememberForProduct }) => {
      const result = await assignSupplier(db(), orderIds, supplierId, rememberForProduct, now());
      return changed(result.purchases, result);
    },
    'purchases.messages': (sel) => supplierMessages(db(), sel),
    'purchases.addProof': async ({ purchaseId, fileName, dataBase64 }) => changed([purchaseId], await addProof(db(), purchaseId, fileName, dataBase64, now())),
    'purchases.proof': ({ id }) => readProof(db(), id),
    'purchases.removeProof': async ({ id }) => ({ removed: await removeProof(db(), id, now()) }),
    'purchases.channels': () => listChannels(db()),
    'purchases.addChannel': ({ name }) => addChannel(db(), name),
    'purchases.removeChannel': async ({ id }) => ({ removed: await removeChannel(db(), id) }),
    'purchases.productProfit': ({ from, to }) => productProfit(db(), from, to),
  };
};
