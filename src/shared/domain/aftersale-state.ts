import { classifyAftersale } from './order-line-state';

/*
 * Where a case stands: open or done, and its arbitration (平台介入). The 售后状态 text decides open
 * vs done through order-line-state.ts (§3.2); the export's 仲裁状态 column, and the API-era status
 * texts 仲裁中 / 仲裁中-待商家举证 / 待商家上传凭证 (DOUYIN_EXPORTS.md §3.2 "Other texts"), decide
 * the arbitration. Pure.
 */
export const ARBITRATION_STATES = ['none', 'in_arbitration', 'awaiting_evidence'] as const;
export type ArbitrationState = (typeof ARBITRATION_STATES)[number];

export const ARBITRATION_LABELS: Record<ArbitrationState, { zh: string; en: string }> = {
  none: { zh: '无仲裁', en: 'No arbitration' },
  in_arbitration: { zh: '仲裁中', en: 'In arbitration' },
  awaiting_evidence: { zh: '待商家举证', en: 'Evidence due from the shop' },
};

const blank = (text: string | null): boolean => {
  const t = text?.trim() ?? '';
  return t === '' || t === '-' || t === '无' || t === '未仲裁' || t === '无仲裁';
};

/** 仲裁 ended (仲裁结束, 仲裁完成, 已仲裁 …) counts as none: nothing is left to do for it. */
const ENDED = /结束|完成|已仲裁|撤销|关闭/;

export function arbitrationState(arbitrationText: string | null, statusText: string | null): ArbitrationState {
  for (const text of [arbitrationText, statusText]) {
    if (blank(text)) continue;
    const t = (text ?? '').trim();
    if (t.includes('举证') || t.includes('上传凭证')) return 'awaiting_evidence';
    if (t.includes('仲裁') && !ENDED.test(t)) return 'in_arbitration';
  }
  return 'none';
}

/**
 * A case is open while the seller has not closed it and, for an imported one, while its 售后状态
 * is still a live request (classifyAftersale 'open'). A seller's close always wins: the platform
 * may lag an export behind.
 */
export function isCaseOpen(c: { closedBySeller: boolean; imported: boolean; status: string | null }): boolean {
  if (c.closedBySeller) return false;
  if (!c.imported) return true;
  return classifyAftersale(c.status) === 'open';
}
