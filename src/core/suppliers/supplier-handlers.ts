import { formatReturnAddress } from '../../shared/domain/return-address';
import type { CoreContext } from '../core-context';
import type { Handlers } from '../rpc/dispatcher';
import { toCsv } from '../sourcing/csv-export';
import { sourcingDb } from '../sourcing/sourcing-schema';
import { DIVISIONS } from './divisions';
import { addAddress, createSupplier, getSupplier, listSuppliers, removeAddress, setRules, updateAddress, updateSupplier } from './supplier-service';

type SupplierMethod =
  | 'suppliers.list'
  | 'suppliers.get'
  | 'suppliers.create'
  | 'suppliers.update'
  | 'suppliers.setRules'
  | 'suppliers.addAddress'
  | 'suppliers.updateAddress'
  | 'suppliers.removeAddress'
  | 'suppliers.divisions'
  | 'suppliers.exportCsv';

const EXPORT_HEADER = [
  'id', 'name', 'contact_person', 'wechat', 'phone', 'qq', 'purchase_channel', 'ship_from', 'cutoff_time', 'usual_ship_hours', 'shop_links',
  'blacklisted', 'blacklist_reason', 'no_reason_7day', 'return_postage_payer', 'return_window_days', 'damaged_handling', 'refused_parcel',
  'return_addresses', 'products', 'orders', 'notes',
];

export const createSupplierHandlers = (ctx: CoreContext): Pick<Handlers, SupplierMethod> => {
  const db = () => sourcingDb(ctx);
  const now = () => ctx.clock.now();
  return {
    'suppliers.list': ({ search }) => listSuppliers(db(), search),
    'suppliers.get': ({ id }) => getSupplier(db(), id),
    'suppliers.create': async (fields) => getSupplier(db(), await createSupplier(db(), fields, now())),
    'suppliers.update': async ({ id, patch }) => {
      await updateSupplier(db(), id, patch, now());
      return getSupplier(db(), id);
    },
    'suppliers.setRules': async ({ id, rules }) => {
      await setRules(db(), id, rules, now());
      return getSupplier(db(), id);
    },
    'suppliers.addAddress': ({ supplierId, address }) => addAddress(db(), supplierId, address, now()),
    'suppliers.updateAddress': ({ id, address }) => updateAddress(db(), id, address),
    'suppliers.removeAddress': async ({ id }) => ({ removed: await removeAddress(db(), id) }),
    'suppliers.divisions': () => [...DIVISIONS],
    'suppliers.exportCsv': async () => {
      const suppliers = await listSuppliers(db(), undefined);
      const rows = suppliers.map((s) => [
        s.id, s.name, s.contactPerson, s.wechat, s.phone, s.qq, s.purchaseChannel, s.shipFrom, s.cutoffTime, s.usualShipHours, s.shopLinks.join(' '),
        s.blacklisted ? 'yes' : 'no', s.blacklistReason, s.rules.noReason7Day === null ? '' : s.rules.noReason7Day ? 'yes' : 'no', s.rules.postagePayer,
        s.rules.windowDays, s.rules.damagedHandling, s.rules.refusedParcel, s.addresses.map((a) => formatReturnAddress(a)).join(' | '),
        s.scorecard.products, s.scorecard.orders, s.notes,
      ]);
      return { csv: toCsv(EXPORT_HEADER, rows), rows: rows.length };
    },
  };
};
