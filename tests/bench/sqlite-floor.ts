/**
 * The least any importer that keeps order_lines' key and indexes can cost (issue 14's import
 * ratio): the sqlite3 shell loads the same file into a table with the 子订单编号 primary key, then
 * creates the fifteen indexes order_lines carries (the orders desk sorts and filters 1M lines
 * through them, the summaries read through them), each on the export cells its typed column comes
 * from — after the load, as our writer does for a big load (imports/defer-indexes.ts), because
 * that is the cheaper order. No summaries, no mapping, no upsert rules: a floor, not a rival.
 */
import { spawnSync } from 'node:child_process';
import { openSync, readSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const UNSHIPPED = `"订单状态" IN ('待发货', '备货中', '已支付', '部分发货')`;
/** order_lines' non-unique indexes (migrations 0002–0015), column by column on the cells they come from; derived columns on their source cells. */
export const MIRRORED_INDEXES: Record<string, string> = {
  order_lines_by_amount: `(ifnull("订单应付金额", -1), "子订单编号")`,
  // buyer_key is an HMAC of the masked name, phone and district.
  order_lines_by_buyer: `("订单提交时间", "收件人手机号", "主订单编号", "商品ID", "订单状态", "售后状态") WHERE "收件人手机号" <> ''`,
  order_lines_by_influencer: `("达人ID", "主订单编号")`,
  order_lines_by_order: `("主订单编号")`,
  order_lines_by_paid: `(ifnull("支付完成时间", ''), "子订单编号")`,
  order_lines_by_product: `("商品ID", "主订单编号")`,
  order_lines_by_province: `("省", "主订单编号")`,
  // ship_by_key comes from 承诺发货时间.
  order_lines_by_ship: `("承诺发货时间", "子订单编号")`,
  order_lines_by_source: `((ifnull("流量来源", '') LIKE '%精选联盟%' AND ifnull("达人ID", '') != ''), "主订单编号")`,
  order_lines_by_status: `("订单状态")`,
  order_lines_by_submitted: `("订单提交时间")`,
  order_lines_by_title: `("选购商品", "主订单编号")`,
  // aftersale_latest comes from the after-sales export (none in an orders-only load): 售后状态 stands in.
  order_lines_unshipped_by_ship: `("承诺发货时间", "子订单编号", "主订单编号", "订单状态", "发货时间", "售后状态", "售后状态") WHERE ${UNSHIPPED}`,
  order_lines_with_aftersale: `("主订单编号", "售后状态") WHERE "售后状态" NOT IN ('-', '', '无')`,
  order_lines_with_request: `("子订单编号") WHERE "售后状态" NOT IN ('-', '', '无')`,
};

function headerOf(file: string): string[] {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(64 * 1024);
  const n = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  const text = buffer.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '');
  return text.slice(0, text.search(/\r?\n/)).split(',');
}

/** Loads `file` with the key and the mirrored indexes; the wall and CPU time of the whole. */
export function sqliteIndexedImport(sqlite3: string, work: string, file: string): { ms: number; cpuMs: number; rows: number } {
  const db = join(work, 'sqlite3-floor.sqlite');
  const script = join(work, 'sqlite3-floor.sql');
  rmSync(db, { force: true });
  const columns = headerOf(file).map((name) => `"${name.replace(/"/g, '""')}" TEXT`);
  writeFileSync(
    script,
    [
      `CREATE TABLE orders (${columns.join(', ')}, PRIMARY KEY ("子订单编号"));`,
      '.mode csv',
      // A repeated 子订单编号 is refused by the key and reported on stderr; the load goes on (our writer keeps the later line).
      `.import --skip 1 ${file} orders`,
      ...Object.entries(MIRRORED_INDEXES).map(([name, body]) => `CREATE INDEX ${name} ON orders ${body};`),
      '',
    ].join('\n'),
  );
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', sqlite3, db, `.read ${script}`], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const ms = performance.now() - started;
  const [, user, system] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  const rows = Number(spawnSync(sqlite3, [db, 'SELECT count(*) FROM orders'], { encoding: 'utf8' }).stdout.trim());
  const indexes = Number(spawnSync(sqlite3, [db, `SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`], { encoding: 'utf8' }).stdout.trim());
  rmSync(db, { force: true });
  rmSync(script, { force: true });
  if (!(rows > 0) || indexes !== Object.keys(MIRRORED_INDEXES).length) throw new Error(`the indexed sqlite3 load failed: ${r.stderr.slice(0, 2000)}`);
  return { ms, cpuMs: (user! + system!) * 1000, rows };
}

/** The non-unique indexes order_lines has in a data folder's database that the floor does not mirror (a schema change the floor must follow). */
export function unmirroredIndexes(sqlite3: string, database: string): string[] {
  const names = spawnSync(sqlite3, [database, `SELECT m.name FROM sqlite_master m JOIN pragma_index_list('order_lines') l ON l.name = m.name WHERE l."unique" = 0`], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .filter((n) => n !== '');
  return names.filter((n) => !(n in MIRRORED_INDEXES));
}
