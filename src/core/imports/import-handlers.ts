import type { CoreContext } from '../core-context';
import type { Handlers } from '../rpc/dispatcher';
import { listImports } from './import-repository';
import { ImportService, type ImportServiceOptions } from './import-service';
import { undoImportWithBackup } from './undo-import';

type ImportHandlers = Pick<Handlers, 'imports.upload' | 'imports.discardUpload' | 'imports.preview' | 'imports.run' | 'imports.cancel' | 'imports.history' | 'imports.undo'>;

/** The `imports.*` methods (documented in src/shared/rpc/domains/imports.ts). */
export const createImportHandlers = (ctx: CoreContext, options: ImportServiceOptions = {}): ImportHandlers => {
  const service = new ImportService(ctx, options);
  return {
    'imports.upload': ({ uploadId, fileName, chunkBase64, done }) => service.uploads.append(uploadId, fileName, chunkBase64, done),
    'imports.discardUpload': async ({ uploadId }) => ({ removed: await service.discardUpload(uploadId) }),
    'imports.preview': async ({ jobId, sources, locale }) => service.preview(sources, await service.locale(locale), jobId),
    'imports.run': async ({ jobId, sources, locale }) => service.run(sources, await service.locale(locale), jobId),
    'imports.cancel': ({ jobId }) => ({ cancelled: service.cancel(jobId) }),
    'imports.history': ({ limit }) => listImports(ctx.session.require().db, limit ?? 200),
    'imports.undo': async ({ importId, locale }) => {
      const language = await service.locale(locale);
      const result = await service.betweenJobs(() =>
        undoImportWithBackup(ctx.session.require().db, importId, ctx.clock.now(), language, () => {
          const info = ctx.session.backup('pre-undo');
          ctx.emit('backups.created', info);
          return info;
        }),
      );
      if (result.undone) ctx.emit('imports.undone', { importId });
      return result;
    },
  };
};
