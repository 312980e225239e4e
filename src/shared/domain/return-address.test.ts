import { describe, expect, it } from 'vitest';
import { formatReturnAddress } from './return-address';

describe('formatReturnAddress', () => {
  it.each([
    [{ recipient: '张三', phone: '138-0013-8000', province: '浙江省', city: '金华市', district: '义乌市', street: '福田街道 国际商贸城 3 区 12 号' }, '张三 13800138000 浙江省 金华市 义乌市 福田街道 国际商贸城 3 区 12 号'],
    [{ recipient: ' 李四 ', phone: '13900000000', province: '北京市', city: '市辖区', district: '朝阳区', street: '建国路\n88号' }, '李四 13900000000 北京市 朝阳区 建国路 88号'],
  ])('%#', (parts, line) => expect(formatReturnAddress(parts)).toBe(line));
});
