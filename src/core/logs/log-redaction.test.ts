import { describe, expect, it } from 'vitest';
import { dropPersonalFields, isPersonalKey, redactLogText } from './log-redaction';

const context = { home: '/home/wangxiaoming' };

describe('redactLogText: the rule for what may stand in the log file', () => {
  it.each([
    ['a mobile number', 'SMS to 13912345678 failed', 'SMS to [n×11] failed'],
    ['a mobile number with spaces', 'phone 139 1234 5678', 'phone [n×11]'],
    ['a mobile number with +86', 'phone +8613912345678', 'phone [n×13]'],
    ['an ID card number ending in X', 'id 11010519491231002X', 'id [n×18]'],
    ['an ID card number', 'id 110105194912310021', 'id [n×18]'],
    ['a Douyin order id (we keep none: with the export at hand it leads to the buyer)', 'order 6938412705519823461 failed', 'order [n×19] failed'],
    ['a landline', 'call 0571-88886666', 'call [n×12]'],
    ['an e-mail address', 'mail wang.xm+shop@example.com.cn now', 'mail [email] now'],
    ['a buyer name and address (any Han text)', 'bad cell: 王小明 浙江省杭州市余杭区文一西路969号', 'bad cell: [zh×3] [zh×13]969[zh×1]'],
    ['a Chinese file name', 'read 订单导出.csv', 'read [zh×4].csv'],
    ['full-width punctuation with Han text', '收件人：王小明', '[zh×7]'],
    ['the home folder (the OS account name)', 'open /home/wangxiaoming/.config/ShopDesk/logs', 'open ~/.config/ShopDesk/logs'],
  ])('masks %s', (_what, input, expected) => {
    expect(redactLogText(input, context)).toBe(expected);
  });

  it('masks a Windows home folder in either slash style, whatever the case', () => {
    const windows = { home: 'C:\\Users\\Wang' };
    expect(redactLogText('at C:\\Users\\Wang\\AppData\\Roaming\\ShopDesk and c:/users/wang/x', windows)).toBe('at ~\\AppData\\Roaming\\ShopDesk and ~/x');
  });

  it.each([
    ['counts and line numbers', 'import failed at line 1204: 3 rows, 2097152 bytes'],
    ['instants', 'at 2026-12-06T19:50:00.000Z'],
    ['error codes and method names', 'DB_BUSY in imports.run'],
    ['a stack frame', 'at DatabaseSession.open (src/core/db/database-session.ts:81:13)'],
    ['a ten-digit number (shorter than any phone or order id)', 'took 1234567890 µs'],
  ])('keeps %s', (_what, input) => {
    expect(redactLogText(input, context)).toBe(input);
  });
});

describe('dropPersonalFields: values of personal or content keys never reach the file', () => {
  it.each([
    ['buyerName', true],
    ['receiver_phone', true],
    ['address', true],
    ['fileName', true],
    ['rowText', true],
    ['cells', true],
    ['content', true],
    ['nickname', true],
    ['rowCount', false],
    ['textLength', false],
    ['rows', false],
    ['lineNumber', false],
    ['detail', false],
    ['stack', false],
    ['code', false],
    ['renamed', false],
    ['quarantinedTo', false],
  ])('%s is personal: %s', (key, expected) => {
    expect(isPersonalKey(key)).toBe(expected);
  });

  it('drops them at any depth and keeps the rest', () => {
    expect(dropPersonalFields({ line: 12, buyer: { name: '王小明' }, rows: [{ phone: '13912345678', code: 'BAD_DATE' }], detail: 'x' })).toEqual({
      line: 12,
      buyer: '[removed]',
      rows: [{ phone: '[removed]', code: 'BAD_DATE' }],
      detail: 'x',
    });
  });

  it('turns an Error into its name, message and stack (JSON would drop them)', () => {
    const error = new TypeError('boom');
    expect(dropPersonalFields({ error })).toEqual({ error: { error: 'TypeError', message: 'boom', stack: error.stack } });
  });
});
