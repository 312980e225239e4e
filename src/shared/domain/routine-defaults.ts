import type { Locale } from '../i18n/error-messages';
import type { QueueSource } from '../rpc/domains/routine';

type Texts = Record<Locale, string>;

export type DefaultBlock = {
  key: string;
  title: Texts;
  targetMinutes: number;
  queue: QueueSource | null;
  checklist: { key: string; text: Texts }[];
};

/**
 * The daily routine of a solo no-inventory shop (DOMAIN.md): six blocks in this order, 210 minutes
 * in all (3.5 hours). Stored in Chinese when first seeded; `title` / `text` of an item keep its
 * `defaultKey` until the user edits it, so the English UI can still show the English text.
 */
export const DEFAULT_ROUTINE: readonly DefaultBlock[] = [
  {
    key: 'data',
    title: { 'zh-CN': '看数据', 'en-US': 'Check the data' },
    targetMinutes: 30,
    queue: 'data',
    checklist: [
      { key: 'data.realtime', text: { 'zh-CN': '看实时成交（直播、商品）', 'en-US': 'Real-time sales (live, products)' } },
      { key: 'data.mix', text: { 'zh-CN': '看成交构成和达人分析', 'en-US': 'Transaction mix and influencer analysis' } },
      { key: 'data.products', text: { 'zh-CN': '看商品分析', 'en-US': 'Product analysis' } },
      { key: 'data.service', text: { 'zh-CN': '看售后、评价和客服数据', 'en-US': 'After-sales, reviews and customer service' } },
      {
        key: 'data.decline',
        text: {
          'zh-CN': '连续 3 天下滑？排查访客、点击率、成交件数和竞品',
          'en-US': 'Down 3 days in a row? Check visitors, click-through rate, units sold and competitors',
        },
      },
    ],
  },
  {
    key: 'optimize',
    title: { 'zh-CN': '商品优化', 'en-US': 'Optimise products' },
    targetMinutes: 30,
    queue: null,
    checklist: [
      { key: 'optimize.main', text: { 'zh-CN': '看主推商品的数据', 'en-US': 'Data of the main products' } },
      { key: 'optimize.potential', text: { 'zh-CN': '看 7 天和 30 天数据，找潜力爆款', 'en-US': '7- and 30-day data: find potential hits' } },
      { key: 'optimize.levers', text: { 'zh-CN': '优化主图、标题、SKU', 'en-US': 'Improve main images, titles and SKUs' } },
      {
        key: 'optimize.price',
        text: { 'zh-CN': '在卖的商品不改价，加低价 SKU 截流', 'en-US': 'Never reprice a selling product; add a cheaper SKU instead' },
      },
    ],
  },
  {
    key: 'sourcing',
    title: { 'zh-CN': '选品', 'en-US': 'Product selection' },
    targetMinutes: 60,
    queue: 'sourcing',
    checklist: [
      {
        key: 'sourcing.find',
        text: {
          'zh-CN': '从蝉妈妈榜单、精选联盟、达人直播间、供应链新品找货',
          'en-US': 'Find products: 蝉妈妈 ranking, 精选联盟, influencers’ live rooms, suppliers’ new arrivals',
        },
      },
      { key: 'sourcing.tags', text: { 'zh-CN': '核对商品标签和店铺人群标签', 'en-US': 'Check product tags match the shop’s buyer tags' } },
      { key: 'sourcing.rewrite', text: { 'zh-CN': '重写标题、卖点和图片', 'en-US': 'Rewrite titles, selling points and images' } },
      {
        key: 'sourcing.slots',
        text: { 'zh-CN': '分时段上架，每次 2–5 个（9:00、12:00、20:00）', 'en-US': 'List 2–5 per slot (9:00, 12:00, 20:00)' },
      },
      { key: 'sourcing.check', text: { 'zh-CN': '上架后检查类目、价格、库存', 'en-US': 'After listing, check category, price and stock' } },
    ],
  },
  {
    key: 'orders',
    title: { 'zh-CN': '订单处理', 'en-US': 'Orders' },
    targetMinutes: 40,
    queue: 'orders',
    checklist: [
      { key: 'orders.due24h', text: { 'zh-CN': '处理 24 小时内必须发货的订单', 'en-US': 'Orders that must ship within 24 hours' } },
      {
        key: 'orders.purchase',
        text: { 'zh-CN': '联系厂家采购，确认发货时间', 'en-US': 'Purchase from the supplier and confirm the ship time' },
      },
      { key: 'orders.reviews', text: { 'zh-CN': '回复并安抚中差评', 'en-US': 'Answer and soothe medium and bad reviews' } },
      { key: 'orders.replyRate', text: { 'zh-CN': '检查客服 3 分钟回复率', 'en-US': 'Check the 3-minute reply rate' } },
      { key: 'orders.quickReplies', text: { 'zh-CN': '更新常见问题的快捷回复', 'en-US': 'Update quick replies for common questions' } },
    ],
  },
  {
    key: 'influencers',
    title: { 'zh-CN': '联系达人', 'en-US': 'Influencers' },
    targetMinutes: 30,
    queue: 'influencers',
    checklist: [
      { key: 'influencers.new', text: { 'zh-CN': '新增至少 10 个达人', 'en-US': 'Add at least 10 new influencers' } },
      {
        key: 'influencers.products',
        text: { 'zh-CN': '给老达人发新品（链接、图片、价格和佣金）', 'en-US': 'Send new products to known influencers (link, image, price, commission)' },
      },
      { key: 'influencers.samples', text: { 'zh-CN': '安排寄样', 'en-US': 'Arrange samples' } },
      { key: 'influencers.followUp', text: { 'zh-CN': '跟进卖得好的达人，谈长期合作', 'en-US': 'Follow up well-selling influencers for longer cooperation' } },
    ],
  },
  {
    key: 'campaigns',
    title: { 'zh-CN': '活动报名', 'en-US': 'Campaigns' },
    targetMinutes: 20,
    queue: 'campaigns',
    checklist: [
      { key: 'campaigns.register', text: { 'zh-CN': '查看并报名平台活动', 'en-US': 'Check and register for platform campaigns' } },
      {
        key: 'campaigns.promotions',
        text: { 'zh-CN': '主推商品设置优惠券、拼团或秒杀', 'en-US': 'Set coupons, group buying or flash sales on main products' },
      },
    ],
  },
];

const TITLES = new Map(DEFAULT_ROUTINE.map((b) => [b.key, b.title]));
const ITEMS = new Map(DEFAULT_ROUTINE.flatMap((b) => b.checklist.map((i) => [i.key, i.text] as const)));

/** A block's name in `locale`: the default's translation while it has its default name. */
export const blockTitle = (block: { title: string; defaultKey: string | null }, locale: Locale): string =>
  (block.defaultKey !== null ? TITLES.get(block.defaultKey)?.[locale] : undefined) ?? block.title;

/** A checklist item's text in `locale`, likewise. */
export const checklistText = (item: { text: string; defaultKey: string | null }, locale: Locale): string =>
  (item.defaultKey !== null ? ITEMS.get(item.defaultKey)?.[locale] : undefined) ?? item.text;
