import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rebuildDaySummaries } from './day-summaries';
import { dayRanges, NO_DAY, rebuildStatements, reportDayOf } from './order-report-days';

describe('dayRanges', () => {
  it.each([
    [[], []],
    [['2026-08-01'], [{ from: '2026-08-01', to: '2026-08-01' }]],
    [['2026-08-03', '2026-08-01', '2026-08-01', '2026-08-08'], [{ from: '2026-08-01', to: '2026-08-08' }]],
    [['2026-01-01', '2026-08-31', '2026-08-29'], [{ from: '2026-01-01', to: '2026-01-01' }, { from: '2026-08-29', to: '2026-08-31' }]],
    [['2026-08-01', '2026-08-09'], [{ from: '2026-08-01', to: '2026-08-01' }, { from: '2026-08-09', to: '2026-08-09' }]],
    [[NO_DAY, '2026-08-01'], [{ from: '2026-08-01', to: '2026-08-01' }]],
  ])('%j → %j', (days, ranges) => expect(dayRanges(days)).toEqual(ranges));

  it('rebuilds the lines without a day on their own', () => {
    expect(rebuildStatements([NO_DAY]).map((s) => s.params)).toEqual([[], [], [], [], [], [], [], [], [], [], []]);
    expect(rebuildStatements(['2026-08-31'])[1]!.params).toEqual(['2026-08-31 00:00:00', '2026-09-01 00:00:00']);
  });
});

describe('the two ways of rebuilding the summary agree', () => {
  // rebuildDaySummaries (the import writer: a fold over each day's lines in JavaScript) and rebuildStatements (the undo:
  // GROUP BY in SQL) must give the same rows for any lines, including lines without a day.
  const line = fc.record({
    submittedAt: fc.option(fc.constantFrom('2026-08-01 09:00:00', '2026-08-01 23:59:59', '2026-08-02 00:00:00', '2026-08-15 12:00:00'), { nil: null }),
    orderId: fc.constantFrom('o1', 'o2', 'o3', 'o4'),
    productId: fc.option(fc.constantFrom('p1', 'p2'), { nil: null }),
    province: fc.option(fc.constantFrom('广东省', '浙江省'), { nil: null }),
    status: fc.option(fc.constantFrom('待发货', '已完成', '待支付', '已关闭', '已取消'), { nil: null }),
    paidAt: fc.option(fc.constantFrom('2026-08-01 09:05:00', 'not a time'), { nil: null }),
    // 48 hours after the paid time exactly (spot), a second later (not), and earlier.
    promisedShipAt: fc.option(fc.constantFrom('2026-08-03 09:05:00', '2026-08-03 09:05:01', '2026-08-01 12:00:00'), { nil: null }),
    influencerId: fc.option(fc.constantFrom('d1', 'd2'), { nil: null }),
    influencerName: fc.option(fc.constantFrom('小美', '阿强'), { nil: null }),
    trafficSource: fc.option(fc.constantFrom('直播', '精选联盟', '商品卡'), { nil: null }),
    payableFen: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
  });

  const database = (lines: { submittedAt: string | null; [k: string]: unknown }[]) => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE order_lines (sub_order_id TEXT PRIMARY KEY, order_id TEXT, product_id TEXT, province TEXT, status TEXT,
      influencer_id TEXT, traffic_source TEXT, payable_fen INTEGER, submitted_at TEXT, paid_at TEXT, influencer_name TEXT, promised_ship_at TEXT,
      -- Read by the other two summaries of the same pass (day-summaries.ts), not by this one.
      aftersale_status TEXT, completed_at TEXT, shipped_at TEXT, traffic_type TEXT, traffic_format TEXT, traffic_channel TEXT,
      sku_code TEXT, product_title TEXT, quantity INTEGER, platform_borne_fen INTEGER, influencer_borne_fen INTEGER)`);
    db.exec('CREATE INDEX order_lines_by_submitted ON order_lines (submitted_at)');
    db.exec(`CREATE TABLE order_report_days (dimension TEXT, day TEXT, key TEXT, orders INTEGER, lines INTEGER, amount_fen INTEGER,
      PRIMARY KEY (dimension, day, key)) WITHOUT ROWID`);
    const insert = db.prepare(`INSERT INTO order_lines (sub_order_id, order_id, product_id, province, status, influencer_id, traffic_source, payable_fen, submitted_at, paid_at, influencer_name, promised_ship_at) VALUES (@id, @orderId, @productId, @province, @status, @influencerId, @trafficSource, @payableFen, @submittedAt, @paidAt, @influencerName, @promisedShipAt)`);
    lines.forEach((l, i) => insert.run({ ...l, id: `s${i}` }));
    return db;
  };
  const rows = (db: InstanceType<typeof Database>) => db.prepare('SELECT * FROM order_report_days ORDER BY dimension, day, key').all();

  it('for any lines', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const days = lines.map((l) => reportDayOf(l.submittedAt));
        const viaJs = database(lines);
        rebuildDaySummaries(viaJs, { report: days });
        const viaSql = database(lines);
        for (const { text, params } of rebuildStatements(days)) viaSql.prepare(text).run(params);
        expect(rows(viaJs)).toEqual(rows(viaSql));
      }),
      { numRuns: 300 },
    );
  });
});
