import type { BackupInfo } from '../../shared/rpc/contract';
import type { CommandContext, CommandGroup } from '../command';
import { BACKUP_KIND_TEXT, chinaDateTime, formatBytes } from '../format';

const backupLine = (ctx: CommandContext, b: BackupInfo): string =>
  `${b.id}  ${ctx.t(BACKUP_KIND_TEXT[b.kind])}  ${chinaDateTime(b.createdAt)}  ${formatBytes(b.sizeBytes)}`;

export const backupCommands: CommandGroup = {
  name: 'backup',
  summary: { zh: '备份', en: 'Backups' },
  commands: [
    {
      name: 'create',
      summary: { zh: '立即做一份手动备份（已校验）', en: 'Make a verified manual backup now' },
      async run(ctx) {
        const core = await ctx.core();
        const made = await core.call('backups.create', {});
        return { data: made, text: ctx.field({ zh: '已创建备份', en: 'Backup created' }, backupLine(ctx, made)) };
      },
    },
    {
      name: 'list',
      readsOnly: true,
      summary: { zh: '列出数据文件夹里的备份（最新的在前，时间为北京时间）', en: 'List the backups in the data folder (newest first, China time)' },
      async run(ctx) {
        const core = await ctx.core();
        const backups = await core.call('backups.list', {});
        const text = backups.length === 0 ? ctx.t({ zh: '还没有备份。', en: 'There are no backups yet.' }) : backups.map((b) => backupLine(ctx, b)).join('\n');
        return { data: backups, text };
      },
    },
    {
      name: 'restore',
      summary: {
        zh: '用一份备份替换当前数据库；替换前会先备份当前数据，旧文件移到隔离文件夹，不会删除',
        en: 'Replace the database with a backup; the current data is backed up first and the old files are moved to quarantine, never deleted',
      },
      args: [{ name: 'ID', help: { zh: '备份编号（见 backup list）', en: 'Backup ID (see backup list)' } }],
      async run(ctx, { args }) {
        const core = await ctx.core();
        const result = await core.call('backups.restore', { id: args.ID ?? '' });
        const lines = [ctx.field({ zh: '已从备份恢复', en: 'Restored from backup' }, backupLine(ctx, result.restored))];
        if (result.safetyBackup) {
          lines.push(ctx.field({ zh: '恢复前的数据已另存为', en: 'The data before the restore was saved as' }, result.safetyBackup.id));
        }
        if (result.quarantinedTo) lines.push(ctx.field({ zh: '旧文件已移到', en: 'Old files were moved to' }, result.quarantinedTo));
        return { data: result, text: lines.join('\n') };
      },
    },
  ],
};
