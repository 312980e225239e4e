import { blockTitle } from '../../shared/domain/routine-defaults';
import { AppError } from '../../shared/errors';
import type { RoutineStatus } from '../../shared/rpc/contract';
import { localeOf } from '../cli-text';
import type { CommandContext, CommandGroup, CommandSpec, Text } from '../command';
import { AT_FLAG, atFlag } from './at-flag';

const BLOCK_ARG = { name: 'BLOCK', isOptional: true, help: { zh: '安排项的代号或名称（如 orders 或 订单处理）', en: 'Block key or its Chinese title (e.g. orders)' } };

function statusText(ctx: CommandContext, s: RoutineStatus): string {
  const locale = localeOf(ctx.lang);
  const lines = [ctx.field({ zh: '日期（北京时间）', en: 'Date (China time)' }, s.date)];
  if (s.running) {
    const minutes = Math.floor(s.running.spentSeconds / 60);
    lines.push(ctx.field({ zh: '进行中', en: 'Running' }, `${blockTitle(s.running, locale)}  ${minutes} / ${s.running.targetMinutes}`));
  } else if (s.paused) {
    lines.push(ctx.field({ zh: '已暂停', en: 'Paused' }, blockTitle(s.paused, locale)));
  } else {
    lines.push(ctx.t({ zh: '没有进行中的安排。', en: 'Nothing is running.' }));
  }
  lines.push(ctx.field({ zh: '已完成', en: 'Done' }, `${s.blocksDone} / ${s.blocksTotal}`));
  return lines.join('\n');
}

const action = (name: 'start' | 'pause' | 'resume' | 'finish', summary: Text): CommandSpec => ({
  name,
  summary,
  ...(name === 'pause' ? {} : { args: [BLOCK_ARG] }),
  flags: [AT_FLAG],
  async run(ctx, input) {
    const core = await ctx.core({ at: atFlag(input) });
    const block = input.args.BLOCK;
    let status: RoutineStatus;
    if (name === 'start') {
      // Without a name: the next planned block that is not finished (the running one is paused).
      const next = block ?? (await core.call('routine.status', {})).next?.key;
      if (next === undefined) throw new AppError('VALIDATION', 'every planned block is finished; name a block to start', { reason: 'nothing-to-start' });
      status = await core.call('routine.start', { block: next });
    } else if (name === 'pause') status = await core.call('routine.pause', {});
    else if (name === 'resume') status = await core.call('routine.resume', block === undefined ? {} : { block });
    else status = await core.call('routine.finish', block === undefined ? {} : { block });
    return { data: status, text: statusText(ctx, status) };
  },
});

export const routineCommands: CommandGroup = {
  name: 'routine',
  summary: { zh: '每日安排计时', en: 'Routine timer' },
  commands: [
    action('start', { zh: '开始一项安排（不写名称则开始下一项）；正在进行的会先暂停', en: 'Start a block (none named: the next one); a running block is paused first' }),
    action('pause', { zh: '暂停正在进行的安排', en: 'Pause the running block' }),
    action('resume', { zh: '继续一项安排（默认最近暂停的）', en: 'Resume a block (default: the last paused)' }),
    action('finish', { zh: '完成一项安排（默认正在进行的）', en: 'Finish a block (default: the running one)' }),
  ],
};
