import { AppError } from '../../shared/errors';
import type { CoreContext } from '../core-context';
import type { Handlers } from '../rpc/dispatcher';
import { listImports } from './import-repository';
import { ImportService, type ImportServiceOptions } from './import-service';
import { undoImportWithBackup } from './undo-import';

type ImportHandlers = Pick<Handlers, 'imports.upload' | 'imports.discardUpload' | 'imports.discardPreview' | 'imports.preview' | 'imports.run' | 'imports.cancel' | 'imports.history' | 'imports.undo'>;

/** The `imports.*` methods (documented in src/shared/rpc/domains/imports.ts). */
export const createImportHandlers = (ctx: CoreContext, options: ImportServiceOptions = {}): ImportHandlers => {
  const service = new ImportService(ctx, options);
  return {
    'imports.upload': ({ uploadId, fileName, chunkBase64, done }) => service.uploads.append(uploadId, fileName, chunkBase64, done),
    'imports.discardUpload': async ({ uploadId }) => ({ removed: await service.discardUpload(uploadId) }),
    'imports.discardPreview': async ({ jobId }) => ({ removed: await service.discardPreview(jobId) }),
    'imports.preview': async ({ jobId, sources, locale, stage }) => {
      if (stage === true && jobId === undefined) throw new AppError('VALIDATION', 'stage needs a jobId: the run names the preview by it', { issues: [{ path: 'jobId', message: 'required with stage' }] });
      return service.preview(sources, await service.locale(locale), jobId, stage === true);
    },
    'imports.run': async ({ jobId, sources, locale, previews }) => service.run(sources, await service.locale(locale), jobId, previews ?? []),
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
