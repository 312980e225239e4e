import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { ManualClock } from '../helpers/data-folder';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
// The reference export: a paid two-line order (待发货) among five lines.
const SAMPLE = join(import.meta.dirname, '..', 'fixtures', 'douyin', '1791213782_3edeb47b86bdb5b9.csv');

describe('orders.get: the drawer', () => {
  it('every field, the imports, the status across a later export, and notes that are kept', async () => {
    const dir = tempDir();
    const first = join(dir, '1791213782_3edeb47b86bdb5b9.csv');
    copyFileSync(SAMPLE, first);
    // "The same order appears in many exports over time. Key rows on 子订单编号 and let the newest
    // export win." (DOUYIN_EXPORTS.md §0.10): a later export shows the order shipped.
    const later = join(dir, '1791299999_0000000000000001.csv');
    writeFileSync(later, readFileSync(SAMPLE, 'utf8').replaceAll('待发货', '已发货'));
    const clock = new ManualClock('2026-08-04T04:00:00.000Z');
    const core = await createCore({ dataDir: join(dir, 'data'), log: silentLogger, clock, dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });
    await core.call('imports.run', { jobId: 'orders-detail-1', sources: [{ type: 'path', path: first }] });
    clock.advance(3600_000);
    await core.call('imports.run', { jobId: 'orders-detail-2', sources: [{ type: 'path', path: later }] });

    const list = await core.call('orders.list', { filter: { status: '已发货' } });
    const two = list.orders.find((o) => o.lines.length === 2);
    expect(two).toBeDefined();
    const detail = await core.call('orders.get', { orderId: two?.mainOrderId ?? '' });
    expect(detail.lines).toHaveLength(2);
    expect(detail.imports.map((i) => i.fileName)).toEqual(['1791213782_3edeb47b86bdb5b9.csv', '1791299999_0000000000000001.csv']);
    expect(detail.timeline.map((e) => e.status)).toEqual(['待发货', '待发货', '已发货', '已发货']);
    const line = detail.lines[0];
    expect(line?.columns.order_id).toBe(two?.mainOrderId);
    expect(Object.keys(line?.raw ?? {}).length).toBeGreaterThan(0);
    for (const personal of ['收件人', '收件人手机号', '详细地址']) expect(Object.keys(line?.raw ?? {})).not.toContain(personal);

    const id = two?.mainOrderId ?? '';
    const added = await core.call('orders.addNote', { orderId: id, text: '  已催厂家  ' });
    expect(added.map((n) => n.text)).toEqual(['已催厂家']);
    const noteId = added[0]?.id ?? 0;
    expect((await core.call('orders.updateNote', { id: noteId, text: '厂家周三发' })).map((n) => n.text)).toEqual(['厂家周三发']);
    expect((await core.call('orders.get', { orderId: id })).notes.map((n) => n.text)).toEqual(['厂家周三发']);
    await expect(core.call('orders.addNote', { orderId: id, text: '   ' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(core.call('orders.addNote', { orderId: '6900000000000000000', text: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(core.call('orders.updateNote', { id: 999, text: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await core.call('orders.removeNote', { id: noteId })).toEqual([]);
    await expect(core.call('orders.get', { orderId: '6900000000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await core.close();
  });
});
