/*
 * The product title inside a share text as the apps write it. Taobao, Tmall and 1688 put the
 * platform in 【】 and the title in 「」 ("【淘宝】https://m.tb.cn/… CZ3457 「冰丝凉席三件套」 点击链接直接打开");
 * older shares and Douyin's put the title in 【】 or on its own line. The platform's name is never
 * the title.
 */

/** What a 【】 may hold that is not a title: the app, a shop's video, a price. */
const NOT_A_TITLE = [
  /^(淘宝|淘寶|天猫|天貓|1688|阿里巴巴|阿里巴巴1688|抖音|抖音商城|抖音电商|抖店|拼多多|京东|閑魚|闲鱼|小红书|快手|点淘|淘特)$/i,
  /的作品$|的直播间$|的主页$/,
  /到手价|券后|[¥￥]\s*\d/,
];

// Boilerplate the apps add around the title, removed before looking for the title line.
const BOILERPLATE = [
  /https?:\/\/\S+/gi,
  /【[^】]*】/g,
  /点击链接.*$/gm,
  /(或者\s*)?(淘宝|1688|阿里巴巴)搜索直接打开.*$/gm,
  /复制此链接.*$/gm,
  /长按复制此条消息.*$/gm,
  /(\d+(\.\d+)?\s*)?复制打开抖音[，,]?\s*(看看)?/g,
  /我在阿里巴巴发现了一个不错的商品[，,]?\s*快来看看吧[:：]?/g,
  /[￥$€(（][A-Za-z0-9]{8,}[￥$€)）]/g,
  /\b[A-Z]{2}\d{3,5}\b/g,
  /\b\d{2}\/\d{2}\s+[A-Za-z]{2,4}:\/?/g,
  /\d+\s*天无理由(退货)?/g,
  /[¥￥]\s*\d+(\.\d+)?|\d+(\.\d+)?\s*元|价格?[:：]\s*\d+(\.\d+)?/g,
];

const isTitle = (text: string): boolean => text !== '' && !NOT_A_TITLE.some((re) => re.test(text));

/** The product title in a pasted share text, or null when it holds none (a bare link). */
export function shareTitle(text: string): string | null {
  const quoted = /「([^」]+)」/.exec(text)?.[1]?.trim();
  if (quoted) return quoted;
  for (const m of text.matchAll(/【([^】]*)】/g)) {
    const inside = (m[1] ?? '').trim();
    if (isTitle(inside)) return inside;
  }
  let rest = text;
  for (const re of BOILERPLATE) rest = rest.replace(re, ' ');
  const lines = rest
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').replace(/^[\s:：,，。!！]+|[\s:：,，。!！]+$/g, ''))
    .filter((l) => /[\p{L}\p{N}]/u.test(l));
  if (lines.length === 0) return null;
  return lines.reduce((best, l) => (l.length > best.length ? l : best));
}
