import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HIDDEN_FLAG } from './launch-args';
import type { LoginItem } from './login-item';

export const AUTOSTART_FILE_NAME = 'shopdesk.desktop';

export type AutostartFs = {
  existsSync(path: string): boolean;
  mkdirSync(path: string, options: { recursive: true }): unknown;
  writeFileSync(path: string, data: string, encoding: 'utf8'): void;
  rmSync(path: string, options: { force: true }): void;
};

const nodeFs: AutostartFs = { existsSync, mkdirSync, writeFileSync, rmSync };

/** The spec's reserved characters: an argument holding one (or nothing at all) must be quoted. */
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * Quotes one argument for a desktop entry's Exec key (Desktop Entry Specification, "The Exec key"):
 * "Quoting must be done by enclosing the argument between double quotes and escaping the double
 * quote character, backtick character ("`"), dollar sign ("$") and backslash character ("\") by
 * preceding it with an additional backslash character."
 */
export const quoteExecArg = (arg: string): string => (arg !== '' && !RESERVED.test(arg) ? arg : `"${arg.replace(/(["`$\\])/g, '\\$1')}"`);

/**
 * The Exec value as written to the file. After quoting: "Literal percentage characters must be
 * escaped as %%", and the string escapes (\\, \n, \t, \r) go on last because a reader undoes
 * them first ("this escape rule is applied before the quoting rule").
 */
export function execValue(argv: readonly string[]): string {
  const quoted = argv.map(quoteExecArg).join(' ').replaceAll('%', '%%');
  return quoted.replace(/[\\\n\t\r]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' })[c] ?? c);
}

/** The XDG autostart entry that starts ShopDesk at login. */
export function autostartEntry(execPath: string, args: readonly string[], name: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${name}`,
    `Exec=${execValue([execPath, ...args])}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

/**
 * Linux has no login-item API in Electron; desktops follow the XDG autostart folder instead.
 * `execPath` is the AppImage file for an AppImage (APPIMAGE), else the installed binary.
 */
export function createLinuxAutostart(options: {
  configHome: string;
  execPath: string;
  extraArgs: readonly string[];
  name: string;
  fs?: AutostartFs;
}): LoginItem {
  const fs = options.fs ?? nodeFs;
  const folder = join(options.configHome, 'autostart');
  const file = join(folder, AUTOSTART_FILE_NAME);
  return {
    get: () => fs.existsSync(file),
    set(enabled, hidden) {
      if (!enabled) {
        fs.rmSync(file, { force: true });
        return;
      }
      fs.mkdirSync(folder, { recursive: true });
      const args = hidden ? [...options.extraArgs, HIDDEN_FLAG] : [...options.extraArgs];
      fs.writeFileSync(file, autostartEntry(options.execPath, args, options.name), 'utf8');
    },
  };
}
