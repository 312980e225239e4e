/*
 * The "send new products" message (DOMAIN.md block 5: "群发一些新产品（包括产品链接+图片+价格/佣金）"):
 * the chosen products as one text ready to paste into WeChat. Pure; money in fen, rates in bp.
 */

export type MessageProduct = { title: string; link: string; imageName: string; priceFen: number | null; commissionBp: number };

export type MessageOptions = { greeting: string; closing: string; lang: 'zh' | 'en' };

const yuan = (fen: number): string => {
  const whole = Math.trunc(fen / 100);
  const cents = Math.abs(fen % 100);
  return cents === 0 ? `${whole}` : `${whole}.${String(cents).padStart(2, '0')}`.replace(/0$/, '');
};

const percent = (bp: number): string => {
  const whole = Math.trunc(bp / 100);
  const rest = bp % 100;
  return rest === 0 ? `${whole}%` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
};

/** Commission earned per unit at the price, rounded down to the fen (what the influencer can count on). */
export const commissionPerUnitFen = (priceFen: number, commissionBp: number): number => Math.floor((priceFen * commissionBp) / 10_000);

export function composeProductMessage(products: readonly MessageProduct[], options: MessageOptions): string {
  const zh = options.lang === 'zh';
  const blocks = products.map((p, i) => {
    const lines = [`${i + 1}. ${p.title.trim()}`];
    if (p.priceFen !== null) {
      const earn = commissionPerUnitFen(p.priceFen, p.commissionBp);
      lines.push(zh ? `价格：¥${yuan(p.priceFen)}\u3000佣金：${percent(p.commissionBp)}（每单约 ¥${yuan(earn)}）` : `Price: ¥${yuan(p.priceFen)}  Commission: ${percent(p.commissionBp)} (about ¥${yuan(earn)} an order)`);
    } else {
      lines.push(zh ? `佣金：${percent(p.commissionBp)}` : `Commission: ${percent(p.commissionBp)}`);
    }
    if (p.link.trim() !== '') lines.push(zh ? `链接：${p.link.trim()}` : `Link: ${p.link.trim()}`);
    if (p.imageName.trim() !== '') lines.push(zh ? `图片：${p.imageName.trim()}` : `Image: ${p.imageName.trim()}`);
    return lines.join('\n');
  });
  return [options.greeting.trim(), ...blocks, options.closing.trim()].filter((s) => s !== '').join('\n\n');
}

export const DEFAULT_GREETING = { zh: '您好！我们店上了几款新品，佣金给得高，想请您看看合不合适带：', en: 'Hello! We have a few new products with good commission. Would they suit your channel?' };
export const DEFAULT_CLOSING = { zh: '需要样品的话可以免费寄样，有任何需要随时找我～', en: 'Free samples are available if you would like to try them. Just ask!' };
