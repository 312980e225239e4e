import { formatBp, formatFen } from '../../../../shared/domain/cost-stack';

/** ¥12.34 from fen. */
export const yuanText = (fen: number): string => `¥${formatFen(fen)}`;
/** 1.52 from 15 200 bp (成交 / 花费), or — without sample cost. */
export const roiText = (bp: number | null): string => (bp === null ? '—' : (bp / 10_000).toFixed(2));
export const percentText = (bp: number | null): string => (bp === null ? '—' : formatBp(bp));
/** Comma, 、 or ; separated text as a list (what the form's list boxes hold). */
export const listOfText = (text: string | undefined): string[] => (text ?? '').split(/[,，;；、\n]+/).map((x) => x.trim()).filter((x) => x !== '');
export const INVALIDATES = { methods: ['influencers.list', 'influencers.get', 'influencers.goal', 'samples.list'] } as const;
