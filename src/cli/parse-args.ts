import { CLI_LANGS, type CliLang, type CommandGroup, type CommandSpec, type Text } from './command';

export type UsageProblem =
  | { kind: 'missingCommand' }
  | { kind: 'unknownCommand'; name: string }
  | { kind: 'unknownFlag'; name: string }
  | { kind: 'missingValue'; name: string }
  | { kind: 'flagTakesNoValue'; name: string }
  | { kind: 'missingArgument'; name: string }
  | { kind: 'extraArgument'; value: string }
  | { kind: 'badLang'; value: string }
  /** An option value of the wrong form (option-values.ts): the option, the value, what is expected. */
  | { kind: 'badOption'; name: string; value: string; expected: Text }
  /** `--to` before `--from`. */
  | { kind: 'optionOrder'; name: string; value: string; other: string; otherValue: string };

export type GlobalFlags = { lang: CliLang; json: boolean; dataDir: string | undefined };

export type ParsedCommandLine =
  | { kind: 'help'; globals: GlobalFlags; group: CommandGroup | undefined; command: CommandSpec | undefined }
  | {
      kind: 'run';
      globals: GlobalFlags;
      group: CommandGroup;
      command: CommandSpec;
      args: Record<string, string>;
      flags: Record<string, string | true>;
      lists: Record<string, string[]>;
    }
  | { kind: 'usage'; globals: GlobalFlags; problem: UsageProblem; group: CommandGroup | undefined };

const isLang = (value: string): value is CliLang => (CLI_LANGS as readonly string[]).includes(value);

/**
 * `--name=value` → ['name', 'value']; `--name` → ['name', undefined]; `-h` → ['help', undefined].
 * Other single-dash tokens keep their dash so they can match nothing and be reported as typed.
 */
function splitFlag(token: string): [string, string | undefined] {
  if (token === '-h') return ['help', undefined];
  const body = token.startsWith('--') ? token.slice(2) : token;
  const eq = body.indexOf('=');
  return eq === -1 ? [body, undefined] : [body.slice(0, eq), body.slice(eq + 1)];
}

const isFlag = (token: string) => token.length > 1 && token.startsWith('-') && token !== '--';

/**
 * Reads the command line without side effects. Global flags (--data-dir, --lang, --json, --help)
 * may stand anywhere; a command's own flags come after the command; `--` ends flag parsing.
 * The language is found first so every problem can be reported in it.
 */
export function parseCommandLine(argv: readonly string[], groups: readonly CommandGroup[]): ParsedCommandLine {
  const globals: GlobalFlags = { lang: 'zh', json: false, dataDir: undefined };
  let group: CommandGroup | undefined;
  let command: CommandSpec | undefined;
  let help = false;
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};

  const usage = (problem: UsageProblem): ParsedCommandLine => ({ kind: 'usage', globals, problem, group });

  // First pass: only the language, so that even an early mistake is reported in the chosen one.
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const token = argv[i] ?? '';
    if (!isFlag(token)) continue;
    const [name, inline] = splitFlag(token);
    if (name !== 'lang') continue;
    const value = inline ?? argv[i + 1];
    if (value !== undefined && isLang(value)) globals.lang = value;
  }

  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (!onlyPositionals && token === '--') {
      onlyPositionals = true;
      continue;
    }
    if (onlyPositionals || !isFlag(token)) {
      if (!group) {
        group = groups.find((g) => g.name === token);
        if (!group) return usage({ kind: 'unknownCommand', name: token });
      } else if (!command) {
        command = group.commands.find((c) => c.name === token);
        // A group that runs on its own with arguments (`import FILE...`): the token is its first argument.
        if (!command && group.defaultCommand?.args?.length) {
          command = group.defaultCommand;
          positionals.push(token);
        }
        if (!command) return usage({ kind: 'unknownCommand', name: `${group.name} ${token}` });
      } else {
        positionals.push(token);
      }
      continue;
    }

    const [name, inline] = splitFlag(token);
    const takeValue = (): string | null => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      // `--limit -3` gives the option its (bad) value to be refused as such, not "needs a value".
      if (next === undefined || (isFlag(next) && !/^-\d/.test(next)) || next === '--') return null;
      i++;
      return next;
    };

    if (name === 'help' || name === 'json') {
      if (inline !== undefined) return usage({ kind: 'flagTakesNoValue', name: `--${name}` });
      if (name === 'help') help = true;
      else globals.json = true;
    } else if (name === 'lang' || name === 'data-dir') {
      const value = takeValue();
      if (value === null || value === '') return usage({ kind: 'missingValue', name: `--${name}` });
      if (name === 'data-dir') globals.dataDir = value;
      else if (isLang(value)) globals.lang = value;
      else return usage({ kind: 'badLang', value });
    } else {
      const spec = (command ?? group?.defaultCommand)?.flags?.find((f) => f.name === name);
      if (!spec) return usage({ kind: 'unknownFlag', name: token.split('=', 1)[0] ?? token });
      if (spec.type === 'boolean') {
        if (inline !== undefined) return usage({ kind: 'flagTakesNoValue', name: `--${name}` });
        flags[name] = true;
      } else {
        const value = takeValue();
        if (value === null) return usage({ kind: 'missingValue', name: `--${name}` });
        flags[name] = value;
      }
    }
  }

  command ??= group?.defaultCommand;
  if (help) return { kind: 'help', globals, group, command };
  if (!group || !command) return usage({ kind: 'missingCommand' });

  const specs = command.args ?? [];
  const args: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [index, spec] of specs.entries()) {
    const value = positionals[index];
    if (value === undefined && spec.isOptional) break;
    if (value === undefined) return usage({ kind: 'missingArgument', name: spec.name });
    args[spec.name] = value;
    if (spec.isVariadic) lists[spec.name] = positionals.slice(index);
  }
  const extra = specs.at(-1)?.isVariadic ? undefined : positionals[specs.length];
  if (extra !== undefined) return usage({ kind: 'extraArgument', value: extra });
  return { kind: 'run', globals, group, command, args, flags, lists };
}
