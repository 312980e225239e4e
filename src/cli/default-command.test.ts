import { describe, expect, it } from 'vitest';
import type { CommandGroup, Text } from './command';
import { COMMAND_GROUPS } from './commands/index';
import { renderHelp } from './help';
import { parseCommandLine } from './parse-args';

const noop = async () => ({ data: null, text: '' });
const text = { zh: '中文', en: 'English' };
const groups: CommandGroup[] = [
  { name: 'today', summary: text, commands: [], defaultCommand: { name: '', summary: text, flags: [{ name: 'at', type: 'string', help: text }], run: noop } },
  {
    name: 'routine',
    summary: text,
    commands: [{ name: 'start', summary: text, args: [{ name: 'BLOCK', help: text, isOptional: true }], run: noop }],
  },
];
const parse = (line: string) => parseCommandLine(line.split(' ').filter(Boolean), groups);

describe('groups that run on their own, and optional arguments', () => {
  it.each([
    ['today', {}, {}],
    ['today --at 2026-09-10T09:00:00+08:00 --json', {}, { at: '2026-09-10T09:00:00+08:00' }],
    ['routine start', {}, {}],
    ['routine start orders', { BLOCK: 'orders' }, {}],
  ])('%s', (line, args, flags) => {
    const parsed = parse(line);
    expect(parsed.kind).toBe('run');
    if (parsed.kind === 'run') expect({ args: parsed.args, flags: parsed.flags }).toEqual({ args, flags });
  });

  it('refuses what does not belong', () => {
    expect(parse('today tomorrow')).toMatchObject({ kind: 'usage', problem: { kind: 'unknownCommand', name: 'today tomorrow' } });
    expect(parse('today --full')).toMatchObject({ kind: 'usage', problem: { kind: 'unknownFlag' } });
    expect(parse('routine start a b')).toMatchObject({ kind: 'usage', problem: { kind: 'extraArgument', value: 'b' } });
    expect(parse('routine')).toMatchObject({ kind: 'usage', problem: { kind: 'missingCommand' } });
  });

  it('shows them in help as typed', () => {
    const help = renderHelp(groups);
    expect(help).toContain('today [--at VALUE]');
    expect(help).toContain('routine start [<BLOCK>]');
  });
});

const isBilingual = (t: Text) => /[\u4e00-\u9fff]/.test(t.zh) && t.en.trim() !== '' && !/[\u4e00-\u9fff]/.test(t.en);

describe('the registered default commands', () => {
  it('describe themselves and their flags in Chinese and English', () => {
    const defaults = COMMAND_GROUPS.flatMap((g) => (g.defaultCommand ? [g.defaultCommand] : []));
    expect(defaults.length).toBeGreaterThan(0);
    for (const command of defaults) {
      expect(isBilingual(command.summary)).toBe(true);
      for (const flag of command.flags ?? []) expect(isBilingual(flag.help)).toBe(true);
    }
  });
});
