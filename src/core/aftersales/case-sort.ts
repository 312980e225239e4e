import { chinaDateTimeMs } from '../../shared/domain/china-time';
import { AppError } from '../../shared/errors';
import type { AftersaleCaseRow } from '../../shared/rpc/domains/aftersales';

/*
 * Where a case sits in the list (`compareCases` of case-records.ts, in fields a page can carry
 * and an index can hold): open cases first; among them by the platform's 自动处理截止时间, soonest
 * first, none last (a done case has no deadline to beat); then the newest request; then the case
 * key. Strings compare by code unit, as SQLite compares TEXT, so a page read from an index and
 * the cases merged in memory agree. Pure.
 */
export type CaseSortKey = {
  open: boolean;
  /** The deadline as epoch ms; null for a done case or one without a deadline. */
  deadlineMs: number | null;
  appliedAt: string | null;
  caseKey: string;
};

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareSortKeys(a: CaseSortKey, b: CaseSortKey): number {
  if (a.open !== b.open) return a.open ? -1 : 1;
  if (a.deadlineMs !== b.deadlineMs) {
    if (a.deadlineMs === null) return 1;
    if (b.deadlineMs === null) return -1;
    return a.deadlineMs - b.deadlineMs;
  }
  return byText(b.appliedAt ?? '', a.appliedAt ?? '') || byText(a.caseKey, b.caseKey);
}

export const sortKeyOfRow = (r: AftersaleCaseRow): CaseSortKey => ({
  open: r.open,
  deadlineMs: r.open && r.deadlineAt !== null ? chinaDateTimeMs(r.deadlineAt) : null,
  appliedAt: r.appliedAt,
  caseKey: r.caseKey,
});

/** The list's three stretches, in order: open with a deadline, open without one, done. */
export const stretchOf = (k: CaseSortKey): 0 | 1 | 2 => (!k.open ? 2 : k.deadlineMs !== null ? 0 : 1);

/** The `after` cursor: the last case of a page, opaque to the caller. */
export const encodeCursor = (k: CaseSortKey): string => Buffer.from(JSON.stringify([k.open ? 1 : 0, k.deadlineMs, k.appliedAt, k.caseKey])).toString('base64url');

const badCursor = () =>
  new AppError('VALIDATION', 'after must be the nextAfter of an earlier page of this list; start again from the first page', {
    zh: '翻页位置（after）不是这个列表给出的，请从第一页重新开始',
    en: 'after must be the nextAfter of an earlier page of this list; start again from the first page',
    issues: [{ path: 'after', problem: 'format', message: 'after must be the nextAfter of an earlier page of this list' }],
  });

export function decodeCursor(text: string): CaseSortKey {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(value) || value.length !== 4) throw badCursor();
  const [open, deadlineMs, appliedAt, caseKey] = value as unknown[];
  const ok =
    (open === 0 || open === 1) &&
    (deadlineMs === null || Number.isSafeInteger(deadlineMs)) &&
    (appliedAt === null || (typeof appliedAt === 'string' && appliedAt.length <= 40)) &&
    typeof caseKey === 'string' &&
    /^(\d{1,30}\/\d{1,30}|m\d{1,12})$/.test(caseKey) &&
    !(open === 0 && deadlineMs !== null);
  if (!ok) throw badCursor();
  return { open: open === 1, deadlineMs: deadlineMs as number | null, appliedAt: appliedAt as string | null, caseKey: caseKey as string };
}
