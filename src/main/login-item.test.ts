import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { autostartEntry, createLinuxAutostart, execValue } from './linux-autostart';
import { createElectronLoginItem, type LoginItemApp } from './login-item';

describe('createElectronLoginItem', () => {
  it('registers with --hidden only when asked, and keeps an explicit data folder', () => {
    const app = { getLoginItemSettings: vi.fn(() => ({ openAtLogin: false })), setLoginItemSettings: vi.fn() };
    const item = createElectronLoginItem(app as unknown as LoginItemApp, ['--data-dir', '/d']);
    item.set(true, true);
    item.set(true, false);
    item.set(false, false);
    expect(app.setLoginItemSettings.mock.calls).toEqual([
      [{ openAtLogin: true, args: ['--data-dir', '/d', '--hidden'] }],
      [{ openAtLogin: true, args: ['--data-dir', '/d'] }],
      [{ openAtLogin: false, args: ['--data-dir', '/d'] }],
    ]);
  });

  it('reads the entry with either argument list (Windows matches by arguments)', () => {
    const app = {
      getLoginItemSettings: vi.fn((o: { args: string[] }) => ({ openAtLogin: o.args.includes('--hidden') })),
      setLoginItemSettings: vi.fn(),
    };
    expect(createElectronLoginItem(app as unknown as LoginItemApp, []).get()).toBe(true);
    app.getLoginItemSettings.mockReturnValue({ openAtLogin: false });
    expect(createElectronLoginItem(app as unknown as LoginItemApp, []).get()).toBe(false);
  });
});

describe('Linux autostart', () => {
  // Desktop Entry Specification, "The Exec key": "Arguments may be quoted in whole. If an argument
  // contains a reserved character the argument must be quoted." … "Literal percentage characters must
  // be escaped as %%." … "to unambiguously represent a literal backslash character in a quoted
  // argument in a desktop entry file requires the use of four successive backslash characters".
  it.each([
    ['a plain path stays as it is', ['/opt/ShopDesk/shopdesk', '--hidden'], '/opt/ShopDesk/shopdesk --hidden'],
    ['a space is quoted', ['/home/a b/ShopDesk.AppImage'], '"/home/a b/ShopDesk.AppImage"'],
    ['% becomes %% (a field code otherwise)', ['/home/u/100%/ShopDesk.AppImage', '--data-dir', '/d/%f'], '/home/u/100%%/ShopDesk.AppImage --data-dir /d/%%f'],
    ['% inside quotes too', ['/a b/50%'], '"/a b/50%%"'],
    ['a single quote is reserved', ["/home/o'neil/s"], `"/home/o'neil/s"`],
    ['other reserved characters', ['/x/a&b;c|d', '/y/(1)', '/z/~#*?<>'], '"/x/a&b;c|d" "/y/(1)" "/z/~#*?<>"'],
    ['quote, backtick and dollar get a backslash, itself doubled in the file ("\\\\$")', ['/a"b`c$d'], '"/a\\\\"b\\\\`c\\\\$d"'],
    ['a literal backslash is four in the file', ['C:\\x'], '"C:\\\\\\\\x"'],
    ['an empty argument is kept as ""', ['/s', ''], '/s ""'],
    ['a newline is quoted and written as \\n', ['/a\nb'], '"/a\\nb"'],
  ])('Exec: %s', (_name, argv, expected) => {
    expect(execValue(argv)).toBe(expected);
    expect(autostartEntry(argv[0]!, argv.slice(1), 'ShopDesk')).toContain(`\nExec=${expected}\n`);
    expect(parseExecValue(execValue(argv))).toEqual(argv);
  });

  it.each(['/home/张三/小店 工作台.AppImage', '/tmp/a"b\\c$d`e%f g', "/it's/100%/x\ty", '/opt/%%u/%F'])('a reader gets back exactly the path %j', (path) => {
    expect(parseExecValue(execValue([path, '--hidden']))).toEqual([path, '--hidden']);
  });

  it('writes, reads and removes ~/.config/autostart/shopdesk.desktop', () => {
    const home = mkdtempSync(join(tmpdir(), 'shopdesk-autostart-'));
    try {
      const item = createLinuxAutostart({ configHome: home, execPath: '/apps/Shop Desk.AppImage', extraArgs: ['--data-dir', '/d'], name: 'ShopDesk' });
      const file = join(home, 'autostart', 'shopdesk.desktop');
      expect(item.get()).toBe(false);
      item.set(true, true);
      expect(item.get()).toBe(true);
      expect(readFileSync(file, 'utf8')).toContain('Exec="/apps/Shop Desk.AppImage" --data-dir /d --hidden\n');
      item.set(true, false);
      expect(readFileSync(file, 'utf8')).toContain('Exec="/apps/Shop Desk.AppImage" --data-dir /d\n');
      item.set(false, false);
      expect(existsSync(file)).toBe(false);
      item.set(false, false);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

/**
 * How a desktop reads the Exec value back, in the spec's order: string escapes first, then the
 * quoting, then %% (written independently of the code under test, from the spec's text).
 */
function parseExecValue(value: string): string[] {
  const unescaped = value.replace(/\\([\\nstr])/g, (_m, c: string) => ({ '\\': '\\', n: '\n', s: ' ', t: '\t', r: '\r' })[c] ?? c);
  const args: string[] = [];
  let i = 0;
  while (i < unescaped.length) {
    if (unescaped[i] === ' ') {
      i += 1;
      continue;
    }
    let arg = '';
    if (unescaped[i] === '"') {
      i += 1;
      while (unescaped[i] !== '"') {
        if (i >= unescaped.length) throw new Error(`unterminated quote in ${value}`);
        if (unescaped[i] === '\\' && '"`$\\'.includes(unescaped[i + 1] ?? '')) i += 1;
        arg += unescaped[i];
        i += 1;
      }
      i += 1;
    } else {
      while (i < unescaped.length && unescaped[i] !== ' ') arg += unescaped[i++];
    }
    args.push(arg.replace(/%%/g, '%'));
  }
  return args;
}
