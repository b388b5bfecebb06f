import { describe, expect, test } from 'vitest';
import { parse } from '../../lib/parse';
import { matchFloor } from '../../lib/parse/floor';
import { normalize } from '../../lib/normalize/text';

/** The floors and labels a text states, read by the whole parser. */
const floorsOf = (text: string) => {
  const r = parse(text);
  return { floors: r.floors, labels: r.floorLabels, inferred: r.inferredFloor };
};

describe('floors the issue names', () => {
  test.each([
    ['某大厦18楼', [18]],
    ['某大厦十八层', [18]],
    ['某大厦第18层', [18]],
    ['某大厦18F', [18]],
    ['某大厦F18', [18]],
    ['某大厦18/F', [18]],
    ['某大厦L18', [18]],
    ['某大厦首层', [1]],
    ['某大厦一楼', [1]],
    ['某大厦底层', [1]],
    ['某大厦1-2层', [1, 2]],
    ['某大厦一至二层', [1, 2]],
    ['某大厦首、二层', [1, 2]],
    ['某大厦负一层', [-1]],
    ['某大厦地下一层', [-1]],
    ['某大厦B1层', [-1]],
    ['某大厦B2F', [-2]],
    ['某大厦 -1F', [-1]],
    ['花园路139号B2停车场', [-2]],
    ['某大厦23楼、24楼', [23, 24]],
    ['某大厦二十三楼', [23]],
    ['某大厦1-3F', [1, 2, 3]],
    ['某中心79F', [79]],
  ])('%s → %j', (text, floors) => {
    expect(floorsOf(text).floors).toEqual(floors);
  });

  test.each([
    ['某大厦夹层', [], ['夹层']],
    ['某大厦裙楼3层', [3], ['裙楼']],
    ['某大厦裙楼夹层', [], ['裙楼', '夹层']],
    ['某大厦架空层', [], ['架空层']],
    ['某大厦M层', [], ['M']],
    ['某城LG层', [], ['LG']],
    ['某大厦G层', [1], ['G']],
    ['某大厦地下室', [], ['地下室']],
  ])('%s → floors %j, labels %j', (text, floors, labels) => {
    expect(floorsOf(text)).toMatchObject({ floors, labels });
  });
});

describe('what is not a floor', () => {
  test.each([
    ['文三路90号东部软件园1号楼', 'building number'],
    ['某小区3栋', 'building number'],
    ['某大厦B座', 'building'],
    ['某大厦东塔', 'building'],
    ['上海市黄浦区南京东路18号', 'house number'],
    ['北京市朝阳区望京南湖中园126楼2单元901室', 'northern 楼 with units is a building'],
    ['福州市鼓楼区五四路158号', '鼓楼区 is a district'],
    ['天台县赤城街道劳动路88号', '天台 is a county'],
    ['平阳县萧江镇沧海路963楼上', 'upstairs of number 963'],
    ['苏州市人民路3188号万达广场3号门', 'a gate'],
    ['某小区b2区14号楼', 'a zone called b2'],
    ['德百四楼', '百四 is not a number; 四楼 is'],
  ])('%s (%s)', (text, why) => {
    const { floors } = floorsOf(text);
    if (why.includes('四楼 is')) expect(floors).toEqual([4]);
    else expect(floors).toEqual([]);
  });
});

describe('a floor inferred from a room is never stated', () => {
  test.each([
    ['华润大厦C座3201', 32],
    ['华荣时代大厦18A', 18],
    ['望京南湖中园126楼2单元901室', 9],
    ['某小区5单元1357', 13],
  ])('%s → inferred %i', (text, inferred) => {
    expect(floorsOf(text)).toMatchObject({ floors: [], inferred });
  });

  test('a stated floor leaves nothing to infer', () => {
    expect(floorsOf('某大厦18楼1803室')).toMatchObject({ floors: [18], inferred: null });
  });
});

describe('matchFloor at one position', () => {
  test('reads where it is asked and reports its span', () => {
    const t = normalize('大厦地下二层B201').text;
    expect(matchFloor(t, 2)).toEqual({ start: 2, end: 6, floors: [-2], labels: [] });
    expect(matchFloor(t, 0)).toBeNull();
  });

  test('a numbered 楼 after a building number is a floor (18号楼1楼1单元)', () => {
    const t = '1楼1单元';
    expect(matchFloor(t, 0, false)).toBeNull();
    expect(matchFloor(t, 0, true)?.floors).toEqual([1]);
  });
});

describe('a dash glued to a block code or a unit before 楼 separates, it is no minus sign', () => {
  test.each([
    ['御景龙城c71-3楼', [3]],
    ['金色里程13a3-1楼', [1]],
    ['成都市青羊区澄江街5号1栋-4单元-2楼', [2]],
    ['丽水蓝湾b83-11楼', [11]],
    ['西安市雁塔区高新路52号高科大厦 -1F', [-1]],
    ['某商场-1层', [-1]],
  ])('%s → %j', (text, floors) => {
    expect(floorsOf(text).floors).toEqual(floors);
  });
});
