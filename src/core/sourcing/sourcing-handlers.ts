import { formatBp, formatFen } from '../../shared/domain/cost-stack';
import type { CoreContext } from '../core-context';
import type { Handlers } from '../rpc/dispatcher';
import { toCsv } from './csv-export';
import { importCsv, previewCsv } from './csv-import';
import { addImage, readImage, removeImage } from './product-images';
import { addLogEntry, captureProduct, createProduct, getProduct, linkFirstOrders, listProducts, moveProducts, updateProduct } from './product-service';
import { quotaView, writeQuota } from './quota';
import { sourcingDb } from './sourcing-schema';

type SourcingMethod =
  | 'products.list'
  | 'products.get'
  | 'products.capture'
  | 'products.create'
  | 'products.update'
  | 'products.move'
  | 'products.addLog'
  | 'products.addImage'
  | 'products.image'
  | 'products.removeImage'
  | 'sourcing.quota'
  | 'sourcing.setQuota'
  | 'sourcing.linkOrders'
  | 'products.exportCsv'
  | 'sourcing.csvPreview'
  | 'sourcing.csvImport';

const EXPORT_HEADER = [
  'id', 'stage', 'title', 'source_channel', 'source_links', 'supplier', 'supplier_sku', 'supplier_link', 'cost_yuan', 'supplier_freight_yuan',
  'planned_price_yuan', 'commission_pct', 'platform_fee_pct', 'coupon_yuan', 'return_allowance_pct', 'break_even_yuan', 'profit_yuan', 'margin_pct',
  'audience_tags', 'category', 'douyin_product_id', 'merchant_code', 'orders_30d', 'amount_30d_yuan', 'listed_at', 'notes',
];

export const createSourcingHandlers = (ctx: CoreContext): Pick<Handlers, SourcingMethod> => {
  const db = () => sourcingDb(ctx);
  const now = () => ctx.clock.now();
  const changed = (ids: number[]) => {
    if (ids.length > 0) ctx.emit('sourcing.changed', { ids });
  };
  return {
    'products.list': (filter) => listProducts(db(), filter, now()),
    'products.get': ({ id }) => getProduct(db(), id, now()),
    'products.capture': async ({ text, priceFen }) => {
      const { id, duplicates } = await captureProduct(db(), text, priceFen, now());
      changed([id]);
      return { product: await getProduct(db(), id, now()), duplicates };
    },
    'products.create': async (fields) => {
      const { id, duplicates } = await createProduct(db(), fields, now());
      changed([id]);
      return { product: await getProduct(db(), id, now()), duplicates };
    },
    'products.update': async ({ id, patch, logReason, confirmPriceChange }) => {
      const result = await updateProduct(db(), id, patch, { logReason, confirmPriceChange }, now());
      if (result.status !== 'saved') return result;
      changed([id]);
      return { status: 'saved', product: await getProduct(db(), id, now()), duplicates: result.duplicates };
    },
    'products.move': async ({ ids, to, reason, note }) => {
      const result = await moveProducts(db(), ids, to, reason ?? null, note ?? '', now());
      changed(result.moved);
      return result;
    },
    'products.addLog': ({ productId, ...entry }) => addLogEntry(db(), productId, entry, now()),
    'products.addImage': async ({ productId, fileName, dataBase64 }) => {
      const image = await addImage(db(), ctx.session.paths.dataDir, productId, fileName, dataBase64, now());
      changed([productId]);
      return image;
    },
    'products.image': ({ id }) => readImage(db(), ctx.session.paths.dataDir, id),
    'products.removeImage': async ({ id }) => ({ removed: await removeImage(db(), ctx.session.paths.dataDir, id) }),
    'sourcing.quota': ({ days }) => quotaView(db(), now(), days),
    'sourcing.setQuota': async ({ quota }) => {
      await writeQuota(db(), quota, now());
      return quotaView(db(), now());
    },
    'sourcing.linkOrders': async () => {
      const result = await linkFirstOrders(db(), now());
      changed(result.movedToSelling);
      return result;
    },
    'sourcing.csvPreview': ({ kind, source, dataBase64, mapping }) => previewCsv(db(), kind, source, dataBase64, mapping),
    'sourcing.csvImport': async ({ kind, source, dataBase64, mapping }) => {
      const result = await importCsv(db(), kind, source, dataBase64, mapping, now());
      if (kind === 'products') changed(result.ids);
      return result;
    },
    'products.exportCsv': async () => {
      const products = await listProducts(db(), {}, now());
      const rows = products.map((p) => [
        p.id, p.stage, p.title, p.sourceChannel, p.sourceLinks.join(' '), p.supplierName, p.supplierSku, p.supplierLink,
        formatFen(p.costFen), formatFen(p.supplierFreightFen), p.plannedPriceFen === null ? null : formatFen(p.plannedPriceFen),
        formatBp(p.commissionBp), formatBp(p.platformFeeBp), formatFen(p.couponFen), formatBp(p.returnAllowanceBp),
        p.costStack.breakEvenFen === null ? null : formatFen(p.costStack.breakEvenFen),
        p.costStack.atPlanned === null ? null : formatFen(p.costStack.atPlanned.profitFen),
        p.costStack.atPlanned === null ? null : formatBp(p.costStack.atPlanned.marginBp),
        p.audienceTags.join(' '), p.category, p.douyinProductId, p.merchantCode, p.orders.orders30, formatFen(p.orders.amount30Fen), p.listedAt, p.notes,
      ]);
      return { csv: toCsv(EXPORT_HEADER, rows), rows: rows.length };
    },
  };
};
