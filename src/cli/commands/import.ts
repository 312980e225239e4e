import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import { KIND_NAMES } from '../../shared/i18n/import-messages';
import type { FileOutcome, ImportRunOutcome } from '../../shared/rpc/contract';
import { localeOf } from '../cli-text';
import type { CommandContext, CommandGroup } from '../command';

/** The `shopdesk import --json` shape, one object per file (kept stable for scripts; see issue 3). */
export type ImportJson =
  | { file: string; kind: string; lines: number; inserted: number; updated: number; unchanged: number; errors: { line: number | null; column: string | null; code: string; message: string }[] }
  | { file: string; refused: true; code: string; message: string };

/** Issues printed per file in text mode; --json always has all the listed ones. */
const TEXT_ISSUES = 20;

/**
 * A file is named as it was given on the command line (a zip member as `given › member`), so a
 * script can match outcomes to its arguments.
 */
function namedAsGiven(outcomes: readonly (FileOutcome | ImportRunOutcome)[], given: readonly string[]): (FileOutcome | ImportRunOutcome)[] {
  return outcomes.map((o) => {
    const path = o.source === undefined ? undefined : given[o.source];
    if (path === undefined) return o;
    const base = basename(path);
    return o.file.startsWith(base) ? { ...o, file: `${path}${o.file.slice(base.length)}` } : o;
  });
}

export const toImportJson = (o: FileOutcome | ImportRunOutcome): ImportJson =>
  o.refused
    ? { file: o.file, refused: true, code: o.code, message: o.message }
    : {
        file: o.file,
        kind: o.kind,
        lines: o.lines,
        inserted: o.inserted,
        updated: o.updated,
        unchanged: o.unchanged,
        errors: o.issues.map(({ line, column, code, message }) => ({ line, column, code, message })),
      };

function outcomeText(ctx: CommandContext, o: FileOutcome | ImportRunOutcome, dryRun: boolean): string {
  const t = (zh: string, en: string) => ctx.t({ zh, en });
  if (o.refused) return `✗ ${ctx.field({ zh: o.file, en: o.file }, o.message)}`;
  const kind = KIND_NAMES[o.kind][localeOf(ctx.lang)];
  const counts = [
    t(`${o.lines} 行`, `${o.lines} lines`),
    t(`新增 ${o.inserted}`, `new ${o.inserted}`),
    t(`更新 ${o.updated}`, `changed ${o.updated}`),
    t(`未变 ${o.unchanged}`, `unchanged ${o.unchanged}`),
    ...(o.duplicatesInFile > 0 ? [t(`文件内重复 ${o.duplicatesInFile}`, `repeated in the file ${o.duplicatesInFile}`)] : []),
    ...(o.skippedOlder > 0 ? [t(`跳过（较旧或无导出时间） ${o.skippedOlder}`, `skipped: older or undated ${o.skippedOlder}`)] : []),
    ...(o.skippedWithIssues > 0 ? [t(`有问题跳过 ${o.skippedWithIssues}`, `skipped with problems ${o.skippedWithIssues}`)] : []),
  ];
  const head = `✓ ${o.file}  ${kind} (${o.layout}, ${o.encoding})  ${counts.join(t('，', ', '))}`;
  const notes = [
    ...(dryRun ? [t('  预览：没有写入任何数据。', '  Preview: nothing was written.')] : []),
    ...(o.alreadyImported ? [t('  这个文件以前导入过（内容完全相同），这次没有写入。', '  This exact file was imported before; nothing was written this time.')] : []),
    ...o.issues.slice(0, TEXT_ISSUES).map((i) => `  - ${i.message}`),
    ...(o.issues.length > TEXT_ISSUES ? [t(`  …还有 ${o.issueCount - TEXT_ISSUES} 个问题（用 --json 查看）`, `  …${o.issueCount - TEXT_ISSUES} more problems (see --json)`)] : []),
  ];
  return [head, ...notes].join('\n');
}

export const importCommands: CommandGroup = {
  name: 'import',
  summary: { zh: '导入抖店导出的文件', en: 'Import Douyin shop back-office exports' },
  commands: [],
  defaultCommand: {
    name: '',
    summary: {
      zh: '导入订单、资金流水、结算账单、售后导出（CSV、xlsx 或 zip），每个文件全部导入或完全不导入；有文件被拒绝时退出码为 2',
      en: 'Import order, funds-flow, settlement and after-sales exports (CSV, xlsx or zip), each file all or nothing; exit code 2 when a file is refused',
    },
    args: [{ name: 'FILE', help: { zh: '一个或多个导出文件', en: 'One or more export files' }, isVariadic: true }],
    flags: [{ name: 'dry-run', type: 'boolean', help: { zh: '只检查和预览，不写入', en: 'Check and preview only; write nothing' } }],
    async run(ctx, { lists, flags }) {
      const files = lists.FILE ?? [];
      if (files.length > 50) throw new AppError('VALIDATION', 'at most 50 files per import', { issues: [{ path: 'FILE', message: 'at most 50 files' }] });
      // A dry run only previews: on a folder without a database it says so instead of creating one.
      const core = await ctx.core({ readsOnly: flags['dry-run'] === true });
      const sources = files.map((path) => ({ type: 'path' as const, path }));
      const locale = localeOf(ctx.lang);
      const dryRun = flags['dry-run'] === true;
      const raw = dryRun
        ? await core.call('imports.preview', { sources, locale })
        : await core.call('imports.run', { jobId: `cli-${process.pid}-${Date.now()}`, sources, locale });
      const outcomes = namedAsGiven(raw, files);
      const refused = outcomes.filter((o) => o.refused);
      // A refused file is the user's to fix (exit 2); a file that failed inside the app is exit 1.
      const exitCode = refused.some((o) => o.refused && o.code === 'INTERNAL') ? 1 : refused.length > 0 ? 2 : 0;
      return { data: outcomes.map(toImportJson), text: outcomes.map((o) => outcomeText(ctx, o, dryRun)).join('\n'), exitCode };
    },
  },
};
