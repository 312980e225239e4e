import { describe, expect, it } from 'vitest';
import { DIVISIONS, resolveDivision } from './divisions';

describe('division data', () => {
  it('has the 31 mainland provincial divisions', () => expect(DIVISIONS).toHaveLength(31));

  it.each([
    ['33', '3307', '330782', { province: '浙江省', city: '金华市', district: '义乌市' }],
    ['11', '1101', '110105', { province: '北京市', city: '市辖区', district: '朝阳区' }],
    ['44', '4401', '440106', { province: '广东省', city: '广州市', district: '天河区' }],
    // A real district code under the wrong city, a city under the wrong province, unknown codes.
    ['33', '3301', '330782', null],
    ['44', '3307', '330782', null],
    ['99', '9901', '990101', null],
  ])('%s / %s / %s', (p, c, d, expected) => expect(resolveDivision(p, c, d)).toEqual(expected));
});
