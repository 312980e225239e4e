import type { Locale } from './error-messages';

/** Who may own a data folder (src/core/db/data-folder-lock.ts). */
export const LOCK_HOLDER_KINDS = ['desktop', 'harness', 'cli'] as const;
export type LockHolderKind = (typeof LOCK_HOLDER_KINDS)[number];

/** What the lock file says about its owner; crosses as `details.holder` of DATA_FOLDER_LOCKED. */
export type LockHolder = { pid: number; host: string; kind: LockHolderKind; startedAt: string };

const KIND_NAMES: Record<LockHolderKind, Record<Locale, string>> = {
  desktop: { 'zh-CN': '小店工作台桌面应用', 'en-US': 'the ShopDesk desktop app' },
  harness: { 'zh-CN': '浏览器测试环境（npm run web）', 'en-US': 'the browser harness (npm run web)' },
  cli: { 'zh-CN': 'shopdesk 命令行', 'en-US': 'the shopdesk command line' },
};

const since = (iso: string): string => (iso.length >= 19 ? `${iso.slice(0, 19).replace('T', ' ')} UTC` : iso);

const isHolder = (value: unknown): value is LockHolder =>
  typeof value === 'object' && value !== null && typeof (value as LockHolder).pid === 'number' && typeof (value as LockHolder).host === 'string';

/** The one sentence that names who holds the folder (falls back to the general text without one). */
export function dataFolderLockedText(holder: unknown, locale: Locale): string {
  if (!isHolder(holder)) {
    return locale === 'zh-CN'
      ? '这个数据文件夹正被另一个小店工作台程序使用，请先关闭它再试。'
      : 'This data folder is in use by another ShopDesk program. Close it first, then try again.';
  }
  const who = (KIND_NAMES[holder.kind] ?? KIND_NAMES.cli)[locale];
  // A Latin word in Chinese text gets a space before it (`正被 shopdesk 命令行使用`).
  const zhWho = /^[A-Za-z]/.test(who) ? ` ${who}` : who;
  return locale === 'zh-CN'
    ? `这个数据文件夹正被${zhWho}使用（进程 ${holder.pid}，电脑 ${holder.host}，${since(holder.startedAt)} 起）。请先关闭它再试；同一个文件夹同时只能由一个程序打开。`
    : `This data folder is in use by ${who} (process ${holder.pid} on ${holder.host}, since ${since(holder.startedAt)}). Close it first, then try again; one folder is opened by one program at a time.`;
}

/** Where the data folder came from, as the user typed it. */
export type DataDirSource = 'flag' | 'env' | 'default';

const SOURCE_NAMES: Record<DataDirSource, Record<Locale, string>> = {
  flag: { 'zh-CN': '--data-dir 指定的', 'en-US': 'given with --data-dir' },
  env: { 'zh-CN': 'SHOPDESK_DATA_DIR 指定的', 'en-US': 'given in SHOPDESK_DATA_DIR' },
  default: { 'zh-CN': '默认的', 'en-US': 'default' },
};

export function dataDirMissingText(dataDir: string, source: DataDirSource, locale: Locale): string {
  return locale === 'zh-CN'
    ? `${SOURCE_NAMES[source][locale]}数据文件夹不存在：${dataDir}。请检查路径；要新建数据文件夹，请先创建这个文件夹。`
    : `The data folder ${SOURCE_NAMES[source][locale]} does not exist: ${dataDir}. Check the path; for a new data folder, create the folder first.`;
}

export function noDatabaseText(dataDir: string, locale: Locale): string {
  return locale === 'zh-CN'
    ? `${dataDir} 里没有小店工作台的数据库。这个命令只读取数据，不会新建数据库；请检查 --data-dir，或先用 shopdesk import 导入订单。`
    : `There is no ShopDesk database in ${dataDir}. This command only reads and does not create one; check --data-dir, or import orders first with shopdesk import.`;
}
