import { describe, expect, it } from 'vitest';
import { validationMessage } from '../../shared/i18n/validation-messages';
import { methodSchemas, type Method } from '../../shared/rpc/contract';
import { checkParams } from '../../shared/validation/issues';

/*
 * The after-sales methods refuse bad input with a translated message naming the field and what it
 * allows (house rule: never clamp, round or coerce). The core's own refusals (a refund marked
 * "yes" without its amount, an imported case's export fields) are in tests/integration/aftersales.int.test.ts.
 */
type Row = [label: string, method: Method, params: unknown, refused: null | { path: string; zh: string; en: string }];
const KEY = '1438412705519823245/6938412705519823245';

const ROWS: Row[] = [
  ['lead 12 h', 'aftersales.updateSettings', { leadHours: 12 }, null],
  ['lead 0 h', 'aftersales.updateSettings', { leadHours: 0 }, { path: 'leadHours', zh: '售后截止提前提醒应在 1–72 小时之间', en: 'After-sales reminder lead must be between 1 and 72 hours' }],
  ['lead 1.5 h', 'aftersales.updateSettings', { leadHours: 1.5 }, { path: 'leadHours', zh: '售后截止提前提醒应为整数', en: 'After-sales reminder lead must be a whole number' }],
  ['a real deadline', 'aftersales.create', { subOrderId: '6938412705519813044', type: 'reship', deadlineAt: '2026-09-02 10:00' }, null],
  ['30 February', 'aftersales.create', { subOrderId: '6938412705519813044', type: 'reship', deadlineAt: '2026-02-30 10:00' }, { path: 'deadlineAt', zh: '自动处理截止时间应为真实的时间，格式 YYYY-MM-DD HH:MM（北京时间）', en: 'Platform deadline must be a real time as YYYY-MM-DD HH:MM (China time)' }],
  ['a refund with three decimals', 'aftersales.create', { subOrderId: '6938412705519813044', type: 'reship', refundFen: 1234.5 }, { path: 'refundFen', zh: '退款金额最多两位小数', en: 'Refund amount can have at most 2 decimal places' }],
  ['a negative claim', 'aftersales.update', { caseKey: KEY, patch: { supplierClaimFen: -100 } }, { path: 'patch.supplierClaimFen', zh: '供应商应退金额应在 ¥0–¥10,000,000 之间', en: 'Owed by the supplier must be between ¥0 and ¥10,000,000' }],
  ['a claim typed as text', 'aftersales.update', { caseKey: KEY, patch: { supplierClaimFen: Number.NaN } }, { path: 'patch.supplierClaimFen', zh: '供应商应退金额应为数字', en: 'Owed by the supplier must be a number' }],
  ['a 41-character tracking number', 'aftersales.update', { caseKey: KEY, patch: { forwardTracking: 'S'.repeat(41) } }, { path: 'patch.forwardTracking', zh: '退回供应商运单号最多 40 个字', en: 'Tracking to the supplier can be at most 40 characters' }],
  ['a blank note', 'aftersales.addNote', { caseKey: KEY, text: '  ' }, { path: 'text', zh: '请填写凭证说明', en: 'Evidence note is required' }],
  ['a blank template', 'aftersales.saveTemplate', { key: 'dispute', body: '' }, { path: 'body', zh: '请填写回复模板', en: 'Reply template is required' }],
  ['a 41-character cause', 'aftersales.addCause', { name: '因'.repeat(41) }, { path: 'name', zh: '原因名称最多 40 个字', en: 'Cause name can be at most 40 characters' }],
  ['a blank type text', 'aftersales.setMapping', { text: ' ', type: 'exchange' }, { path: 'text', zh: '请填写导出的售后类型', en: 'Exported type text is required' }],
];

describe('after-sales params are refused with a field-level message', () => {
  it.each(ROWS)('%s', (_label, method, params, refused) => {
    const result = checkParams(methodSchemas[method], params);
    if (refused === null) {
      expect(result.ok, JSON.stringify(result)).toBe(true);
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.path === refused.path);
    expect(issue, JSON.stringify(result.issues)).toBeDefined();
    if (!issue) return;
    expect(validationMessage(issue, 'zh-CN')).toBe(refused.zh);
    expect(validationMessage(issue, 'en-US')).toBe(refused.en);
  });

  it('refuses a malformed case key', () => {
    expect(checkParams(methodSchemas['aftersales.get'], { caseKey: '../1' }).ok).toBe(false);
    expect(checkParams(methodSchemas['aftersales.get'], { caseKey: 'm12' }).ok).toBe(true);
  });
});
