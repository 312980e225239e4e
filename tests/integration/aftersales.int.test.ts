import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../src/shared/clock';
import type { AppError } from '../../src/shared/errors';
import { validationMessage } from '../../src/shared/i18n/validation-messages';
import { issuesFromDetails } from '../../src/shared/validation/issues';
import { createCore, type Core } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { writeAftersalesExport } from '../helpers/aftersales-exports';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const FIXTURES = join(__dirname, '../fixtures/douyin');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
/** Order 6938412705519813043 has two lines (四件套 + 赠品) with one after-sale each (DOUYIN_EXPORTS.md §5: "One sub-order can have several after-sales records"). */
const TWO_LINE_ORDER = '6938412705519813043';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

async function start(at = '2026-09-01T04:00:00.000Z') {
  // A clock that stands still, so countdowns do not depend on how long the imports took.
  const base = new Date(at);
  const clock = new AdjustableClock({ now: () => new Date(base) });
  const dataDir = tempDir();
  core = await createCore({ dataDir, log: silentLogger, testingClock: clock });
  return { core, clock, files: tempDir() };
}

/** The fixtures: the order export (layout A) and the after-sales export of the same orders. */
async function importFixtures(c: Core, files: string) {
  for (const name of ['orders-a.csv', 'aftersales.csv']) {
    const path = join(files, name);
    copyFileSync(join(FIXTURES, name), path);
    await c.call('imports.run', { jobId: `aftersales-${name.replace('.csv', '')}`, sources: [{ type: 'path', path }] });
  }
}

