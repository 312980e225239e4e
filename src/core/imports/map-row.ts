import type { ImportMessageParams } from '../../shared/rpc/domains/imports';
import { createBuyerKeyer } from './buyer-key';
import { cleanCell, looksRoundedByExcel, parseDateTime, parseId, parseInteger, parseMoneyFen } from './clean-cell';
import { normaliseHeader } from './normalise-header';
import type { HeaderPlan } from './recognise-header';
import { statusRank } from './status-rank';

/** One row's problem: the line is skipped, the rest of the file goes on. */
export type RowIssue = { line: number; column: string | null; code: string; params: ImportMessageParams };

/** A problem that refuses the whole file (Excel damage, 订单维度). */
export type FileProblem = { code: 'IMPORT_EXCEL_DAMAGED' | 'IMPORT_ORDER_DIMENSION'; params: ImportMessageParams };

export type MapResult = { ok: true; values: unknown[] } | { ok: false; issues: RowIssue[] } | { ok: false; refuse: FileProblem };

/** Cell texts quoted in messages are cut short: a message is not a data dump. */
const shown = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

const DIRECTION_SIGN: Record<string, 1 | -1> = { 入账: 1, 收入: 1, 出账: -1, 支出: -1 };


export type RowMapper = (fields: readonly string[], line: number, multiline: boolean) => MapResult;

const TYPE_CODE = { text: 0, id: 1, money: 2, 'money-lenient': 3, int: 4, datetime: 5, 'datetime-lenient': 6 } as const;

function pushIssue(issues: RowIssue[] | null, line: number, column: string, code: string, value: string | null): RowIssue[] {
  const list = issues ?? [];
  list.push({ line, column, code, params: value === null ? { line, column } : { line, column, value: shown(value) } });
  return list;
}

const refuse = (code: FileProblem['code'], line: number, column: string, value: string, variant?: string): MapResult => ({
  ok: false,
  refuse: { code, params: variant === undefined ? { line, column, value: shown(value) } : { line, column, value: shown(value), variant } },
});

/**
 * Builds the pure per-row function for one file: raw fields → the typed values of the kind's
 * table (spec columns, derived columns, extra_json), or the row's issues, or a file refusal.
 * Positions and names are resolved once per file so the per-row work is indexing and parsing.
 * `buyerKeySecret` (the data folder's, migration 0015) turns on the one-way buyer key of order lines.
 */
