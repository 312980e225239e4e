import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
type Platform = { target: string[]; icon: string };
type BuilderConfig = {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  win: Platform;
  mac: Platform;
  linux: Platform;
};
const config = createRequire(import.meta.url)(join(root, 'electron-builder.config.cjs')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; type: string };

const pngSize = (file: string) => {
  const bytes = readFileSync(join(root, file));
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};

describe('electron-builder.config.cjs', () => {
  it('flips every security fuse (RELIABILITY.md R11)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds an NSIS installer, a DMG, an AppImage and a deb for com.shopdesk.app', () => {
    expect(config.appId).toBe('com.shopdesk.app');
    expect(config.productName).toBe('ShopDesk');
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('packs only the built app into an asar, with better-sqlite3’s native module unpacked', () => {
    expect(config.asar).toBe(true);
    const included = config.files.filter((p) => !p.startsWith('!'));
    expect(included).toEqual(['out/**', 'package.json']);
    expect(config.files).toContain('!node_modules/ws/**');
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**/*.node']);
  });

  it('starts from out/main/index.js as an ES module', () => {
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.type).toBe('module');
  });

  it('has the icons it names: 512 and 256 px app icons, 16 and 32 px tray icons', () => {
    expect(pngSize(config.mac.icon)).toEqual({ width: 512, height: 512 });
    expect(pngSize(config.linux.icon)).toEqual({ width: 512, height: 512 });
    expect(pngSize(config.win.icon)).toEqual({ width: 256, height: 256 });
    expect(pngSize('resources/tray-icon.png')).toEqual({ width: 16, height: 16 });
    expect(pngSize('resources/tray-icon@2x.png')).toEqual({ width: 32, height: 32 });
    expect(existsSync(join(root, 'scripts', 'make-icons.ts'))).toBe(true);
  });
});
