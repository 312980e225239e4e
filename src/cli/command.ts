import type { Core } from '../core/create-core';

/** A user-visible string in both languages; every CLI text is one of these. */
export type Text = { zh: string; en: string };

export const CLI_LANGS = ['zh', 'en'] as const;
export type CliLang = (typeof CLI_LANGS)[number];

export type FlagSpec = {
  /** Without the dashes: `full` for `--full`. */
  name: string;
  type: 'boolean' | 'string';
  /** Shown in help for string flags: `--out FILE`. */
  valueName?: string;
  help: Text;
};

/**
 * A positional argument; required unless `isOptional` (then it may be left off at the end).
 * `isVariadic` (the last argument only) takes every remaining value (`FILE...`): all of them are in
 * `CommandInput.lists[name]`, the first also in `args[name]`.
 */
export type ArgSpec = { name: string; help: Text; isOptional?: boolean; isVariadic?: boolean };

export type CommandInput = {
  /** Positional arguments by their spec name; all are required. */
  args: Readonly<Record<string, string>>;
  /** Command flags by name: `true` for a boolean flag that was given, the text for a string flag. */
  flags: Readonly<Record<string, string | true>>;
  /** Every value of a variadic argument, by its name. */
  lists: Readonly<Record<string, readonly string[]>>;
};

export type CommandContext = {
  /**
   * Opens the core on first use (help and usage errors never touch the data folder). `at` pins
   * the core's clock to that instant, for `--at` (scripting and tests).
   */
  core(options?: { at?: Date; readsOnly?: boolean }): Promise<Core>;
  lang: CliLang;
  t(text: Text): string;
  /** `标签：值` / `Label: value`. */
  field(label: Text, value: string | number): string;
};

/**
 * What a command hands back: `data` is printed as one line of JSON with --json, `text` otherwise.
 * `exitCode` 1 marks a command that ran but found a problem (a failed database check).
 */
export type CommandResult = { data: unknown; text: string; exitCode?: 0 | 1 | 2 };

export type CommandSpec = {
  name: string;
  summary: Text;
  args?: readonly ArgSpec[];
  flags?: readonly FlagSpec[];
  /**
   * Only reads: run against a folder without a database, it says so (NO_DATABASE, exit 2) and
   * creates nothing there.
   */
  readsOnly?: boolean;
  run(ctx: CommandContext, input: CommandInput): Promise<CommandResult>;
};

/**
 * `shopdesk <group> <command>`: one group per file in src/cli/commands/. A group with a
 * `defaultCommand` also runs as `shopdesk <group>` alone (`shopdesk today`); its name is then ''.
 */
export type CommandGroup = { name: string; summary: Text; commands: readonly CommandSpec[]; defaultCommand?: CommandSpec };