export function createRowMapper(plan: HeaderPlan, buyerKeySecret: Buffer | null = null): RowMapper {
  const { spec, columnIndex, extras, headers } = plan;
  const buyerKey = createBuyerKeyer(spec, headers, buyerKeySecret);
  const columns = spec.columns;
  const count = columns.length;
  const width = count + spec.derived.length + 1;
  const position = (name: string) => columns.findIndex((c) => c.column === name);
  const names = columns.map((c, i) => {
    const index = columnIndex[i] ?? -1;
    return index >= 0 ? (headers[index] ?? c.headers[0]!) : c.headers[0]!;
  });
  const types = columns.map((c) => TYPE_CODE[c.type]);
  const required = columns.map((c) => c.required === true);
  const extraKeys = extras.map((e) => `${JSON.stringify(e.name)}:`);
  // Raw text of a lenient column that did not parse is kept under its normalised header name.
  const rawKeys = columns.map((c, i) => `${JSON.stringify(columnIndex[i]! >= 0 ? normaliseHeader(headers[columnIndex[i]!] ?? '') : c.headers[0]!)}:`);
  const subOrder = spec.kind === 'orders' ? position('sub_order_id') : -1;
  const statusAt = position('status');
  const directionAt = position('direction');
  const amountAt = position('amount_fen');
  const settledAt = position('settled_at');
  const subOrderAt = position('sub_order_id');
  const orderAt = position('order_id');
  const settleTypeAt = position('settle_type');
  // Per ID column of this file: IDs of 16+ digits seen, and how many of them look rounded by Excel.
  const longIds = new Array<number>(count).fill(0);
  const roundedIds = new Array<number>(count).fill(0);

  return (fields, line, multiline): MapResult => {
    const values = new Array<unknown>(width);
    let issues: RowIssue[] | null = null;
    let extraJson = '';
    let roundedInRow: string | null = null;

    for (let i = 0; i < count; i += 1) {
      const index = columnIndex[i]!;
      let text: string | null = null;
      if (index >= 0) {
        const raw = fields[index];
        if (raw !== undefined && raw.length > 0) text = cleanCell(multiline ? raw.replace(/\r\n?/g, '\n') : raw);
      }
      let value: unknown = text;
      if (text === null) {
        if (required[i]) issues = pushIssue(issues, line, names[i]!, 'ROW_MISSING_VALUE', null);
      } else {
        switch (types[i]) {
          case 1: {
            if (i === subOrder && text.includes(';')) return refuse('IMPORT_ORDER_DIMENSION', line, names[i]!, text);
            const id = parseId(text);
            if (id === 'excel') return refuse('IMPORT_EXCEL_DAMAGED', line, names[i]!, text, 'IDS');
            if (id === 'invalid') {
              issues = pushIssue(issues, line, names[i]!, 'ROW_BAD_ID', text);
              value = null;
            } else {
              value = id;
              if (id !== null && id.length > 15) {
                longIds[i]! += 1;
                if (looksRoundedByExcel(id)) {
                  roundedIds[i]! += 1;
                  // Excel rounds every number of a column it re-saved; a genuine ID ends in 0000 one time in 10,000.
                  // So: two different rounded-looking IDs in one line, or, in one column, at least two that are
                  // at least half of its long IDs so far, mean the file was re-saved (two real orders may now share one number).
                  if ((roundedInRow !== null && roundedInRow !== id) || (roundedIds[i]! >= 2 && roundedIds[i]! * 2 >= longIds[i]!)) {
                    return refuse('IMPORT_EXCEL_DAMAGED', line, names[i]!, text, 'ROUNDED');
                  }
                  roundedInRow ??= id;
                }
              }
            }
            break;
          }
          case 2:
          case 3: {
            const fen = parseMoneyFen(text);
            if (fen === 'invalid') {
              value = null;
              if (types[i] === 2) issues = pushIssue(issues, line, names[i]!, 'ROW_BAD_MONEY', text);
              else extraJson += `${extraJson.length === 0 ? '' : ','}${rawKeys[i]}${JSON.stringify(text)}`;
            } else value = fen;
            break;
          }
          case 4: {
            const n = parseInteger(text);
            if (n === 'invalid') {
              issues = pushIssue(issues, line, names[i]!, 'ROW_BAD_INTEGER', text);
              value = null;
            } else value = n;
            break;
          }
          case 5:
          case 6: {
            const t = parseDateTime(text);
            if (t === 'excel') return refuse('IMPORT_EXCEL_DAMAGED', line, names[i]!, text, 'DATES');
            if (t === 'invalid') {
              value = null;
              if (types[i] === 5) issues = pushIssue(issues, line, names[i]!, 'ROW_BAD_DATETIME', text);
              else extraJson += `${extraJson.length === 0 ? '' : ','}${rawKeys[i]}${JSON.stringify(text)}`;
            } else value = t;
            break;
          }
        }
      }
      values[i] = value;
    }

    let d = count;
    switch (spec.kind) {
      case 'orders':
        values[d++] = statusRank(values[statusAt] as string | null);
        values[d++] = buyerKey === null ? null : buyerKey(fields);
        break;
      case 'funds': {
        const direction = values[directionAt] as string | null;
        const amount = values[amountAt] as number | null;
        const sign = direction === null ? undefined : DIRECTION_SIGN[direction];
        if (direction !== null && sign === undefined) issues = pushIssue(issues, line, names[directionAt]!, 'ROW_BAD_DIRECTION', direction);
        values[d++] = amount === null || sign === undefined ? null : sign * Math.abs(amount);
        values[d++] = plan.layout;
        break;
      }
      case 'settlement': {
        const id = (values[subOrderAt] ?? values[orderAt]) as string | null;
        if (id === null && issues === null) issues = pushIssue(issues, line, names[subOrderAt >= 0 ? subOrderAt : orderAt]!, 'ROW_MISSING_VALUE', null);
        values[d++] = id === null ? null : `${id}|${String(values[settledAt])}|${String(values[settleTypeAt] ?? '')}|${String(values[amountAt])}`;
        break;
      }
      case 'aftersales':
        break;
    }
    if (issues !== null) return { ok: false, issues };

    for (let e = 0; e < extras.length; e += 1) {
      const raw = fields[extras[e]!.index];
      if (raw === undefined || raw.length === 0) continue;
      const text = cleanCell(multiline ? raw.replace(/\r\n?/g, '\n') : raw);
      if (text !== null) extraJson += `${extraJson.length === 0 ? '' : ','}${extraKeys[e]}${JSON.stringify(text)}`;
    }
    values[d] = `{${extraJson}}`;
    return { ok: true, values };
  };
}
