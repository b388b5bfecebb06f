import { describe, expect, test } from 'vitest';
import { parse } from '../../lib/parse';

describe('road and number', () => {
  test.each([
    ['深圳市福田区深南大道6008号特区报业大厦', '深南大道', '6008号'],
    ['南宁市青秀区民族大道136-5号华润大厦', '民族大道', '136-5号'],
    ['成都市锦江区红星路三段1号IFS', '红星路三段', '1号'],
    ['苏州大道东 265 号', '苏州大道东', '265号'],
    ['北京市朝阳区建国门外大街1号国贸大厦', '建国门外大街', '1号'],
    ['厦门市思明区鹭江道 8 号', '鹭江道', '8号'],
    ['上海市静安区柳营路669弄14号1102', '柳营路', '669弄'],
    ['北京市石景山区北辛安南路15号院中海', '北辛安南路', '15号院'],
    ['广州天河区珠江新城华夏路10号富力中心', '华夏路', '10号'],
    ['平阳县萧江镇沧海路963楼上', '沧海路', '963'],
    ['上海市浦东新区张杨路639-2014', '张杨路', '639'],
  ])('%s → %s %s', (text, road, roadNo) => {
    const r = parse(text);
    expect(r.road).toBe(road);
    expect(r.roadNo).toBe(roadNo);
  });

  test('an intersection has two roads and no number', () => {
    const r = parse('合肥市宿松路与黟县路交口金汇商务中心');
    expect(r.road).toBe('宿松路');
    expect(r.roadNo).toBeNull();
    expect(r.extra.crossRoad).toBe('黟县路');
  });

  test.each([
    ['义乌国际商贸城一期B区九楼4537四街', 'a numbered aisle (四街) is no road'],
    ['箱包市场11街182', 'an aisle inside a market'],
    ['某公园里701号', '公园里 means inside the park'],
    ['万达广场步行街6层', 'no number: not the road of the address unless alone'],
  ])('%s: %s', (text) => {
    const r = parse(text);
    expect(r.roadNo).toBeNull();
  });

  test('a road named after a floor inside a mall is an aisle', () => {
    const r = parse('濮院镇中央商城三楼四川街575号');
    expect(r.road).toBeNull();
    expect(r.floors).toEqual([3]);
    expect(r.room).toBe('575号');
  });

  test('a bank branch named after a road does not give the address its road', () => {
    const r = parse('兴业银行合肥分行寿春路支行 阜阳路59号');
    expect(r.road).toBe('阜阳路');
    expect(r.roadNo).toBe('59号');
  });
});

describe('numbers people write (issue 11)', () => {
  test.each([
    ['北京市西城区金融大街甲25号', '金融大街', '甲25号'],
    ['人民路附1号', '人民路', '附1号'],
    ['人民路18之2号', '人民路', '18之2号'],
    ['成都市人民南路四段11号附1号', '人民南路四段', '11号附1号'],
    // numerals inside a name are the name's
    ['北京市东城区东四十条100号', '东四十条', '100号'],
    ['长沙市五一大道389号', '五一大道', '389号'],
    ['北京市朝阳区三里屯路19号', '三里屯路', '19号'],
    ['太原市杏花岭区五一路139号', '五一路', '139号'],
    ['北京市朝阳区工体东路20－5号', '工体东路', '20-5号'],
  ])('%s → %s %s', (text, road, roadNo) => {
    expect(parse(text)).toMatchObject({ road, roadNo });
  });

  test.each([
    ['人民路1号3号楼', '3号楼', []],
    ['人民路1号18楼', null, [18]],
    ['人民路1号3号楼18楼', '3号楼', [18]],
    ['人民路1号5楼2单元', '5楼', []], // N楼N单元 stays a building (tricky case 16)
  ])('%s → building %s, floors %j', (text, buildingNo, floors) => {
    expect(parse(text)).toMatchObject({ buildingNo, floors });
  });
});

describe('a one-character street after a town', () => {
  test.each([
    ['店埠镇新街28号', '新街'],
    ['肥东县店埠镇新街28号', '新街'],
    ['长临河镇新街33号', '新街'],
  ])('%s → %s', (text, road) => {
    expect(parse(text).road).toBe(road);
  });
});