describe('after-sales cases over the fixtures', () => {
  it('joins the after-sales export to the order lines by 商品单号 / 订单号', async () => {
    const { core, files } = await start();
    await importFixtures(core, files);
    const list = await core.call('aftersales.list', {});
    expect(list.total).toBe(6);
    // §3.2: 售后待处理 is still open, 退款成功 is money returned.
    expect(list.counts).toMatchObject({ all: 6, open: 3, arbitration: 0, unmapped: 0 });
    const byKey = new Map(list.rows.map((r) => [r.caseKey, r]));
    const robot = byKey.get('1438412705519823245/6938412705519823245');
    expect(robot).toMatchObject({ orderId: '6938412705519823245', productTitle: '智能扫地机器人 扫拖一体 自动集尘', type: 'return_refund', status: '退款成功', open: false, refundGoodsFen: 278_800, buyerRefundFen: 278_800, reason: '不想要了' });
    // Open cases come first.
    expect(list.rows.slice(0, 3).every((r) => r.open)).toBe(true);

    const order = await core.call('aftersales.forOrder', { orderId: TWO_LINE_ORDER });
    expect(order.lines.map((l) => l.subOrderId)).toEqual([TWO_LINE_ORDER, '6938412705519813044']);
    expect(order.cases.map((c) => [c.subOrderId, c.type, c.typeText]).sort()).toEqual([
      [TWO_LINE_ORDER, 'refund_unshipped', '未发货仅退款'],
      ['6938412705519813044', 'return_refund', '退货退款'],
    ]);
    expect(await core.call('aftersales.list', { type: 'refund_unshipped' })).toMatchObject({ total: 3 });
    expect((await core.call('aftersales.list', { search: `\t${TWO_LINE_ORDER}` })).total).toBe(2);
    await expect(core.call('aftersales.forOrder', { orderId: '1234567' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows the return card of the line’s supplier, or says which supplier lacks an address', async () => {
    const { core, files } = await start();
    await importFixtures(core, files);
    const key = '1438412705519815397/6938412705519815397';
    expect((await core.call('aftersales.get', { caseKey: key })).returnCard).toEqual({ status: 'no_supplier' });

    const supplier = await core.call('suppliers.create', { name: '义乌榨汁杯厂', contactPerson: '王强', phone: '13800138000' });
    // The purchase of that line names the supplier (purchases.assignSupplier creates one for the order).
    await core.call('purchases.assignSupplier', { orderIds: ['6938412705519815397'], supplierId: supplier.id });
    const noAddress = await core.call('aftersales.get', { caseKey: key });
    expect(noAddress).toMatchObject({ supplierId: supplier.id, supplierSource: 'purchase', returnCard: { status: 'no_address', supplierId: supplier.id, supplierName: '义乌榨汁杯厂' } });

    await core.call('suppliers.addAddress', { supplierId: supplier.id, address: { provinceCode: '33', cityCode: '3307', districtCode: '330782', street: '福田街道 国际商贸城 3 区', recipient: '王五', phone: '13800138000' } });
    await core.call('suppliers.setRules', { id: supplier.id, rules: { noReason7Day: true, postagePayer: 'supplier', damagedHandling: '拍照补发', refusedParcel: '', windowDays: 7, notes: '' } });
    const card = await core.call('aftersales.get', { caseKey: key });
    expect(card.returnCard).toMatchObject({ status: 'ok', supplierName: '义乌榨汁杯厂', copyText: '王五 13800138000 浙江省 金华市 义乌市 福田街道 国际商贸城 3 区', rules: { noReason7Day: true, postagePayer: 'supplier', damagedHandling: '拍照补发' } });
    expect(card.fillValues).toEqual({ 订单号: '6938412705519815397', 商品: '便携榨汁杯 无线充电 小型家用', 金额: '59.90', 退货地址: '王五 13800138000 浙江省 金华市 义乌市 福田街道 国际商贸城 3 区', 运单号: null });
  });

  it('records the supplier side and the owed balance per supplier, in fen', async () => {
    const { core, files } = await start();
    await importFixtures(core, files);
    const s = await core.call('suppliers.create', { name: '南通家纺' });
    const key = `1438412705519813043/${TWO_LINE_ORDER}`;
    await core.call('aftersales.update', { caseKey: key, patch: { supplierId: s.id, forwardTracking: 'SF1234567890', forwardCourier: '顺丰', supplierClaimFen: 12_900 } });
    let balances = await core.call('aftersales.supplierBalances', {});
    expect(balances).toEqual({ suppliers: [{ supplierId: s.id, supplierName: '南通家纺', cases: 1, claimFen: 12_900, refundedFen: 0, owedFen: 12_900, openCases: 1 }], totalOwedFen: 12_900 });

    // "Refunded yes" needs how much: refused naming the field, nothing written.
    const refused = await core.call('aftersales.update', { caseKey: key, patch: { supplierRefunded: true } }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'patch.supplierRefundFen', field: 'supplierRefund', problem: 'required' }] } });
    const issue = issuesFromDetails((refused as AppError).details)[0];
    expect(issue && [validationMessage(issue, 'zh-CN'), validationMessage(issue, 'en-US')]).toEqual(['请填写供应商已退金额', 'Refunded by the supplier is required']);
    expect((await core.call('aftersales.get', { caseKey: key })).supplierRefunded).toBeNull();
    const partly = await core.call('aftersales.update', { caseKey: key, patch: { supplierRefunded: true, supplierRefundFen: 10_000 } });
    expect(partly).toMatchObject({ supplierRefunded: true, supplierRefundFen: 10_000, owedFen: 2900, forwardTracking: 'SF1234567890' });
    const one = await core.call('suppliers.owedBalance', { id: s.id });
    expect(one).toMatchObject({ supplierName: '南通家纺', owedFen: 2900, claimFen: 12_900, refundedFen: 10_000 });
    expect(one.caseRows.map((r) => r.caseKey)).toEqual([key]);
    balances = await core.call('aftersales.supplierBalances', {});
    expect(balances.totalOwedFen).toBe(2900);

    // A hand-made case with a claim counts too, and an imported one whose supplier comes from the
    // line's purchase (no supplier on the case); a case with a supplier but no claim owes nothing.
    const other = await core.call('suppliers.create', { name: '义乌榨汁杯厂' });
    const made = await core.call('aftersales.create', { subOrderId: '6938412705519813044', type: 'reship' });
    await core.call('aftersales.update', { caseKey: made.caseKey, patch: { supplierId: other.id, supplierClaimFen: 500 } });
    await core.call('purchases.assignSupplier', { orderIds: ['6938412705519815397'], supplierId: other.id });
    await core.call('aftersales.update', { caseKey: '1438412705519815397/6938412705519815397', patch: { supplierClaimFen: 5990 } });
    await core.call('aftersales.update', { caseKey: '1438412705519810846/6938412705519810846', patch: { supplierId: s.id } });
    balances = await core.call('aftersales.supplierBalances', {});
    expect(balances).toEqual({
      suppliers: [
        { supplierId: other.id, supplierName: '义乌榨汁杯厂', cases: 2, claimFen: 6490, refundedFen: 0, owedFen: 6490, openCases: 2 },
        { supplierId: s.id, supplierName: '南通家纺', cases: 1, claimFen: 12_900, refundedFen: 10_000, owedFen: 2900, openCases: 1 },
      ],
      totalOwedFen: 9390,
    });
    expect((await core.call('suppliers.owedBalance', { id: other.id })).caseRows.map((r) => r.caseKey).sort()).toEqual(['1438412705519815397/6938412705519815397', made.caseKey].sort());

    // An imported case's own fields are the export's.
    await expect(core.call('aftersales.update', { caseKey: key, patch: { reason: '别的' } })).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'patch.reason', field: 'aftersaleReason' }] } });
    await expect(core.call('suppliers.owedBalance', { id: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('closes with a cause and groups the causes by product and supplier', async () => {
    const { core, files } = await start();
    await importFixtures(core, files);
    const causes = await core.call('aftersales.causes', {});
    const quality = causes.find((c) => c.builtin === 'quality');
    const added = await core.call('aftersales.addCause', { name: '包装简陋' });
    await expect(core.call('aftersales.addCause', { name: '包装简陋' })).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ field: 'causeName', problem: 'duplicate' }] } });
    const closed = await core.call('aftersales.close', { caseKey: `1438412705519813043/${TWO_LINE_ORDER}`, causeId: quality!.id, note: '面料起球' });
    expect(closed).toMatchObject({ open: false, causeName: '质量问题', closeNote: '面料起球' });
    await core.call('aftersales.close', { caseKey: '1438412705519810846/6938412705519810846', causeId: added.id });
    await core.call('aftersales.close', { caseKey: '1438412705519815397/6938412705519815397', causeId: quality!.id });
    // A hand-made case closed with a cause counts as well; one left open does not.
    const made = await core.call('aftersales.create', { subOrderId: '6938412705519813044', type: 'reship' });
    await core.call('aftersales.close', { caseKey: made.caseKey, causeId: added.id });
    await core.call('aftersales.create', { subOrderId: '6938412705519813044', type: 'reship' });
    const report = await core.call('aftersales.causeReport', {});
    expect(report.closed).toBe(4);
    expect(report.rows.map((r) => [r.productTitle, r.total, r.causes.map((c) => `${c.name}×${c.count}`)])).toEqual([
      ['【现货速发】加厚珊瑚绒四件套 冬季保暖床单被套', 2, ['质量问题×1', '包装简陋×1']],
      ['【赠品】替换配件', 1, ['包装简陋×1']],
      ['便携榨汁杯 无线充电 小型家用', 1, ['质量问题×1']],
    ]);
    expect((await core.call('aftersales.list', { open: true })).total).toBe(2);
    const reopened = await core.call('aftersales.reopen', { caseKey: '1438412705519810846/6938412705519810846' });
    expect(reopened).toMatchObject({ open: true, causeId: null });
  });

  it('keeps evidence files in backups and refuses what is not an image', async () => {
    const { core, files } = await start();
    await importFixtures(core, files);
    const key = '1438412705519823245/6938412705519823245';
    await expect(core.call('aftersales.addFile', { caseKey: key, fileName: 'x.txt', dataBase64: Buffer.from('hello world, not an image').toString('base64') })).rejects.toMatchObject({ code: 'VALIDATION', details: { reason: 'not_image' } });
    await expect(core.call('aftersales.addNote', { caseKey: key, text: '   ' })).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'text', field: 'evidenceNote', problem: 'required' }] } });
    const note = await core.call('aftersales.addNote', { caseKey: key, text: '买家聊天说收到时外箱破损' });
    const file = await core.call('aftersales.addFile', { caseKey: key, fileName: 'chat.png', dataBase64: PNG.toString('base64') });
    expect((await core.call('aftersales.get', { caseKey: key })).evidence.map((e) => [e.kind, e.note, e.fileName])).toEqual([['note', '买家聊天说收到时外箱破损', ''], ['file', '', 'chat.png']]);
    const backup = await core.call('backups.create', {});
    expect(await core.call('aftersales.removeEvidence', { id: file.id })).toEqual({ removed: true });
    await core.call('backups.restore', { id: backup.id });
    const back = await core.call('aftersales.evidenceFile', { id: file.id });
    expect(Buffer.from(back.dataBase64, 'base64').equals(PNG)).toBe(true);
    expect(note.id).toBeLessThan(file.id);
  });

  it('takes the deadline and arbitration from the export, maps unknown type texts, and reminds before the deadline', async () => {
    const { core, clock, files } = await start('2026-09-01T04:00:00.000Z'); // 12:00 China time
    await importFixtures(core, files);
    const path = writeAftersalesExport(files, 'aftersales-deadline.csv', [
      { 售后单号: '1438412705519899001', 订单号: '6938412705519815397', 商品单号: '6938412705519815397', 商品名称: '便携榨汁杯 无线充电 小型家用', 售后类型: '仅退款', '退商品金额(元)': '59.90', 售后状态: '售后待处理', 售后申请时间: '2026-09-01 09:00:00', 自动处理截止时间: '2026-09-01 20:00:00', 仲裁状态: '仲裁中' },
      { 售后单号: '1438412705519899002', 订单号: '6938412705519823245', 商品单号: '6938412705519823245', 售后类型: '退货退款', 售后状态: '待收退货', 售后申请时间: '2026-09-01 10:00:00', 自动处理截止时间: '2026-09-04 10:00:00', 仲裁状态: '待商家举证' },
    ]);
    await core.call('imports.run', { jobId: 'aftersales-deadline', sources: [{ type: 'path', path }] });
    let list = await core.call('aftersales.list', { soon: true });
    // Lead 12 h by default: 20:00 is 8 h away, the 4th is not soon.
    expect(list.rows.map((r) => [r.aftersaleId, r.type, r.arbitration, r.countdown.state, r.countdown.hours])).toEqual([['1438412705519899001', 'unknown', 'in_arbitration', 'soon', 8]]);
    expect(list.counts).toMatchObject({ arbitration: 2, unmapped: 1 });
    expect((await core.call('aftersales.vocabulary', {})).unmapped).toEqual([{ text: '仅退款', cases: 1 }]);
    await core.call('aftersales.setMapping', { text: '仅退款', type: 'refund_shipped' });
    list = await core.call('aftersales.list', { soon: true });
    expect(list.rows[0]?.type).toBe('refund_shipped');
    expect((await core.call('aftersales.vocabulary', {})).unmapped).toEqual([]);

    const reminders = (await core.call('reminders.due', { locale: 'zh-CN' })).reminders.filter((r) => r.kind === 'aftersales.deadline');
    expect(reminders.map((r) => [r.key, r.title])).toEqual([['aftersales.deadline:1438412705519899001/6938412705519815397:2026-09-01 20:00:00', '售后 6938412705519815397 将在 12 小时内被平台自动处理']]);
    // A shorter lead: not due yet at 12:00 for a 20:00 deadline.
    await core.call('aftersales.updateSettings', { leadHours: 4 });
    expect((await core.call('reminders.due', { locale: 'zh-CN' })).reminders.filter((r) => r.kind === 'aftersales.deadline')).toEqual([]);
    clock.set(new Date('2026-09-01T08:30:00.000Z')); // 16:30 China time
    expect((await core.call('reminders.due', { locale: 'en-US' })).reminders.filter((r) => r.kind === 'aftersales.deadline').map((r) => r.params.hours)).toEqual([4]);
    await expect(core.call('aftersales.updateSettings', { leadHours: 0 })).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'leadHours', field: 'aftersaleLeadHours', problem: 'range' }] } });
  });

  it('opens a case by hand from an order line', async () => {
    const { core, files } = await start();
    await importFixtures(core, files);
    await expect(core.call('aftersales.create', { subOrderId: '6938412705519813044', type: 'reship', deadlineAt: '2026-09-31 10:00' })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'deadlineAt', field: 'aftersaleDeadline', problem: 'format' }] },
    });
    await expect(core.call('aftersales.create', { subOrderId: '6938412705519813044', type: 'reship', refundFen: 12.5 })).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'refundFen', field: 'aftersaleRefund' }] } });
    const made = await core.call('aftersales.create', { subOrderId: '6938412705519813044', type: 'reship', reason: '配件漏发', deadlineAt: '2026-09-02 10:00' });
    expect(made).toMatchObject({ origin: 'manual', orderId: TWO_LINE_ORDER, type: 'reship', typeText: '补寄', reason: '配件漏发', open: true, deadlineAt: '2026-09-02 10:00:00', productTitle: '【赠品】替换配件' });
    const moved = await core.call('aftersales.update', { caseKey: made.caseKey, patch: { arbitration: 'awaiting_evidence', refundFen: 500 } });
    expect(moved).toMatchObject({ arbitration: 'awaiting_evidence', refundGoodsFen: 500 });
    expect((await core.call('aftersales.forOrder', { orderId: TWO_LINE_ORDER })).cases).toHaveLength(3);
    await expect(core.call('aftersales.get', { caseKey: 'm999' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('supplier refunds reach the profit', () => {
  it('a case whose supplier refunded counts in the order’s profit as recorded', async () => {
    const { core, files } = await start();
    await importFixtures(core, files);
    const orderId = '6938412705519815397';
    const before = await core.call('purchases.forOrder', { orderId });
    expect(before.profit.supplierRefund).toEqual({ fen: 0, basis: 'missing' });
    await core.call('aftersales.update', { caseKey: `1438412705519815397/${orderId}`, patch: { supplierClaimFen: 2350, supplierRefunded: true, supplierRefundFen: 2350 } });
    const after = await core.call('purchases.forOrder', { orderId });
    expect(after.profit.supplierRefund).toEqual({ fen: 2350, basis: 'recorded' });
    expect(after.profit.profitFen - before.profit.profitFen).toBe(2350);
  });
});
