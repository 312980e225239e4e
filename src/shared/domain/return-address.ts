/*
 * The 抖店 after-sales address book (售后 → 退货地址管理) takes recipient, phone, a province/city/
 * district picker and a detailed address; its "智能识别" box parses one pasted line of the form
 *   收件人 电话 省 市 区 详细地址
 * separated by single spaces. That is the line copied here. Municipalities repeat nothing: the
 * division data's 市辖区 city level is left out (北京市 东城区 …), as the address book shows it.
 */
export type AddressParts = { recipient: string; phone: string; province: string; city: string; district: string; street: string };

const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function formatReturnAddress(a: AddressParts): string {
  const city = a.city === '市辖区' || a.city === '县' || a.city === a.province ? '' : a.city;
  return [a.recipient, a.phone.replace(/[\s-]/g, ''), a.province, city, a.district, a.street].map(clean).filter((p) => p !== '').join(' ');
}

// Supplier terms, here (not in the zod contract) so the renderer can list them without bundling zod schemas.
export const PURCHASE_CHANNELS = ['wechat', '1688', 'other'] as const;
export type PurchaseChannel = (typeof PURCHASE_CHANNELS)[number];
export const POSTAGE_PAYERS = ['supplier', 'seller', 'buyer', 'depends'] as const;
export type PostagePayer = (typeof POSTAGE_PAYERS)[number];
