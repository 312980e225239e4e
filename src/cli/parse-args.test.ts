import { describe, expect, it } from 'vitest';
import type { CommandGroup } from './command';
import { parseCommandLine, type ParsedCommandLine } from './parse-args';

const noop = async () => ({ data: null, text: '' });
const groups: CommandGroup[] = [
  {
    name: 'db',
    summary: { zh: '数据库', en: 'Database' },
    commands: [{ name: 'check', summary: { zh: '检查', en: 'Check' }, flags: [{ name: 'full', type: 'boolean', help: { zh: '完整', en: 'Full' } }], run: noop }],
  },
  {
    name: 'backup',
    summary: { zh: '备份', en: 'Backups' },
    commands: [
      { name: 'restore', summary: { zh: '恢复', en: 'Restore' }, args: [{ name: 'ID', help: { zh: '编号', en: 'ID' } }], run: noop },
      { name: 'export', summary: { zh: '导出', en: 'Export' }, flags: [{ name: 'out', type: 'string', help: { zh: '文件', en: 'File' } }], run: noop },
    ],
  },
];

const parse = (line: string): ParsedCommandLine => parseCommandLine(line.split(' ').filter(Boolean), groups);
const summary = (p: ParsedCommandLine) =>
  p.kind === 'run'
    ? { kind: p.kind, cmd: `${p.group.name} ${p.command.name}`, args: p.args, flags: p.flags, ...p.globals }
    : p.kind === 'help'
      ? { kind: p.kind, group: p.group?.name, command: p.command?.name, lang: p.globals.lang }
      : { kind: p.kind, problem: p.problem, lang: p.globals.lang };

describe('parseCommandLine', () => {
  it.each([
    ['db check', { kind: 'run', cmd: 'db check', args: {}, flags: {}, lang: 'zh', json: false, dataDir: undefined }],
    ['db check --full --json', { kind: 'run', cmd: 'db check', args: {}, flags: { full: true }, lang: 'zh', json: true, dataDir: undefined }],
    ['--data-dir /x --lang en db check', { kind: 'run', cmd: 'db check', args: {}, flags: {}, lang: 'en', json: false, dataDir: '/x' }],
    ['db check --data-dir=/y --lang=en', { kind: 'run', cmd: 'db check', args: {}, flags: {}, lang: 'en', json: false, dataDir: '/y' }],
    ['backup restore abc', { kind: 'run', cmd: 'backup restore', args: { ID: 'abc' }, flags: {}, lang: 'zh', json: false, dataDir: undefined }],
    ['backup restore -- --odd', { kind: 'run', cmd: 'backup restore', args: { ID: '--odd' }, flags: {}, lang: 'zh', json: false, dataDir: undefined }],
    ['backup export --out f.csv', { kind: 'run', cmd: 'backup export', args: {}, flags: { out: 'f.csv' }, lang: 'zh', json: false, dataDir: undefined }],
  ])('runs %j', (line, expected) => {
    expect(summary(parse(line))).toEqual(expected);
  });

  it.each([
    ['--help', { kind: 'help', group: undefined, command: undefined, lang: 'zh' }],
    ['-h', { kind: 'help', group: undefined, command: undefined, lang: 'zh' }],
    ['db --help', { kind: 'help', group: 'db', command: undefined, lang: 'zh' }],
    ['backup restore --help --lang en', { kind: 'help', group: 'backup', command: 'restore', lang: 'en' }],
  ])('shows help for %j', (line, expected) => {
    expect(summary(parse(line))).toEqual(expected);
  });

  it.each([
    ['', { kind: 'missingCommand' }, 'zh'],
    ['db', { kind: 'missingCommand' }, 'zh'],
    ['frob', { kind: 'unknownCommand', name: 'frob' }, 'zh'],
    ['db frob --lang en', { kind: 'unknownCommand', name: 'db frob' }, 'en'],
    ['--bogus --lang en db check', { kind: 'unknownFlag', name: '--bogus' }, 'en'],
    ['db check -x', { kind: 'unknownFlag', name: '-x' }, 'zh'],
    ['db check --full=yes', { kind: 'flagTakesNoValue', name: '--full' }, 'zh'],
    ['backup restore --full x', { kind: 'unknownFlag', name: '--full' }, 'zh'],
    ['--json=1 db check', { kind: 'flagTakesNoValue', name: '--json' }, 'zh'],
    ['db check --data-dir', { kind: 'missingValue', name: '--data-dir' }, 'zh'],
    ['db check --data-dir --json', { kind: 'missingValue', name: '--data-dir' }, 'zh'],
    ['backup export --out', { kind: 'missingValue', name: '--out' }, 'zh'],
    ['db check --lang fr', { kind: 'badLang', value: 'fr' }, 'zh'],
    ['backup restore', { kind: 'missingArgument', name: 'ID' }, 'zh'],
    ['backup restore a b --lang en', { kind: 'extraArgument', value: 'b' }, 'en'],
  ])('refuses %j', (line, problem, lang) => {
    expect(summary(parse(line))).toEqual({ kind: 'usage', problem, lang });
  });
});
