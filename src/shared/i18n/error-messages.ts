import type { AppErrorCode } from '../errors';

/**
 * What each error code means to a shop owner, in both languages. The renderer's i18n resources and
 * the CLI both read this table, so a code is never shown raw.
 */
export const ERROR_MESSAGES: Record<AppErrorCode, { 'zh-CN': string; 'en-US': string }> = {
  VALIDATION: { 'zh-CN': '输入的内容不正确，请检查后重试。', 'en-US': 'Some input is not valid. Please check it and try again.' },
  UNKNOWN_METHOD: { 'zh-CN': '程序版本不一致，请重新启动小店工作台。', 'en-US': 'The app parts do not match. Please restart ShopDesk.' },
  NOT_FOUND: { 'zh-CN': '要找的内容不存在，可能已被删除。', 'en-US': 'That item does not exist; it may have been deleted.' },
  FORBIDDEN: { 'zh-CN': '这里不允许这个操作。', 'en-US': 'This action is not allowed here.' },
  INTERNAL: { 'zh-CN': '程序内部出错了，数据没有改动。请重试；如果一直出现，请联系我们。', 'en-US': 'Something went wrong inside the app; your data was not changed. Try again, and contact us if it keeps happening.' },
  TRANSPORT_CLOSED: { 'zh-CN': '与数据服务的连接已断开，请重新打开窗口。', 'en-US': 'The connection to the data service was lost. Please reopen the window.' },
  CORE_STOPPED: { 'zh-CN': '数据服务多次意外停止，已不再自动重启，这个操作没有执行。已保存的数据不会丢失。请重新启动小店工作台。', 'en-US': 'The data service stopped unexpectedly several times and is no longer restarted, so this was not done. Nothing already saved is lost. Please restart ShopDesk.' },
  RECOVERY_MODE: { 'zh-CN': '数据库暂时不可用，请先从备份恢复。', 'en-US': 'The database is not available. Please restore a backup first.' },
  DB_NEWER_THAN_APP: { 'zh-CN': '这份数据是由更新版本的小店工作台写入的，请安装最新版本后再打开。数据未做任何改动。', 'en-US': 'This data was written by a newer version of ShopDesk. Please install the latest version; the data was not changed.' },
  DB_CORRUPT: { 'zh-CN': '数据库文件已损坏。已把它移到隔离文件夹（没有删除），请从备份恢复。', 'en-US': 'The database file is damaged. It was moved to the quarantine folder (not deleted); please restore a backup.' },
  DB_MIGRATION_FAILED: { 'zh-CN': '数据库升级失败，已保持升级前的状态。请从备份恢复或联系我们。', 'en-US': 'Upgrading the database failed; it was left as it was before. Restore a backup or contact us.' },
  DB_READONLY: { 'zh-CN': '数据文件夹是只读的，无法保存。请检查文件夹权限。', 'en-US': 'The data folder is read-only, so nothing can be saved. Please check its permissions.' },
  DB_BUSY: { 'zh-CN': '数据库正被另一个程序占用（可能开了两个小店工作台），请稍后重试。', 'en-US': 'The database is in use by another program (perhaps a second ShopDesk). Try again shortly.' },
  DISK_FULL: { 'zh-CN': '磁盘空间不足，本次操作已撤销，已保存的数据没有丢失。请清理磁盘后重试。', 'en-US': 'The disk is full. This operation was undone and nothing saved was lost. Free some space and try again.' },
  BACKUP_NOT_FOUND: { 'zh-CN': '找不到这个备份文件，可能已被移走。', 'en-US': 'That backup file cannot be found; it may have been moved.' },
  DATA_DIR_UNUSABLE: { 'zh-CN': '无法使用这个数据文件夹（不存在且无法创建、是一个文件，或没有写入权限）。请换一个文件夹。', 'en-US': 'This data folder cannot be used (it cannot be created, is a file, or is not writable). Please choose another folder.' },
  DATA_FOLDER_LOCKED: { 'zh-CN': '这个数据文件夹正被另一个小店工作台程序（桌面应用、浏览器测试环境或 shopdesk 命令行）使用。请先关闭它，再重试。', 'en-US': 'This data folder is in use by another ShopDesk program (the desktop app, the browser harness or the shopdesk command line). Close it first, then try again.' },
  DATA_DIR_MISSING: { 'zh-CN': '数据文件夹不存在，请检查路径。', 'en-US': 'The data folder does not exist. Please check the path.' },
  NO_DATABASE: { 'zh-CN': '这个数据文件夹里还没有数据库，请先导入或保存数据。', 'en-US': 'There is no database in this data folder yet. Import or save something first.' },
  RESTORE_FAILED: {
    'zh-CN': '恢复没有完成，原来的数据已重新打开，没有任何改动。请检查磁盘空间和文件夹权限后重试；日志文件里有出错的原因。',
    'en-US': 'The restore did not complete; your previous data was reopened unchanged. Check the disk space and folder permissions and try again; the log file says what failed.',
  },
  BACKUP_INVALID: { 'zh-CN': '这个备份文件没有通过校验，不能用来恢复。请选择另一个备份。', 'en-US': 'That backup failed verification and cannot be restored. Please choose another one.' },
};

export type Locale = 'zh-CN' | 'en-US';

export const errorMessage = (code: AppErrorCode, locale: Locale): string => ERROR_MESSAGES[code][locale];
