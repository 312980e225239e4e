import { describe, expect, it } from 'vitest';
import { dataDirMissingText, dataFolderLockedText, noDatabaseText } from './data-folder-messages';

const holder = (kind: 'desktop' | 'harness' | 'cli') => ({ pid: 4321, host: 'shop-pc', kind, startedAt: '2026-12-06T01:02:03.456Z' });

describe('data folder messages name who holds the folder, in both languages', () => {
  it.each([
    ['desktop', '这个数据文件夹正被小店工作台桌面应用使用（进程 4321，电脑 shop-pc，2026-12-06 01:02:03 UTC 起）', 'in use by the ShopDesk desktop app (process 4321 on shop-pc, since 2026-12-06 01:02:03 UTC)'],
    ['harness', '正被浏览器测试环境（npm run web）使用', 'in use by the browser harness (npm run web)'],
    ['cli', '正被 shopdesk 命令行使用', 'in use by the shopdesk command line'],
  ] as const)('%s', (kind, zh, en) => {
    expect(dataFolderLockedText(holder(kind), 'zh-CN')).toContain(zh);
    expect(dataFolderLockedText(holder(kind), 'en-US')).toContain(en);
  });

  it('without a readable holder it still says what to do', () => {
    expect(dataFolderLockedText(null, 'zh-CN')).toBe('这个数据文件夹正被另一个小店工作台程序使用，请先关闭它再试。');
    expect(dataFolderLockedText(undefined, 'en-US')).toBe('This data folder is in use by another ShopDesk program. Close it first, then try again.');
  });

  it('a missing folder names where it came from; a folder without a database says nothing is created', () => {
    expect(dataDirMissingText('/shop', 'flag', 'zh-CN')).toContain('--data-dir 指定的数据文件夹不存在：/shop');
    expect(dataDirMissingText('/shop', 'env', 'en-US')).toContain('given in SHOPDESK_DATA_DIR does not exist: /shop');
    expect(noDatabaseText('/shop', 'en-US')).toContain('does not create one');
  });
});
