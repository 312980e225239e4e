import type { CommandGroup } from '../command';
import { formatBytes } from '../format';

export const dbCommands: CommandGroup = {
  name: 'db',
  summary: { zh: '数据库', en: 'Database' },
  commands: [
    {
      name: 'check',
      readsOnly: true,
      summary: { zh: '检查数据库是否完好（完整性、外键、结构版本）', en: 'Check that the database is intact (integrity, foreign keys, schema version)' },
      flags: [{ name: 'full', type: 'boolean', help: { zh: '完整检查（较慢）', en: 'Full integrity check (slower)' } }],
      async run(ctx, { flags }) {
        const core = await ctx.core();
        const check = await core.call('db.check', { full: flags.full === true });
        const isOk = check.integrity === 'ok' && check.foreignKeyProblems === 0;
        const lines = [
          ctx.t(isOk ? { zh: '数据库检查：正常', en: 'Database check: OK' } : { zh: '数据库检查：发现问题', en: 'Database check: problems found' }),
          ctx.field({ zh: '结构版本', en: 'Schema version' }, check.schemaVersion),
          ctx.field({ zh: '外键问题', en: 'Foreign-key problems' }, check.foreignKeyProblems),
          ctx.field({ zh: '文件大小', en: 'File size' }, formatBytes(check.sizeBytes)),
          ...check.problems.map((p) => `  - ${p}`),
        ];
        return { data: check, text: lines.join('\n'), exitCode: isOk ? 0 : 1 };
      },
    },
  ],
};
