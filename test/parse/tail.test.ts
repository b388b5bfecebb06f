import { describe, expect, test } from 'vitest';
import { CLASSIFIERS, parseTail } from '../../lib/parse/tail';

const read = (text: string) => {
  const t = parseTail(text, 0, text.length);
  const s = (x: { start: number; end: number } | null) => (x ? text.slice(x.start, x.end) : null);
  return { building: s(t.building), buildingNo: s(t.buildingNo), floors: t.floors.map((f) => f.floors), room: t.room ? text.slice(t.room.valueStart, t.room.valueEnd) : null, houseNo: s(t.houseNo) };
};

describe('parseTail: each position offered to the classifiers in order', () => {
  test.each([
    ['示例金融大厦18楼1803室', { building: '示例金融大厦', buildingNo: null, floors: [[18]], room: '1803', houseNo: null }],
    ['诚信广场B座2楼', { building: '诚信广场', buildingNo: 'B座', floors: [[2]], room: null, houseNo: null }],
    // a unit: a bare number read as a room before it was none
    ['幸福小区3单元1201', { building: '幸福小区', buildingNo: null, floors: [], room: '1201', houseNo: null }],
    // a gate, a distance and a zone are read past
    ['阳光花园2号门旁200米B区', { building: '阳光花园', buildingNo: null, floors: [], room: null, houseNo: null }],
    // a house number straight before the room
    ['12号1803', { building: null, buildingNo: null, floors: [], room: '1803', houseNo: '12号' }],
    // the descriptor words are trimmed from the building's name
    ['明镜大厦写字楼5楼', { building: '明镜大厦', buildingNo: null, floors: [[5]], room: null, houseNo: null }],
    // a name after the structure is not the building
    ['18楼前台', { building: null, buildingNo: null, floors: [[18]], room: null, houseNo: null }],
  ])('%s', (text, want) => {
    expect(read(text)).toEqual(want);
  });

  test('the list is what the parser offers each position to, building numbers first and rooms last', () => {
    expect(CLASSIFIERS.length).toBe(9);
    const t = parseTail('1号楼201', 0, 6);
    expect(t.buildingNo).toEqual({ start: 0, end: 3 });
  });
});
