/*
 * Reply templates for the four after-sales cases of DOMAIN.md ("After-sales (售后): four common
 * cases": logistics question, return / exchange, not as described, dispute). Buyers are answered in
 * Chinese whatever the UI language, so the built-in texts are Chinese; the seller edits them. A
 * template names the order's details as {订单号} {商品} {金额} {退货地址} {运单号}; `fillTemplate`
 * puts them in on copy and says which ones had no value, never dropping a placeholder silently. Pure.
 */
export const TEMPLATE_KEYS = ['logistics', 'return_exchange', 'not_as_described', 'dispute'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const TEMPLATE_LABELS: Record<TemplateKey, { zh: string; en: string }> = {
  logistics: { zh: '物流咨询', en: 'Logistics question' },
  return_exchange: { zh: '退货 / 换货', en: 'Return / exchange' },
  not_as_described: { zh: '描述不符', en: 'Not as described' },
  dispute: { zh: '纠纷（平台介入）', en: 'Dispute (platform steps in)' },
};

export const PLACEHOLDERS = ['订单号', '商品', '金额', '退货地址', '运单号'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Partial<Record<Placeholder, string | null>>;

export const DEFAULT_TEMPLATES: Record<TemplateKey, string> = {
  // "get the tracking number from the supplier, sync it, tell the buyer the state and ETA"
  logistics: '亲，您的订单 {订单号}（{商品}）已为您查询，物流单号：{运单号}。包裹正在配送中，预计 1–3 天送达，请留意查收；如有延误我们会第一时间帮您跟进催促。',
  // "allow the return to the synced address and ask for the tracking number"
  return_exchange: '亲，很抱歉商品给您带来不便。订单 {订单号}（{商品}）已为您同意退换，请保持吊牌完好、不影响二次销售，寄回以下地址：{退货地址}。寄出后请在售后页面填写退货运单号，我们收到后会尽快为您处理 {金额} 元的退款/换货。',
  // "apologise, compare the supplier's spec with the complaint … offer a fix"
  not_as_described: '亲，非常抱歉让您收到与描述不符的商品（订单 {订单号}，{商品}）。我们已核对商品规格，可为您办理退货退款（退回地址：{退货地址}，运费由我们承担），或为您换货，您看哪种方式更方便？',
  // "gather evidence (chats, photos, supplier spec), submit it"
  dispute: '亲，关于订单 {订单号}（{商品}，{金额} 元）的售后，我们已将聊天记录、商品照片和规格说明提交给平台，请耐心等待平台处理结果。在此期间如您愿意协商，我们仍可为您退货退款，退货地址：{退货地址}。',
};

/** What missing values read as in the copied text: the seller sees it and fills it in by hand. */
export const MISSING_VALUE = '（未登记）';

const TOKEN = /\{([^{}\s]{1,10})\}/g;

/**
 * The template with the order's values in. A known placeholder without a value becomes
 * MISSING_VALUE and is listed in `missing`; an unknown {…} is left as written and listed in `unknown`.
 */
export function fillTemplate(body: string, values: TemplateValues): { text: string; missing: Placeholder[]; unknown: string[] } {
  const missing = new Set<Placeholder>();
  const unknown = new Set<string>();
  const text = body.replace(TOKEN, (whole, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      unknown.add(name);
      return whole;
    }
    const value = values[name as Placeholder];
    if (value === undefined || value === null || value.trim() === '') {
      missing.add(name as Placeholder);
      return MISSING_VALUE;
    }
    return value;
  });
  return { text, missing: [...missing], unknown: [...unknown] };
}
