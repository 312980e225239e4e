import { afterEach, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../src/shared/clock';
import { createCore, type Core } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import type { RpcEvent } from '../../src/shared/rpc/envelope';
import { line, writeExport } from '../helpers/purchase-exports';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const A = '6938425630014476219';
const B = '6938425630014476300';
const C = '6938425630014476400';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

async function start() {
  const clock = new AdjustableClock();
  clock.set(new Date('2026-09-01T04:00:00.000Z'));
  const dataDir = tempDir();
  core = await createCore({ dataDir, log: silentLogger, testingClock: clock });
  return { core, dataDir, files: tempDir() };
}

/** Resolves when the purchase listener has run after an import (it emits purchases.changed). */
const afterImport = (c: Core) =>
  new Promise<RpcEvent>((resolve) => {
    const off = c.onEvent((e) => {
      if (e.event === 'purchases.changed') {
        off();
        resolve(e);
      }
    });
  });

const firstExport = (files: string) =>
  writeExport(files, 1788220000, [
    line(A, A),
    line(B, `${B.slice(0, -1)}1`, { 选购商品: '纯棉短袖T恤', 商品ID: '3720011873304662931', 商家编码: 'TX-CM-BK-XL', 商品规格: '黑色;XL', 买家留言: '尺码拍错了，麻烦先别发' }),
    line(B, `${B.slice(0, -1)}2`, { 选购商品: '【赠品】替换杯盖', 商品ID: '3716630085112940217', 订单应付金额: '0.00', 商家实际承担优惠金额: '0.00' }),
    line(C, C, { 售后状态: '售后待处理' }),
  ]);

describe('purchases through the core', () => {
  it('lists orders to buy, records a purchase with a proof, refuses illegal moves, copies the message', async () => {
    const { core, files } = await start();
    const listened = afterImport(core);
    await core.call('imports.run', { jobId: 'purchases-1', sources: [{ type: 'path', path: firstExport(files) }] });
    await listened;

    let list = await core.call('purchases.list', {});
    expect(list.total).toBe(3);
    expect(list.rows.map((r) => [r.orderId, r.purchaseId, r.status])).toEqual([[A, null, 'pending'], [B, null, 'pending'], [C, null, 'pending']]);
    expect(list.rows.find((r) => r.orderId === C)?.refundRequested).toBe(true);
    expect(list.coverage).toEqual({ orders: 3, withRecordedCost: 0 });
    // Paging: a page past the end still answers the totals; order numbers pasted with Excel's tab match.
    expect(await core.call('purchases.list', { offset: 10 })).toEqual({ total: 3, rows: [], coverage: { orders: 3, withRecordedCost: 0 } });
    expect((await core.call('purchases.list', { limit: 1, offset: 1 })).rows.map((r) => r.orderId)).toEqual([B]);
    expect((await core.call('purchases.list', { orderId: `\t${C} ` })).rows.map((r) => r.orderId)).toEqual([C]);

    const supplier = await core.call('suppliers.create', { name: '义乌榨汁杯厂' });
    const created = await core.call('purchases.create', { orderId: A, fields: { supplierId: supplier.id } });
    expect(created).toMatchObject({ orderId: A, status: 'pending', supplierId: supplier.id, supplierName: '义乌榨汁杯厂' });
    expect(created.lines.map((l) => l.subOrderId)).toEqual([A]);

    // The supplier is now the product's default: order C's same product suggests it.
    const forC = await core.call('purchases.forOrder', { orderId: C });
    expect(forC.suggestedSupplierId).toBe(supplier.id);
    expect(forC.refundRequested).toBe(true);

    // Illegal moves are refused naming both states; exceptions need a note.
    const refused = await core.call('purchases.move', { ids: [created.id], to: 'shipped' });
    expect(refused.refused).toEqual([{ id: created.id, from: 'pending', to: 'shipped', problem: 'illegal_transition' }]);
    expect((await core.call('purchases.move', { ids: [created.id], to: 'out_of_stock' })).refused[0]?.problem).toBe('note_required');
    expect((await core.call('purchases.move', { ids: [created.id], to: 'ordered' })).moved).toEqual([created.id]);

    const channels = await core.call('purchases.channels', {});
    expect(channels.map((c) => c.builtin)).toEqual(['wechat', '1688', 'supply_chain', 'taobao', 'pinduoduo', 'other']);
    await expect(core.call('purchases.update', { id: created.id, patch: { trackingNo: 'YT 999' } })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(core.call('purchases.update', { id: created.id, patch: { amountFen: -1 } })).rejects.toMatchObject({ code: 'VALIDATION' });
    const updated = await core.call('purchases.update', {
      id: created.id,
      patch: { supplierOrderNo: 'YW-20260901-7', amountFen: 2350, paidAt: '2026-09-01T12:30:00+08:00', channelId: channels[0]!.id, trackingNo: 'YT999', courier: '圆通' },
    });
    expect(updated).toMatchObject({ amountFen: 2350, paidAt: '2026-09-01T04:30:00.000Z', channelName: '微信', trackingNo: 'YT999' });
    expect(updated.profit.purchaseCost).toEqual({ fen: 2350, basis: 'recorded' });

    await expect(core.call('purchases.addProof', { purchaseId: created.id, fileName: 'a.txt', dataBase64: Buffer.from('hello world!').toString('base64') })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'not_image' },
    });
    const proof = await core.call('purchases.addProof', { purchaseId: created.id, fileName: '转账截图.png', dataBase64: PNG.toString('base64') });
    expect(proof).toMatchObject({ mime: 'image/png', bytes: PNG.length, fileName: '转账截图.png' });
    expect((await core.call('purchases.move', { ids: [created.id], to: 'paid' })).moved).toEqual([created.id]);

    const messages = await core.call('purchases.messages', { supplierId: supplier.id, orderIds: [A, C] });
    expect(messages.messages.map((m) => m.orderId)).toEqual([A, C]);
    expect(messages.text).toContain(`【代发订单】订单号：${A}`);
    expect(messages.text).toContain('地址：四川省 成都市 武侯区 火车南站街道');
    expect(messages.text).toContain('————————');

    const view = await core.call('purchases.forOrder', { orderId: A });
    expect(view.purchases[0]!.events.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ['created', null, 'pending'], ['status', 'pending', 'ordered'], ['edited', null, null], ['proof_added', null, null], ['status', 'ordered', 'paid'],
    ]);
    expect(view.purchases[0]!.events[2]!.note).toBe('supplierOrderNo,amountFen,paidAt,channelId,trackingNo,courier');
    list = await core.call('purchases.list', { status: 'paid' });
    expect(list.rows.map((r) => [r.orderId, r.proofCount, r.amountFen])).toEqual([[A, 1, 2350]]);
    expect(list.coverage).toEqual({ orders: 1, withRecordedCost: 1 });
  });

  it('bulk: assigns a supplier to a selection, marks 已下单 / 已付款, refusing what cannot move', async () => {
    const { core, files } = await start();
    const listened = afterImport(core);
    await core.call('imports.run', { jobId: 'purchases-2', sources: [{ type: 'path', path: firstExport(files) }] });
    await listened;
    const supplier = await core.call('suppliers.create', { name: '广州服装档口' });
    const assigned = await core.call('purchases.assignSupplier', { orderIds: [A, B, '6938425630014479999'], supplierId: supplier.id });
    expect(assigned.created).toHaveLength(2);
    expect(assigned.skipped).toEqual([{ orderId: '6938425630014479999', problem: 'not_found' }]);
    const ordered = await core.call('purchases.move', { orderIds: [A, B, C], to: 'ordered' });
    expect(ordered.moved).toHaveLength(3);
    expect(ordered.created).toHaveLength(1);
    const paid = await core.call('purchases.move', { orderIds: [A, B], to: 'paid' });
    expect(paid.moved).toHaveLength(2);
    const again = await core.call('purchases.move', { orderIds: [A], to: 'paid' });
    expect(again.refused[0]).toMatchObject({ from: 'paid', to: 'paid', problem: 'same_status' });
    const forB = await core.call('purchases.forOrder', { orderId: B });
    expect(forB.purchases[0]!.lines).toHaveLength(2);
    // C's purchase, created by the move, took the supplier remembered for its product (A's) as default.
    expect((await core.call('purchases.list', { supplierId: supplier.id })).rows.map((r) => r.orderId)).toEqual([A, B, C]);
  });

  it('a later export showing the line shipped moves the purchase to 已发货, keeps both tracking numbers and flags a mismatch', async () => {
    const { core, files } = await start();
    let listened = afterImport(core);
    await core.call('imports.run', { jobId: 'purchases-3', sources: [{ type: 'path', path: firstExport(files) }] });
    await listened;
    const a = await core.call('purchases.create', { orderId: A, fields: { trackingNo: 'YT999' } });
    await core.call('purchases.move', { ids: [a.id], to: 'paid' });
    const b = await core.call('purchases.create', { orderId: C, fields: { trackingNo: 'SF0220481613112' } });
    await core.call('purchases.move', { ids: [b.id], to: 'ordered' });

    // DOUYIN_EXPORTS.md §1.4: 快递信息 "`运单号-快递公司,…` e.g. `SF0220481613112-顺丰速运,…`".
    const later = writeExport(files, 1788300000, [
      line(A, A, { 订单状态: '已发货', 发货时间: '2026-09-02 10:00:00', 快递信息: 'SF0220481613999-顺丰速运' }),
      line(C, C, { 订单状态: '已发货', 发货时间: '2026-09-02 11:00:00', 快递信息: 'SF0220481613112-顺丰速运' }),
    ]);
    listened = afterImport(core);
    await core.call('imports.run', { jobId: 'purchases-4', sources: [{ type: 'path', path: later }] });
    const event = await listened;
    expect((event.payload as { ids: number[] }).ids.sort()).toEqual([a.id, b.id].sort());

    const [va] = (await core.call('purchases.forOrder', { orderId: A })).purchases;
    expect(va).toMatchObject({ status: 'shipped', trackingNo: 'YT999', trackingMismatch: true, platformShippedAt: '2026-09-02 10:00:00' });
    expect(va!.platformTracking).toEqual([{ waybill: 'SF0220481613999', courier: '顺丰速运' }]);
    expect(va!.events.at(-1)).toMatchObject({ source: 'import', kind: 'status', fromStatus: 'paid', toStatus: 'shipped' });
    const [vc] = (await core.call('purchases.forOrder', { orderId: C })).purchases;
    expect(vc).toMatchObject({ status: 'shipped', trackingMismatch: false });

    // The seller corrects the supplier's number: the flag clears.
    const fixed = await core.call('purchases.update', { id: a.id, patch: { trackingNo: 'SF0220481613999' } });
    expect(fixed.trackingMismatch).toBe(false);
  });

  it('keeps the payment proof in backups: a restore brings it back', async () => {
    const { core, files } = await start();
    const listened = afterImport(core);
    await core.call('imports.run', { jobId: 'purchases-5', sources: [{ type: 'path', path: firstExport(files) }] });
    await listened;
    const p = await core.call('purchases.create', { orderId: A });
    const proof = await core.call('purchases.addProof', { purchaseId: p.id, fileName: 'proof.png', dataBase64: PNG.toString('base64') });
    const backup = await core.call('backups.create', {});
    expect(await core.call('purchases.removeProof', { id: proof.id })).toEqual({ removed: true });
    await expect(core.call('purchases.proof', { id: proof.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await core.call('backups.restore', { id: backup.id });
    const back = await core.call('purchases.proof', { id: proof.id });
    expect(Buffer.from(back.dataBase64, 'base64').equals(PNG)).toBe(true);
  });
});
