import type { CoreContext } from '../core-context';
import type { Handlers } from '../rpc/dispatcher';

type BackupHandlers = Pick<Handlers, 'backups.list' | 'backups.create' | 'backups.restore'>;

export const createBackupHandlers = (ctx: CoreContext): BackupHandlers => ({
  'backups.list': () => ctx.session.listBackups(),
  'backups.create': () => {
    const info = ctx.session.backup('manual');
    ctx.emit('backups.created', info);
    return info;
  },
  'backups.restore': async ({ id, setAsideNewer }) => {
    const result = await ctx.session.restore(id, { setAsideNewer });
    ctx.emit('backups.restored', result);
    ctx.emit('app.statusChanged', ctx.status());
    return result;
  },
});
