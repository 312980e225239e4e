import { INFLUENCER_STAGES, SAMPLE_STATE_LABELS, STAGE_LABELS, type InfluencerStage } from '../../shared/domain/influencer-pipeline';
import type { CommandGroup } from '../command';
import { choiceOption } from '../option-values';
import { AT_FLAG, atFlag } from './at-flag';

const yuan = (fen: number): string => (fen / 100).toFixed(2);

export const influencerCommands: CommandGroup = {
  name: 'influencers',
  summary: { zh: '达人（联系、寄样、带货销售）', en: 'Influencers (contacts, samples, attributed sales)' },
  commands: [
    {
      name: 'list',
      readsOnly: true,
      summary: { zh: '列出达人、带货销售和寄样（包括从订单里发现的达人）', en: 'List influencers with attributed sales and samples (those found in orders too)' },
      flags: [
        {
          name: 'stage',
          type: 'string',
          valueName: 'S',
          help: { zh: `只列出这个阶段：${INFLUENCER_STAGES.map((s) => `${s}（${STAGE_LABELS[s].zh}）`).join('、')}`, en: `Only this stage: ${INFLUENCER_STAGES.join(', ')}` },
        },
        AT_FLAG,
      ],
      async run(ctx, input) {
        const stage: InfluencerStage | undefined = choiceOption(input, 'stage', INFLUENCER_STAGES);
        const core = await ctx.core({ at: atFlag(input) });
        const list = await core.call('influencers.list', stage === undefined ? {} : { stage });
        const data = list.map((i) => ({ id: i.id, douyinId: i.douyinId, nickname: i.nickname, stage: i.stage, source: i.source, sales: i.sales, samples: i.samples }));
        const lines = list.map((i) =>
          ctx.t({
            zh: `#${i.id}  ${i.nickname || '（无昵称）'}  ${i.douyinId || '—'}  ${STAGE_LABELS[i.stage].zh}${i.source === 'orders' ? '  [来自订单]' : ''}  ${i.sales.orders} 单 / ${i.sales.lines} 行 ¥${yuan(i.sales.amountFen)}（退款 ¥${yuan(i.sales.refundedFen)}）  寄样 ${i.samples.sent}/签收 ${i.samples.signed}/出内容 ${i.samples.withContent}`,
            en: `#${i.id}  ${i.nickname || '(no nickname)'}  ${i.douyinId || '—'}  ${STAGE_LABELS[i.stage].en}${i.source === 'orders' ? '  [from orders]' : ''}  ${i.sales.orders} orders / ${i.sales.lines} lines ¥${yuan(i.sales.amountFen)} (refunded ¥${yuan(i.sales.refundedFen)})  samples ${i.samples.sent} sent/${i.samples.signed} signed/${i.samples.withContent} with content`,
          }),
        );
        const header = ctx.t({ zh: `共 ${list.length} 个达人`, en: `${list.length} influencers` });
        return { data, text: [header, ...lines].join('\n') };
      },
    },
  ],
};

export const sampleCommands: CommandGroup = {
  name: 'samples',
  summary: { zh: '寄样台账', en: 'Sample ledger' },
  commands: [],
  defaultCommand: {
    name: '',
    readsOnly: true,
    summary: { zh: '列出寄样（--due：只列出未按时签收或未按时出内容的）', en: 'List samples (--due: only those not signed or without content in time)' },
    flags: [{ name: 'due', type: 'boolean', help: { zh: '只列出已逾期的：寄出多天未签收、过了截止日未出内容', en: 'Only late ones: sent but not signed for days, or content past its due date' } }, AT_FLAG],
    async run(ctx, input) {
      const core = await ctx.core({ at: atFlag(input) });
      const list = await core.call('samples.list', input.flags.due === true ? { due: true } : {});
      const lines = list.map((s) => {
        const late = s.due?.isLate
          ? ctx.t(s.due.rule === 'unsigned' ? { zh: `  ⚠ ${s.due.dueOn} 起未签收`, en: `  ⚠ not signed since ${s.due.dueOn}` } : { zh: `  ⚠ ${s.due.dueOn} 起未出内容`, en: `  ⚠ no content since ${s.due.dueOn}` })
          : '';
        return `#${s.id}  ${s.influencerNickname}  ${s.productTitle}  ${ctx.t(SAMPLE_STATE_LABELS[s.state])}  ¥${yuan(s.costFen + s.freightFen)}${s.trackingNo ? `  ${s.trackingNo}` : ''}${late}`;
      });
      const header = ctx.t({ zh: `共 ${list.length} 个样品`, en: `${list.length} samples` });
      return { data: list, text: [header, ...lines].join('\n') };
    },
  },
};
