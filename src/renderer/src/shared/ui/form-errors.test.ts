import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { fieldErrorsOf, renamed, samePath, validationIssuesOf } from './form-errors';

describe('VALIDATION issues → form field errors', () => {
  const issues = [
    { path: 'patch.commissionBp', message: 'x', field: 'commission', problem: 'range' },
    { path: 'checklist.2.text', message: 'x', field: 'checklistText', problem: 'tooLong' },
    { path: 'quota', message: 'between 1 and 6 slots', problem: 'invalid' },
  ] as const;

  it('reads them from a refused call, and nothing from any other failure', () => {
    expect(validationIssuesOf(new AppError('VALIDATION', 'x', { issues }))).toHaveLength(3);
    expect(validationIssuesOf(new AppError('INTERNAL', 'x'))).toBeNull();
    expect(validationIssuesOf(new Error('x'))).toBeNull();
  });

  it('puts each under its field, translated; the rest are returned as messages', () => {
    const fieldOf = renamed({ 'patch.commissionBp': 'commission' }, samePath);
    const out = fieldErrorsOf(issues, (p) => (p[0] === 'quota' ? null : fieldOf(p)), 'zh-CN');
    expect(out.fields).toEqual([
      { name: 'commission', errors: ['佣金比例应在 0–100% 之间'] },
      { name: ['checklist', 2, 'text'], errors: ['清单项最多 120 个字'] },
    ]);
    expect(out.unplaced).toEqual(['这一项的值不正确（quota）']);
    expect(fieldErrorsOf(issues.slice(0, 1), fieldOf, 'en-US').fields[0]?.errors).toEqual(['Commission must be between 0 and 100%']);
  });
});
