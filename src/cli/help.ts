import { CLI_TEXT } from './cli-text';
import type { CommandGroup, CommandSpec, FlagSpec, Text } from './command';

const LEFT = 28;

/** A two-line help entry: Chinese first, English under it, both aligned after the left column. */
const entry = (left: string, text: Text): string => {
  const head = `  ${left}`;
  const pad = ' '.repeat(LEFT);
  return head.length < LEFT ? `${head.padEnd(LEFT)}${text.zh}\n${pad}${text.en}` : `${head}\n${pad}${text.zh}\n${pad}${text.en}`;
};

const heading = (text: Text) => `${text.zh} / ${text.en}:`;

const GLOBAL_FLAGS: readonly (FlagSpec & { shown: string })[] = [
  { name: 'data-dir', type: 'string', shown: '--data-dir DIR', help: CLI_TEXT.dataDirHelp },
  { name: 'lang', type: 'string', shown: '--lang zh|en', help: CLI_TEXT.langHelp },
  { name: 'json', type: 'boolean', shown: '--json', help: CLI_TEXT.jsonHelp },
  { name: 'help', type: 'boolean', shown: '--help, -h', help: CLI_TEXT.helpHelp },
];

const flagShown = (flag: FlagSpec) => (flag.type === 'string' ? `--${flag.name} ${flag.valueName ?? 'VALUE'}` : `--${flag.name}`);

const commandLine = (group: CommandGroup, command: CommandSpec): string => {
  const args = (command.args ?? []).map((a) => (a.isOptional ? ` [<${a.name}>]` : ` <${a.name}>`) + (a.isVariadic ? '...' : '')).join('');
  const flags = (command.flags ?? []).map((f) => ` [${flagShown(f)}]`).join('');
  const name = command === group.defaultCommand ? group.name : `${group.name} ${command.name}`;
  return `${name}${args}${flags}`;
};

const commandsOf = (group: CommandGroup): CommandSpec[] => [...(group.defaultCommand ? [group.defaultCommand] : []), ...group.commands];

const footer = (): string[] => [
  '',
  heading(CLI_TEXT.globalOptions),
  ...GLOBAL_FLAGS.map((f) => entry(f.shown, f.help)),
  '',
  heading(CLI_TEXT.exitCodes),
  `  ${CLI_TEXT.exitCodeList.zh}`,
  `  ${CLI_TEXT.exitCodeList.en}`,
  '',
];

/** Help for everything, one group, or one command; always in both languages, Chinese first. */
export function renderHelp(groups: readonly CommandGroup[], group?: CommandGroup, command?: CommandSpec): string {
  const lines = [`${CLI_TEXT.title.zh} · ${CLI_TEXT.title.en}`, ''];
  if (group && command) {
    lines.push(heading(CLI_TEXT.usage), `  shopdesk ${commandLine(group, command)}`, '', `  ${command.summary.zh}`, `  ${command.summary.en}`);
    if (command.args?.length) lines.push('', heading(CLI_TEXT.arguments), ...command.args.map((a) => entry(`<${a.name}>`, a.help)));
    if (command.flags?.length) lines.push('', heading(CLI_TEXT.options), ...command.flags.map((f) => entry(flagShown(f), f.help)));
    return [...lines, ...footer()].join('\n');
  }
  const shownGroups = group ? [group] : groups;
  lines.push(
    heading(CLI_TEXT.usage),
    group ? `  shopdesk ${group.name} <…>` : `  ${CLI_TEXT.globalUsage.zh}`,
    ...(group ? [] : [`  ${CLI_TEXT.globalUsage.en}`]),
    '',
    heading(CLI_TEXT.commands),
  );
  for (const g of shownGroups) {
    for (const c of commandsOf(g)) lines.push(entry(commandLine(g, c), c.summary));
  }
  return [...lines, ...footer()].join('\n');
}
