import { AppError } from '../../shared/errors';
import type { MessageProductView } from '../../shared/rpc/domains/influencers';
import type { InfluencerExecutor } from './influencer-schema';

/**
 * The products chosen for the "send new products" message, in the order chosen: the 抖店 product
 * page when the 商品ID is known (the link an influencer adds to their window), else the first
 * source link; the first image; the planned price and the expected commission of 选品.
 */
export const douyinProductLink = (douyinProductId: string): string => `https://haohuo.jinritemai.com/ecommerce/trade/detail/index.html?id=${douyinProductId}`;

const firstLink = (json: string): string => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
  } catch {
    return '';
  }
};

export async function messageProducts(db: InfluencerExecutor, ids: readonly number[]): Promise<MessageProductView[]> {
  const rows = await db.selectFrom('products').select(['id', 'title', 'douyin_product_id', 'source_links', 'planned_price_fen', 'commission_bp']).where('id', 'in', [...ids]).execute();
  const images = await db.selectFrom('product_images').select(['id', 'product_id', 'original_name']).where('product_id', 'in', [...ids]).orderBy('id').execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new AppError('NOT_FOUND', `no product ${missing.join(', ')}`);
  return ids.map((id) => {
    const r = byId.get(id)!;
    const image = images.find((i) => i.product_id === id);
    return {
      productId: id,
      title: r.title,
      link: r.douyin_product_id !== '' ? douyinProductLink(r.douyin_product_id) : firstLink(r.source_links),
      imageName: image?.original_name ?? '',
      imageId: image?.id ?? null,
      priceFen: r.planned_price_fen,
      commissionBp: r.commission_bp,
    };
  });
}
