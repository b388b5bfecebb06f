import { describe, expect, test } from 'vitest';
import { sameLot, stemOf, subNumberOf } from '../../lib/check/house-number';

describe('house numbers with a stem or a sub-number', () => {
  test.each([
    ['甲25号', '甲', null],
    ['附1号', '附', null],
    ['18之2号', null, 2],
    ['136-5号', null, 5],
    ['11号附1号', null, 1],
    ['25号', null, null],
  ])('%s → stem %s, sub %s', (no, stem, sub) => {
    expect(stemOf(no)).toBe(stem);
    expect(subNumberOf(no)).toBe(sub);
  });

  test.each([
    ['甲17号', '甲17号', true],
    ['17号', '甲17号', false], // the lot next to it
    ['乙17号', '甲17号', false],
    ['136-5号', '136-6号', false],
    ['136号', '136-5号', true], // written without its sub-number
    ['18之2号', '18-2号', true],
    ['20-5号', '20－5号'.replace('－', '-'), true],
  ])('%s at %s → %s', (a, b, same) => {
    expect(sameLot(a, b)).toBe(same);
  });
});
