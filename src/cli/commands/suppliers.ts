import { formatReturnAddress } from '../../shared/domain/return-address';
import type { CommandGroup } from '../command';

export const supplierCommands: CommandGroup = {
  name: 'suppliers',
  summary: { zh: '供应商与退货地址', en: 'Suppliers and return addresses' },
  commands: [
    {
      name: 'list',
      readsOnly: true,
      summary: { zh: '列出供应商、退货地址和提醒', en: 'List suppliers, return addresses and warnings' },
      flags: [{ name: 'search', type: 'string', valueName: 'TEXT', help: { zh: '按名称、微信、联系人查找', en: 'Search name, WeChat, contact' } }],
      async run(ctx, { flags }) {
        const core = await ctx.core();
        const suppliers = await core.call('suppliers.list', typeof flags.search === 'string' ? { search: flags.search } : {});
        const lines = suppliers.flatMap((s) => [
          `#${s.id}  ${s.name}${s.blacklisted ? ctx.t({ zh: `  [黑名单：${s.blacklistReason}]`, en: `  [blacklisted: ${s.blacklistReason}]` }) : ''}  ${s.scorecard.products}/${s.scorecard.orders}`,
          ...s.addresses.map((a) => `    ${formatReturnAddress(a)}`),
          ...s.warnings.map((w) =>
            ctx.t(w === 'missing_return_address' ? { zh: '    ⚠ 已出单，缺退货地址', en: '    ⚠ has orders but no return address' } : { zh: '    ⚠ 已出单，缺退货规则', en: '    ⚠ has orders but no return rules' }),
          ),
        ]);
        const header = ctx.t({ zh: `共 ${suppliers.length} 个供应商（编号 名称 商品数/订单数）`, en: `${suppliers.length} suppliers (id name products/orders)` });
        return { data: suppliers, text: [header, ...lines].join('\n') };
      },
    },
  ],
};
