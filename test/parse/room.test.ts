import { describe, expect, test } from 'vitest';
import { parse } from '../../lib/parse';
import { floorFromRoom } from '../../lib/parse/room';

describe('rooms', () => {
  test.each([
    ['特区报业大厦18楼1803室', '1803'],
    ['某大厦18楼1803房', '1803'],
    ['华荣时代大厦18A', '18A'],
    ['勒泰中心45层4501-4503室', '4501-4503'],
    ['嘉里建设广场第三座8楼806-808', '806-808'],
    ['紫峰大厦B1层B1-05', 'B1-05'],
    ['海岸城二层L2-15', 'L2-15'],
    ['恒生银行大厦F18-1803', '1803'],
    ['新东安广场地下二层B201', 'B201'],
    ['环球广场1幢1层01店面', '01'],
    ['某小区5单元1357', '1357'],
    ['某小区178-1217-802', '802'],
    ['迎春东苑10-8-428', '428'],
    ['天府中心8-839', '839'],
    ['商务大厦802-3', '802-3'],
    ['建材市场137栋15-16号', '15-16号'],
    ['汽配城99幢11-38号', '38号'],
    ['某酒店3楼301房', '301'],
    ['某市场6层2314号', '2314号'],
    ['某公寓7号楼2单元304户', '304户'],
    ['金城大厦A-2785室', '2785'],
    ['科技园F1314', 'F1314'],
    ['百脑汇4H1774', '4H1774'],
    ['张杨路639-2014', '2014'],
  ])('%s → %s', (text, room) => {
    expect(parse(text).room).toBe(room);
  });

  test.each([
    ['上海市黄浦区南京东路18号'],
    ['某大厦18楼'],
    ['哈尔滨市南岗区西大直街118号5单元3楼'],
    ['万达广场3号门'],
    ['某小区西门东侧160米'],
  ])('%s has no room', (text) => {
    expect(parse(text).room).toBeNull();
  });

  test('a number read as a room gives way to a building number after it', () => {
    expect(parse('彭城街道292号大院1号楼201').room).toBe('201');
  });

  test('a marked room wins over a bare number before it', () => {
    expect(parse('新盛村2890号杭州市A栋752室').room).toBe('752');
  });
});

describe('floorFromRoom', () => {
  test.each([
    ['1803', 18], ['302', 3], ['18A', 18], ['B1-05', -1], ['L2-15', 2], ['B201', -2], ['6901', 69],
    ['01', null], ['12345', null], ['DA1266', 12],
  ])('%s → %s', (room, floor) => {
    expect(floorFromRoom(room)).toBe(floor);
  });
});

describe('numbers people write (issue 11)', () => {
  test.each([
    ['人民路1号105、106号2208室', '2208'], // a list of shops, then the room: the last is claimed
    ['人民路1号201~206号', '201-206号'],
    ['人民路1号3号楼18楼1803', '1803'],
  ])('%s → room %s', (text, room) => {
    expect(parse(text).room).toBe(room);
  });
});
