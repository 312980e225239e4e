import { campaignName } from '../../shared/domain/campaign-calendar';
import { isBelowFloor } from '../../shared/domain/campaign-price-floor';
import { formatBp, formatFen } from '../../shared/domain/cost-stack';
import { localeOf } from '../cli-text';
import type { CampaignSummary, PriceFloorFlag } from '../../shared/rpc/domains/campaigns';
import type { CommandGroup, CommandContext, Text } from '../command';
import { countOption } from '../option-values';
import { AT_FLAG, atFlag } from './at-flag';

/**
 * The `shopdesk campaigns --json` shape, kept stable for scripts: days are China dates, money fen,
 * margins bp; `open` = sign-up open today; each product's `flags` are the price-floor check's. `name` is
 * as stored (a seeded campaign's Chinese name); the text output names it in the chosen language.
 */
export const campaignsJson = (campaigns: readonly CampaignSummary[]) =>
  campaigns.map((c) => ({
    id: c.id,
    name: c.name,
    origin: c.origin,
    status: c.status,
    signupStart: c.signupStart,
    signupDeadline: c.signupDeadline,
    runStart: c.runStart,
    runEnd: c.runEnd,
    datesEstimated: c.datesEstimated,
    open: c.isOpen,
    tools: [...c.tools],
    products: c.products.map((p) => ({
      productId: p.productId,
      title: p.title,
      priceFen: p.priceFen,
      breakEvenFen: p.check.breakEvenFen,
      marginFloorFen: p.check.marginFloorFen,
      targetMarginBp: p.check.targetMarginBp,
      profitFen: p.check.profitFen,
      marginBp: p.check.marginBp,
      flags: [...p.check.flags],
    })),
  }));

const STATUS: Record<CampaignSummary['status'], Text> = {
  planned: { zh: '未报名', en: 'not signed up' },
  signedUp: { zh: '已报名', en: 'signed up' },
  skipped: { zh: '不参加', en: 'skipped' },
};

const yuan = (fen: number | null): string => (fen === null ? '—' : `¥${formatFen(fen)}`);

function flagText(ctx: CommandContext, flag: PriceFloorFlag, p: CampaignSummary['products'][number]): string {
  if (flag === 'belowBreakEven') return ctx.t({ zh: `低于保本价 ${yuan(p.check.breakEvenFen)}`, en: `below break-even ${yuan(p.check.breakEvenFen)}` });
  if (flag === 'belowTargetMargin')
    return ctx.t({ zh: `低于目标毛利 ${formatBp(p.check.targetMarginBp)} 的最低价 ${yuan(p.check.marginFloorFen)}`, en: `below ${yuan(p.check.marginFloorFen)}, the lowest price keeping the ${formatBp(p.check.targetMarginBp)} target margin` });
  return ctx.t({ zh: '未填写进货价，无法核对', en: 'no cost price recorded: cannot be checked' });
}

function campaignText(ctx: CommandContext, c: CampaignSummary): string[] {
  const signup = c.signupDeadline === null ? ctx.t({ zh: '无需报名', en: 'no sign-up' }) : ctx.t({ zh: `报名 ${c.signupStart ?? '—'} 至 ${c.signupDeadline}`, en: `sign-up ${c.signupStart ?? '—'} to ${c.signupDeadline}` });
  const marks = [ctx.t(STATUS[c.status]), c.isOpen ? ctx.t({ zh: '报名中', en: 'open' }) : '', c.datesEstimated ? ctx.t({ zh: '日期为预估', en: 'estimated dates' }) : ''].filter((m) => m !== '');
  return [
    `#${c.id}  ${campaignName(c, localeOf(ctx.lang))}  [${marks.join(' · ')}]`,
    `    ${signup} · ${ctx.t({ zh: `活动 ${c.runStart} 至 ${c.runEnd}`, en: `runs ${c.runStart} to ${c.runEnd}` })}`,
    ...c.products.map((p) => {
      const flags = p.check.flags.map((f) => flagText(ctx, f, p));
      const figures = ctx.t({ zh: `利润 ${yuan(p.check.profitFen)}，毛利率 ${formatBp(p.check.marginBp)}`, en: `profit ${yuan(p.check.profitFen)}, margin ${formatBp(p.check.marginBp)}` });
      return `    ${isBelowFloor(p.check) ? '⚠' : '·'} ${p.title}  ${yuan(p.priceFen)}  ${figures}${flags.length > 0 ? `  — ${flags.join('; ')}` : ''}`;
    }),
  ];
}

export const campaignCommands: CommandGroup = {
  name: 'campaigns',
  summary: { zh: '活动报名：平台活动日历和自己的活动', en: 'Campaigns: the platform calendar and your own' },
  commands: [],
  defaultCommand: {
    name: '',
    readsOnly: true,
    summary: {
      zh: '列出今年的活动（报名时间、活动时间、参加的商品和活动价是否低于保本价或目标毛利）',
      en: "List this year's campaigns (sign-up and run dates, products entered, and whether a campaign price is below break-even or the target margin)",
    },
    flags: [
      { name: 'open', type: 'boolean', help: { zh: '只列出现在可以报名的活动', en: 'Only those open for sign-up now' } },
      { name: 'year', type: 'string', valueName: 'YYYY', help: { zh: '列出这一年的活动（默认今年，北京时间）', en: 'List this year (default: the current year, China time)' } },
      AT_FLAG,
    ],
    async run(ctx, input) {
      const year = countOption(input, 'year', 2000, 2100);
      const open = input.flags.open === true;
      const core = await ctx.core({ at: atFlag(input) });
      const campaigns = await core.call('campaigns.list', { ...(open ? { open } : {}), ...(year === undefined ? {} : { year }) });
      const header = open
        ? ctx.t({ zh: `现在可以报名的活动 ${campaigns.length} 个`, en: `${campaigns.length} campaign(s) open for sign-up now` })
        : ctx.t({ zh: `共 ${campaigns.length} 个活动`, en: `${campaigns.length} campaign(s)` });
      return { data: campaignsJson(campaigns), text: [header, ...campaigns.flatMap((c) => campaignText(ctx, c))].join('\n') };
    },
  },
};
