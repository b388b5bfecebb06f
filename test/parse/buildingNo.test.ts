import { describe, expect, test } from 'vitest';
import { parse } from '../../lib/parse';

describe('building numbers', () => {
  test.each([
    ['文三路90号东部软件园1号楼3层302', '1号楼'],
    ['某小区3栋', '3栋'],
    ['某小区12幢', '12幢'],
    ['国贸大厦B座十八层1805室', 'B座'],
    ['嘉里建设广场第三座8楼', '第三座'],
    ['IFS国际金融中心一号办公楼F23', '一号办公楼'],
    ['恒隆广场办公楼一座三十六楼', '一座'],
    ['顺城东塔12F', '东塔'],
    ['科兴科学园Ａ栋１８／Ｆ', 'A栋'],
    ['望京南湖中园126楼2单元901室', '126楼'],
    ['锦绣路金领世家12-11楼东户', '12'],
    ['延静西里甲18楼', '甲18楼'],
    ['都市花园6b号楼3单元302', '6b号楼'],
  ])('%s → %s', (text, buildingNo) => {
    expect(parse(text).buildingNo).toBe(buildingNo);
  });

  test('12-11楼 is floor 11 of building 12, not a basement', () => {
    expect(parse('金领世家12-11楼').floors).toEqual([11]);
  });

  test('1-2楼 is a range of floors, not a building', () => {
    const r = parse('解放路18号1-2层');
    expect(r.buildingNo).toBeNull();
    expect(r.floors).toEqual([1, 2]);
  });
});
