import { describe, expect, it } from 'vitest';
import type { FileRefusal, ImportSummary } from '../../shared/rpc/contract';
import { renderHelp } from '../help';
import { parseCommandLine } from '../parse-args';
import { toImportJson } from './import';
import { COMMAND_GROUPS } from './index';

const parse = (line: string) => parseCommandLine(line.split(' ').filter(Boolean), COMMAND_GROUPS);

describe('shopdesk import FILE...', () => {
  it('takes one or more files and --dry-run', () => {
    expect(parse('import a.csv')).toMatchObject({ kind: 'run', lists: { FILE: ['a.csv'] }, flags: {} });
    expect(parse('import a.csv b.zip --dry-run c.xlsx --json')).toMatchObject({ kind: 'run', lists: { FILE: ['a.csv', 'b.zip', 'c.xlsx'] }, flags: { 'dry-run': true } });
    expect(parse('import -- --odd.csv')).toMatchObject({ kind: 'run', lists: { FILE: ['--odd.csv'] } });
    expect(parse('import')).toMatchObject({ kind: 'usage', problem: { kind: 'missingArgument', name: 'FILE' } });
    expect(parse('report orders --by week --from 2026-08-01')).toMatchObject({ kind: 'run', flags: { by: 'week', from: '2026-08-01' } });
  });

  it('shows both commands in the help', () => {
    const help = renderHelp(COMMAND_GROUPS);
    expect(help).toContain('import <FILE>... [--dry-run]');
    expect(help).toContain('report orders [--from YYYY-MM-DD] [--to YYYY-MM-DD]');
  });

  it('prints exactly the documented keys', () => {
    const refusal: FileRefusal = { file: 'x.csv', refused: true, code: 'IMPORT_EMPTY', message: 'm', params: {}, issues: [] };
    expect(toImportJson(refusal)).toEqual({ file: 'x.csv', refused: true, code: 'IMPORT_EMPTY', message: 'm' });
    const summary = {
      file: 'y.csv',
      refused: false,
      kind: 'funds',
      lines: 3,
      inserted: 1,
      updated: 1,
      unchanged: 1,
      issues: [{ line: 2, column: '动账金额', code: 'ROW_BAD_MONEY', message: 'bad', params: { line: 2 } }],
    } as unknown as ImportSummary;
    expect(toImportJson(summary)).toEqual({ file: 'y.csv', kind: 'funds', lines: 3, inserted: 1, updated: 1, unchanged: 1, errors: [{ line: 2, column: '动账金额', code: 'ROW_BAD_MONEY', message: 'bad' }] });
  });
});
