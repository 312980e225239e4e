import { describe, expect, it } from 'vitest';
import type { Text } from '../command';
import { renderHelp } from '../help';
import { COMMAND_GROUPS } from './index';

const GLOBAL_FLAGS = ['data-dir', 'lang', 'json', 'help'];
const isBilingual = (t: Text) => t.zh.trim() !== '' && t.en.trim() !== '' && /[\u4e00-\u9fff]/.test(t.zh) && !/[\u4e00-\u9fff]/.test(t.en);

/** Guards the registry as other engineers add groups: names, both languages, no clashes. */
describe('the command registry', () => {
  it('has unique kebab-case group and command names', () => {
    const groups = COMMAND_GROUPS.map((g) => g.name);
    expect(new Set(groups).size).toBe(groups.length);
    for (const group of COMMAND_GROUPS) {
      expect(group.name).toMatch(/^[a-z][a-z-]*$/);
      const names = group.commands.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^[a-z][a-z-]*$/);
    }
  });

  it('describes every group, command, argument and flag in Chinese and English', () => {
    for (const group of COMMAND_GROUPS) {
      expect(isBilingual(group.summary)).toBe(true);
      for (const command of group.commands) {
        expect(isBilingual(command.summary), `${group.name} ${command.name}`).toBe(true);
        for (const arg of command.args ?? []) expect(isBilingual(arg.help), arg.name).toBe(true);
        for (const flag of command.flags ?? []) {
          expect(isBilingual(flag.help), flag.name).toBe(true);
          expect(GLOBAL_FLAGS, `--${flag.name} would shadow a global flag`).not.toContain(flag.name);
        }
      }
    }
  });

  it('lists every command in the help', () => {
    const help = renderHelp(COMMAND_GROUPS);
    for (const group of COMMAND_GROUPS) for (const command of group.commands) expect(help).toContain(`${group.name} ${command.name}`);
  });
});
