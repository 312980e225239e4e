import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * Issue 10: a bad option value is refused with exit code 2 and one line that names the option,
 * repeats the value and says the expected form, in the chosen language, before the data folder is
 * opened (the folder given here is never created).
 */
const tempDir = useTempDirs();

describe('bad option values', () => {
  it.each([
    [['report', 'orders', '--from', '2026-13-45'], '错误：选项 --from 的值 2026-13-45 不正确，应为真实的日期 YYYY-MM-DD（如 2026-09-10）。', 'Error: Option --from: 2026-13-45 is not valid; expected a real date as YYYY-MM-DD (e.g. 2026-09-10).'],
    [['report', 'orders', '--from', '2026-09-10', '--to', '2026-09-01'], '错误：选项 --to 的值 2026-09-01 早于 --from 的值 2026-09-10，结束不能早于开始。', 'Error: Option --to 2026-09-01 is before --from 2026-09-10; the end cannot come before the start.'],
    [['report', 'orders', '--by', 'colour'], '错误：选项 --by 的值 colour 不正确，应为其中之一：day、week、month、product、province、status、source、influencer。', 'Error: Option --by: colour is not valid; expected one of day, week, month, product, province, status, source, influencer.'],
    [['report', 'orders', '--basis', 'shipped'], '错误：选项 --basis 的值 shipped 不正确，应为其中之一：paid、refund。', 'Error: Option --basis: shipped is not valid; expected one of paid, refund.'],
    [['reminders', '--limit', '-3'], '错误：选项 --limit 的值 -3 不正确，应为介于 1 到 1000000 之间的整数。', 'Error: Option --limit: -3 is not valid; expected a whole number from 1 to 1000000.'],
    [['today', '--at', 'tomorrow'], '错误：选项 --at 的值 tomorrow 不正确，应为带时区的 ISO 8601 时间（如 2026-09-10T09:00:00+08:00）。', 'Error: Option --at: tomorrow is not valid; expected an ISO 8601 date-time with a zone (e.g. 2026-09-10T09:00:00+08:00).'],
    [['today', '--at', '2026-09-10 09:00'], '错误：选项 --at 的值 2026-09-10 09:00 不正确，应为带时区的 ISO 8601 时间（如 2026-09-10T09:00:00+08:00）。', 'Error: Option --at: 2026-09-10 09:00 is not valid; expected an ISO 8601 date-time with a zone (e.g. 2026-09-10T09:00:00+08:00).'],
    [['money', 'forecast', '--from', '2026-02-30'], '错误：选项 --from 的值 2026-02-30 不正确，应为真实的日期 YYYY-MM-DD（如 2026-09-10）。', 'Error: Option --from: 2026-02-30 is not valid; expected a real date as YYYY-MM-DD (e.g. 2026-09-10).'],
    [['money', 'forecast', '--days', '-3'], '错误：选项 --days 的值 -3 不正确，应为介于 1 到 120 之间的整数。', 'Error: Option --days: -3 is not valid; expected a whole number from 1 to 120.'],
    [['products', 'list', '--stage', 'sold'], '错误：选项 --stage 的值 sold 不正确，应为其中之一：candidate、verified、listed、selling、delisted、abandoned。', 'Error: Option --stage: sold is not valid; expected one of candidate, verified, listed, selling, delisted, abandoned.'],
    [['products', 'add', 'https://x.cn/1', '--price', '-5'], '错误：选项 --price 的值 -5 不正确，应为以元为单位的金额，最多两位小数（如 39.9）。', 'Error: Option --price: -5 is not valid; expected an amount in yuan with at most 2 decimals (e.g. 39.9).'],
  ])('%j', async (args, zh, en) => {
    const dataDir = join(tempDir(), 'never-created');
    const inZh = await cli(dataDir, ...args);
    expect(inZh).toMatchObject({ code: 2, stdout: '' });
    expect(inZh.stderr.split('\n')[0]).toBe(zh);
    const inEn = await cli(dataDir, '--lang', 'en', ...args);
    expect(inEn).toMatchObject({ code: 2, stdout: '' });
    expect(inEn.stderr.split('\n')[0]).toBe(en);
    const json = await cli(dataDir, '--json', ...args);
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'USAGE', details: { name: expect.any(String) } } });
    expect(existsSync(dataDir)).toBe(false);
  });

  it('still runs with good values', async () => {
    const dataDir = tempDir();
    // `report` only reads: it needs a database to be there (a write command creates it).
    expect((await cli(dataDir, 'backup', 'create')).code).toBe(0);
    const ok = await cli(dataDir, '--json', 'report', 'orders', '--from', '2026-09-01', '--to', '2026-09-01', '--by', 'day');
    expect(ok.code).toBe(0);
  });
});
