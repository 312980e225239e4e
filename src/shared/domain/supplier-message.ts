/*
 * "复制给供应商": the text a seller pastes into the supplier's WeChat / 1688 chat. DOMAIN.md's 代发
 * flow: "send the order number, spec and quantity". The message is always Chinese (the suppliers
 * are), whatever the app's language. Recipient and address are given exactly as the export gave
 * them (masked as exported): ShopDesk never unmasks or completes them; what the export did not
 * carry is said so, pointing to the 抖店 order page, rather than left out silently.
 */
export type MessageLine = { productTitle: string | null; spec: string | null; quantity: number | null; skuCode: string | null; supplierSku: string | null };

export type MessageOrder = {
  orderId: string;
  lines: readonly MessageLine[];
  recipient: string | null;
  phone: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  street: string | null;
  address: string | null;
  buyerNote: string | null;
};

const NOT_IN_EXPORT = '（导出文件未提供，请在抖店订单详情中查看）';
const present = (v: string | null): v is string => v !== null && v.trim() !== '' && v.trim() !== '-';

export function buildSupplierMessage(order: MessageOrder): string {
  const out = [`【代发订单】订单号：${order.orderId}`];
  order.lines.forEach((line, i) => {
    const prefix = order.lines.length > 1 ? `${i + 1}. ` : '';
    out.push(`${prefix}商品：${present(line.productTitle) ? line.productTitle.trim() : '（无标题）'}`);
    out.push(`${prefix ? '   ' : ''}规格：${present(line.spec) ? line.spec.trim() : '默认'}`);
    out.push(`${prefix ? '   ' : ''}数量：${line.quantity ?? 1}`);
    const code = present(line.supplierSku) ? line.supplierSku.trim() : present(line.skuCode) ? line.skuCode.trim() : null;
    if (code) out.push(`${prefix ? '   ' : ''}货号：${code}`);
  });
  out.push(`收件人：${present(order.recipient) ? order.recipient.trim() : NOT_IN_EXPORT}`);
  out.push(`电话：${present(order.phone) ? order.phone.trim() : NOT_IN_EXPORT}`);
  const region = [order.province, order.city, order.district, order.street].filter(present).map((p) => p.trim());
  // 北京市 北京市 …: a municipality repeats itself as its own city; say it once.
  const deduped = region.filter((p, i) => i === 0 || p !== region[i - 1]);
  const address = present(order.address) ? order.address.trim() : null;
  out.push(`地址：${[...deduped, address ?? ''].filter((p) => p !== '').join(' ')}${address ? '' : ` ${NOT_IN_EXPORT}`}`.trimEnd());
  out.push(`买家留言：${present(order.buyerNote) ? order.buyerNote.trim() : '无'}`);
  return out.join('\n');
}

/** All messages for one supplier, one block per order, separated so they read apart in a chat. */
export function joinMessages(messages: readonly string[]): string {
  return messages.join('\n\n————————\n\n');
}
