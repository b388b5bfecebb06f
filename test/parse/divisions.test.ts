import { describe, expect, test } from 'vitest';
import { parse } from '../../lib/parse';
import { divisionIndex } from '../../lib/parse/divisions';

const place = (text: string) => {
  const r = parse(text);
  return {
    written: [r.province, r.city, r.district],
    district: r.place.district?.name ?? null,
    city: r.place.city?.name ?? null,
    candidates: r.place.candidates.map((d) => `${d.name}@${d.cityCode}`),
    former: r.place.former?.name ?? null,
  };
};

describe('divisions as written', () => {
  test.each([
    ['浙江省杭州市西湖区文三路90号', ['浙江省', '杭州市', '西湖区'], '西湖区', '杭州市'],
    ['杭州西湖区文三路90号', [null, '杭州', '西湖区'], '西湖区', '杭州市'],
    ['绍兴柯桥蝶庄132-967', [null, '绍兴', '柯桥'], '柯桥区', '绍兴市'],
    ['金华义乌江南四小区', [null, '金华', '义乌'], '义乌市', '金华市'],
    ['嵊州商业城982', [null, null, '嵊州'], '嵊州市', '绍兴市'],
    ['北京北京市石景山区古城街道', ['北京', '北京', '石景山区'], '石景山区', '北京市'],
    ['浙江省 杭州市 滨江区 浙江省 杭州市 滨江区 六和路', ['浙江省', '杭州市', '滨江区'], '滨江区', '杭州市'],
    ['伦教街道佛山市顺德区伦教街道鸡洲市场', [null, '佛山市', '顺德区'], '顺德区', '佛山市'],
    ['台州路桥区金鹊小区', [null, '台州', '路桥区'], '路桥区', '台州市'],
    ['广西省柳州市城中区东环大道', ['广西省', '柳州市', '城中区'], '城中区', '柳州市'],
    ['辽宁省阜蒙县繁荣大街', ['辽宁省', null, '阜蒙县'], '阜新蒙古族自治县', '阜新市'],
    ['重庆市石柱县南宾镇', ['重庆市', '重庆市', '石柱县'], '石柱土家族自治县', '重庆市'],
    ['安徽省阜阳市颖上县颖阳路', ['安徽省', '阜阳市', '颖上县'], '颍上县', '阜阳市'],
    // Peoples written without 族 in the county's name, and counties named after the people alone.
    ['新疆伊犁州察布查尔县察布查尔镇和平路1号', ['新疆', '伊犁州', '察布查尔县'], '察布查尔锡伯自治县', '伊犁哈萨克自治州'],
    ['新疆喀什地区塔什库尔干县红旗拉甫路1号', ['新疆', '喀什地区', '塔什库尔干县'], '塔什库尔干塔吉克自治县', '喀什地区'],
    ['甘肃省临夏州东乡县锁南镇1号', ['甘肃省', '临夏州', '东乡县'], '东乡族自治县', '临夏回族自治州'],
    ['内蒙古呼伦贝尔市鄂伦春旗阿里河镇1号', ['内蒙古', '呼伦贝尔市', '鄂伦春旗'], '鄂伦春自治旗', '呼伦贝尔市'],
    ['内蒙古呼伦贝尔市鄂温克旗巴彦托海镇1号', ['内蒙古', '呼伦贝尔市', '鄂温克旗'], '鄂温克族自治旗', '呼伦贝尔市'],
    ['江西省抚州市东乡区孝岗镇1号', ['江西省', '抚州市', '东乡区'], '东乡区', '抚州市'],
  ])('%s', (text, written, district, city) => {
    const p = place(text);
    expect(p.written).toEqual(written);
    expect(p.district).toBe(district);
    expect(p.city).toBe(city);
  });

  test('a district name is resolved to its city when unique', () => {
    expect(place('福田区福华三路')).toMatchObject({ district: '福田区', city: '深圳市' });
  });

  test.each(['朝阳区', '鼓楼区'])('%s alone gives candidates, not a guess', (name) => {
    const p = place(`${name}中山路1号`);
    expect(p.district).toBeNull();
    expect(p.candidates.length).toBeGreaterThan(1);
  });

  test('the city decides an ambiguous name', () => {
    expect(place('南京市鼓楼区中山北路2号')).toMatchObject({ district: '鼓楼区', city: '南京市' });
  });

  test('高新区 is a zone, not a district, and no city is guessed for it', () => {
    const r = parse('高新区望江西路502号');
    expect(r.district).toBeNull();
    expect(r.extra.zone).toBe('高新区');
    expect(r.place.city).toBeNull();
  });

  test('names of 2023 are known (临平区, 钱塘区)', () => {
    expect(place('杭州市临平区南苑街道').district).toBe('临平区');
    expect(place('杭州市钱塘区下沙街道').district).toBe('钱塘区');
  });
});

describe('abolished and renamed divisions link to today', () => {
  test.each([
    ['宁波江东区杏阳小区', ['鄞州区'], '江东区'],
    ['浙江省杭州市江干区凯旋路', ['上城区', '钱塘区'], '江干区'],
    ['杭州市下城区武林路', ['拱墅区'], '下城区'],
    ['绍兴市绍兴县柯桥街道', ['柯桥区'], '绍兴县'],
    ['上海市闸北区天目中路', ['静安区'], '闸北区'],
    ['杭州市余杭区南苑街道', ['余杭区', '临平区'], '余杭区'],
  ])('%s', (text, today, former) => {
    const p = place(text);
    expect(p.former).toBe(former);
    expect(p.candidates.map((c) => c.split('@')[0])).toEqual(today);
  });

  test('a suffix that changed (富阳市 → 富阳区) needs no history', () => {
    expect(place('浙江省杭州市富阳市富春街道')).toMatchObject({ district: '富阳区', former: null });
  });
});

describe('what is not a division', () => {
  test.each([
    ['上海市黄浦区南京东路18号', '南京 is a road here'],
    ['宁波市鄞州区鄞县大道中段1771号', '鄞县 begins a road'],
    ['金华市义乌市场', '义乌市场 is a market'],
  ])('%s (%s)', (text) => {
    const r = parse(text);
    expect(r.road === null || r.road.length >= 3).toBe(true);
    if (text.includes('南京东路')) expect(r.road).toBe('南京东路');
    if (text.includes('鄞县大道')) expect(r.road).toBe('鄞县大道中段');
  });

  test('an unreadable character in a district name is matched through its city', () => {
    const r = parse('山东省临沂市[UNK]城县[UNK]国古城');
    expect(r.district).toBe('[UNK]城县');
    expect(r.place.district?.name).toBe('郯城县');
  });
});

describe('the division data', () => {
  test('comes from the maintained package and holds about three thousand districts', () => {
    const idx = divisionIndex();
    const districts = [...idx.byCode.values()].filter((d) => d.level === 'district');
    expect(districts.length).toBeGreaterThan(2900);
    expect(idx.names.get('临平区')?.[0].division.code).toBe('330113');
  });
});
