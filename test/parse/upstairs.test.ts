import { describe, expect, test } from 'vitest';
import { parse } from '../../lib/parse';
import { findUpstairs } from '../../lib/parse/upstairs';

describe('楼上 and its relatives state an upper floor with no number', () => {
  test.each([
    ['中山路100号楼上', 'building'],
    ['合肥市长江中路57号楼上办公室', 'building'],
    ['就在交行楼上', 'bank'],
    ['银行楼上的信贷中心', 'bank'],
    ['工商银行楼上', 'bank'],
    ['建行网点楼上办公室', 'bank'],
    ['和银行同一栋楼8层', 'bank'],
    ['同一幢楼，坐电梯上来', 'bank'],
    ['到了坐电梯上来', 'building'],
    ['电梯到几楼问前台', 'building'],
    ['乘电梯到18楼', 'building'],
    ['上楼就到', 'building'],
    ['二楼以上是我们办公室', 'building'],
    ['银行大楼上面', 'bank'],
    ['长江中路57号，交行就在我们楼下', 'bank'],
    ['楼下就是工商银行', 'bank'],
    ['就在银行上面', 'bank'],
    ['跟银行一栋楼', 'bank'],
    ['和交行在一栋楼里', 'bank'],
    ['就在交行这栋楼里', 'bank'],
    ['按电梯上来', 'building'],
    ['走楼梯上来', 'building'],
    ['到了上楼找王经理', 'building'],
  ])('%s → %s', (text, above) => {
    expect(parse(text).extra.upstairs).toBe(above);
  });

  test.each(['合肥市长江中路57号', '大厦18楼1803室', '楼上楼下都是商铺', '3号楼2单元', '一楼大厅', '上楼村5组', '马上楼下见'])('%s → none', (text) => {
    expect(parse(text).extra.upstairs).toBeNull();
  });

  test('the bank before 楼上 stays the bank, only 楼上 is taken', () => {
    const [u] = findUpstairs('交通银行楼上');
    expect('交通银行楼上'.slice(u.start, u.end)).toBe('楼上');
  });
});

describe('楼上 is never a building number or a building', () => {
  test.each([
    ['中山路100号楼上', '中山路', '100号'],
    ['中山路100楼上', '中山路', '100'],
    ['广州市越秀区永福路35号之七楼上办公室', '永福路', '35号之七'],
    ['合肥市长江中路57号楼上的办公室', '长江中路', '57号'],
    ['长江中路五十七号楼上', '长江中路', '五十七号'],
  ])('%s → %s %s, upstairs', (text, road, roadNo) => {
    const r = parse(text);
    expect(r).toMatchObject({ road, roadNo, buildingNo: null, building: null, floors: [] });
    expect(r.extra.upstairs).not.toBeNull();
  });

  test('二楼以上 states no floor', () => {
    expect(parse('长江中路67号 二楼以上是我们办公室').floors).toEqual([]);
  });

  test('3号楼 is still a building, 18楼 still a floor', () => {
    expect(parse('人民路8号3号楼').buildingNo).toBe('3号楼');
    expect(parse('人民路8号18楼').floors).toEqual([18]);
  });
});
