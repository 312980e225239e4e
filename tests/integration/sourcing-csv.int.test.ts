import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/sourcing', name)).toString('base64');

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('candidate and supplier CSV import', () => {
  it('guesses the mapping of a GBK 蝉妈妈 list, imports it, and reuses the saved mapping next time', async () => {
    core = await createCore({ dataDir: tempDir(), log: silentLogger });
    const data = fixture('chanmama-gbk.csv');
    const preview = await core.call('sourcing.csvPreview', { kind: 'products', source: '蝉妈妈', dataBase64: data });
    expect(preview.savedMappingUsed).toBe(false);
    expect(preview.total).toBe(2);
    expect(preview.mapping).toMatchObject({ title: '商品名称', link: '商品链接', douyinProductId: '商品ID', price: '售价', commission: '佣金比例', category: '类目' });
    expect(preview.rows[1]).toMatchObject({ line: 3, values: { title: '便携小风扇, USB', douyinProductId: '3714290568812637506' }, problems: [] });

    // The user moves 售价 to the cost column instead, then imports.
    const mapping = { ...preview.mapping, price: null, cost: '售价' };
    const result = await core.call('sourcing.csvImport', { kind: 'products', source: '蝉妈妈', dataBase64: data, mapping });
    expect(result.imported).toBe(2);
    const products = await core.call('products.list', {});
    expect(products.map((p) => [p.title, p.costFen, p.plannedPriceFen, p.commissionBp, p.category, p.stage])).toEqual([
      ['便携小风扇, USB', 2990, null, 1500, '数码', 'candidate'],
      ['冰丝凉席三件套', 3990, null, 2000, '家居', 'candidate'],
    ]);

    const again = await core.call('sourcing.csvPreview', { kind: 'products', source: '蝉妈妈', dataBase64: data });
    expect(again.savedMappingUsed).toBe(true);
    expect(again.mapping).toMatchObject({ cost: '售价', price: null });
    // Another source still gets guesses.
    expect((await core.call('sourcing.csvPreview', { kind: 'products', source: '精选联盟', dataBase64: data })).savedMappingUsed).toBe(false);
  });

  it('refuses a file with bad rows as a whole, naming the lines, and writes nothing', async () => {
    core = await createCore({ dataDir: tempDir(), log: silentLogger });
    const data = fixture('products-bad-rows.csv');
    const preview = await core.call('sourcing.csvPreview', { kind: 'products', source: 'x', dataBase64: data });
    expect(preview.rows.map((r) => r.problems.length)).toEqual([0, 1, 1]);
    const error = await core.call('sourcing.csvImport', { kind: 'products', source: 'x', dataBase64: data, mapping: preview.mapping }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'line 3' }, { path: 'line 4' }] } });
    expect(await core.call('products.list', {})).toEqual([]);
    await expect(core.call('sourcing.csvImport', { kind: 'products', source: 'x', dataBase64: data, mapping: { title: null } })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(core.call('sourcing.csvPreview', { kind: 'products', source: 'x', dataBase64: Buffer.from([0, 1, 2, 3]).toString('base64') })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('refuses a title past 200 characters and a 31st tag as problems of their lines, never cut to fit', async () => {
    core = await createCore({ dataDir: tempDir(), log: silentLogger });
    const tags = Array.from({ length: 31 }, (_, i) => `标签${i}`).join('、');
    const csv = `商品名称,人群标签\n${'长'.repeat(201)},宝妈\n冰丝凉席,${tags}\n小风扇,学生\n`;
    const data = Buffer.from(csv, 'utf8').toString('base64');
    const preview = await core.call('sourcing.csvPreview', { kind: 'products', source: 'x', dataBase64: data });
    expect(preview.rows.map((r) => r.problems)).toEqual([['Product title can be at most 200 characters'], ['Audience tags: at most 30'], []]);
    const error = await core.call('sourcing.csvImport', { kind: 'products', source: 'x', dataBase64: data, mapping: preview.mapping }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'line 2' }, { path: 'line 3' }] } });
    expect(await core.call('products.list', {})).toEqual([]);
  });

  it('imports suppliers from an English list', async () => {
    core = await createCore({ dataDir: tempDir(), log: silentLogger });
    const data = fixture('suppliers-en.csv');
    const preview = await core.call('sourcing.csvPreview', { kind: 'suppliers', source: 'catalogue', dataBase64: data });
    await core.call('sourcing.csvImport', { kind: 'suppliers', source: 'catalogue', dataBase64: data, mapping: preview.mapping });
    const suppliers = await core.call('suppliers.list', {});
    expect(suppliers.map((s) => [s.name, s.contactPerson, s.wechat, s.phone, s.shipFrom])).toEqual([
      ['Yiwu Wang', '王五', 'yiwu-wang', '13800138000', '浙江义乌'],
      ['广州档口', '陈', 'gz-chen', '020-88888888', '广东广州'],
    ]);
  });
});
