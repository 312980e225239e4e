import { formatBp, formatFen } from '../../shared/domain/cost-stack';
import { PRODUCT_STAGES } from '../../shared/domain/sourcing-pipeline';
import type { CommandGroup } from '../command';
import { choiceOption, yuanOption } from '../option-values';

export const productCommands: CommandGroup = {
  name: 'products',
  summary: { zh: '选品：候选与上架商品', en: 'Sourcing: candidates and listed products' },
  commands: [
    {
      name: 'list',
      readsOnly: true,
      summary: { zh: '列出商品（可按阶段筛选）', en: 'List products (optionally by stage)' },
      flags: [
        { name: 'stage', type: 'string', valueName: 'STAGE', help: { zh: `阶段：${PRODUCT_STAGES.join('/')}`, en: `Stage: ${PRODUCT_STAGES.join('/')}` } },
        { name: 'search', type: 'string', valueName: 'TEXT', help: { zh: '按标题、类目、商品ID 查找', en: 'Search title, category, product ID' } },
      ],
      async run(ctx, input) {
        const { flags } = input;
        const stage = choiceOption(input, 'stage', PRODUCT_STAGES);
        const core = await ctx.core();
        const products = await core.call('products.list', {
          ...(stage ? { stages: [stage] } : {}),
          ...(typeof flags.search === 'string' ? { search: flags.search } : {}),
        });
        const lines = products.map((p) => {
          const margin = p.costStack.atPlanned ? formatBp(p.costStack.atPlanned.marginBp) : '-';
          const price = p.plannedPriceFen === null ? '-' : formatFen(p.plannedPriceFen);
          return `#${p.id}  [${p.stage}]  ${p.title}  ¥${price}  ${margin}  ${p.orders.orders30}`;
        });
        const header = ctx.t({ zh: `共 ${products.length} 个商品（编号 阶段 标题 计划价 毛利率 30天订单）`, en: `${products.length} products (id stage title planned-price margin orders-30d)` });
        return { data: products, text: [header, ...lines].join('\n') };
      },
    },
    {
      name: 'add',
      summary: { zh: '快速记录一个候选商品：链接（或分享文字）和可选价格', en: 'Capture a candidate: a link (or share text) and an optional price' },
      args: [{ name: 'link', help: { zh: '商品链接或分享文字', en: 'Product link or share text' } }],
      flags: [{ name: 'price', type: 'string', valueName: 'YUAN', help: { zh: '进货价（元）', en: 'Cost price (yuan)' } }],
      async run(ctx, input) {
        const { args } = input;
        const priceFen = yuanOption(input, 'price');
        const core = await ctx.core();
        const result = await core.call('products.capture', { text: args.link ?? '', ...(priceFen === undefined ? {} : { priceFen }) });
        const lines = [
          ctx.field({ zh: '已记录候选', en: 'Captured candidate' }, `#${result.product.id} ${result.product.title}`),
          ...result.duplicates.map((d) => ctx.t({ zh: `  可能重复：#${d.id} ${d.title}（${d.stage}）`, en: `  Possible duplicate: #${d.id} ${d.title} (${d.stage})` })),
        ];
        return { data: result, text: lines.join('\n') };
      },
    },
  ],
};
