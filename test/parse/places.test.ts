import { describe, expect, test } from 'vitest';
import { parse } from '../../lib/parse';

/** The address chosen among the places of a message, and the roles of the others. */
const chosen = (text: string) => {
  const r = parse(text);
  return { road: r.road, roadNo: r.roadNo, district: r.district, bank: r.bank, building: r.building, roles: r.places.map((p) => p.role) };
};

describe('an old address and a new one: the new one is checked', () => {
  test.each([
    ['交通银行原地址合肥市长江中路57号已搬迁，新地址：合肥市长江中路157号8楼', '长江中路', '157号', ['old', 'checked']],
    ['我们以前在芜湖路88号，现在搬到宿州路20号金城大厦9楼了', '宿州路', '20号', ['old', 'checked']],
    ['原网点：长江西路189号；现址：望江西路66号', '望江西路', '66号', ['old', 'checked']],
    ['徽州大道12号的网点已搬迁，新地址是马鞍山路8号', '马鞍山路', '8号', ['old', 'checked']],
    ['新地址：马鞍山路8号金城大厦9楼，原地址：徽州大道12号', '马鞍山路', '8号', ['checked', 'old']],
    ['网点地址变更：由长江中路41号变更为长江中路57号', '长江中路', '57号', ['old', 'checked']],
  ])('%s', (text, road, roadNo, roles) => {
    expect(chosen(text)).toMatchObject({ road, roadNo, roles });
  });

  test('the old place has its own parse', () => {
    const r = parse('交通银行原地址合肥市长江中路57号已搬迁，新地址：合肥市长江中路157号8楼');
    expect(r.places[0].parsed).toMatchObject({ road: '长江中路', roadNo: '57号' });
    expect(r.places[0].text).toContain('长江中路57号');
  });

  test('之前 meaning "before a time" is no old address', () => {
    expect(chosen('请于周五之前到合肥市长江中路57号签约，现在就可以出发').roadNo).toBe('57号');
  });
});

describe('a landmark is context, never the address', () => {
  test.each([
    ['交通银行，合肥市长江中路57号（区政府对面）', '长江中路', '57号', null],
    ['建行 宿州路20号，市立医院旁边', '宿州路', '20号', null],
    ['我们在工行隔壁的宿州路20号金城大厦9楼', '宿州路', '20号', '金城大厦'],
    ['合肥市长江中路57号区政府斜对面', '长江中路', '57号', null],
  ])('%s', (text, road, roadNo, building) => {
    const r = chosen(text);
    expect(r).toMatchObject({ road, roadNo, building });
    expect(r.roles).toContain('landmark');
  });

  test('alone, a landmark is the way a courier address is written, and stays', () => {
    expect(parse('浙江省绍兴市诸暨市店口镇汽车站对面').district).toBe('诸暨市');
    expect(parse('浙江省温州市永嘉县上塘镇下堡村委会对面').places).toEqual([]);
  });
});

describe('the district said again after the road', () => {
  test.each([
    ['交通银行 长江中路57号，庐阳区那个网点', '庐阳区'],
    ['人民路88号，鼓楼区那边', '鼓楼区'],
  ])('%s', (text, district) => {
    expect(chosen(text)).toMatchObject({ district, roles: ['checked', 'context'] });
  });

  test('a division opening the text is the address itself', () => {
    expect(parse('安徽省合肥市瑶海区,,,合肥龙岗综合经济开发区龙岗路文一云溪湾9栋704').district).toBe('瑶海区');
  });
});

describe('a prefix before the address: the bank before a colon is the claimed bank, not a building', () => {
  test.each([
    ['工商银行合肥三牌楼支行贷款签约中心：合肥市长江中路57号3楼', '中国工商银行', '长江中路', '57号'],
    ['【交通银行】签约地址：合肥市长江中路57号', '交通银行', '长江中路', '57号'],
    ['信贷部：合肥市宿州路20号金城大厦9楼', null, '宿州路', '20号'],
    ['建设银行个贷中心：宿州路20号', '中国建设银行', '宿州路', '20号'],
    ['签约地址：宿州路20号 中国银行', '中国银行', '宿州路', '20号'],
  ])('%s', (text, bank, road, roadNo) => {
    const r = parse(text);
    expect({ bank: r.bank, road: r.road, roadNo: r.roadNo }).toEqual({ bank, road, roadNo });
    expect(r.building ?? '').not.toMatch(/中心|信贷部|银行/);
  });
});

describe('a road inside a branch name, the street address later', () => {
  test.each([
    ['交通银行解放路支行，地址合肥市长江中路57号', '解放路支行', '长江中路', '57号'],
    ['交通银行合肥三牌楼支行 长江中路57号', '合肥三牌楼支行', '长江中路', '57号'],
    ['农行宿州路支行，请到合肥市长江西路189号', '宿州路支行', '长江西路', '189号'],
  ])('%s', (text, branch, road, roadNo) => {
    expect(parse(text)).toMatchObject({ branch, road, roadNo });
  });
});

describe('two addresses with no words between them: both are listed', () => {
  test('one checked, the other listed', () => {
    const r = parse('交通银行，地址合肥市长江中路57号。另一个地址宿州路20号也可以');
    expect(r.places.map((p) => p.role).sort()).toEqual(['checked', 'other']);
  });
  test('a plain address lists nothing', () => {
    expect(parse('合肥市长江中路57号').places).toEqual([]);
  });
});

describe('a floor after the words that end an address is still where the person is sent', () => {
  test.each([
    ['我在长江中路57号交行门口等你，然后带你去旁边的写字楼18楼签约', [18]],
    ['请到宿州路20号办理，签约地点在9楼905室', [9]],
    ['请到宿州路20号办理，办理时间9点到17点', []],
  ])('%s → floors %j', (text, floors) => {
    expect(parse(text).floors).toEqual(floors);
  });
});

describe('the checked place ends before the landmark that closes it', () => {
  test('…1803室（区政府对面） 王经理', () => {
    const r = parse('新地址：深圳市福田区演示大道88号示例金融大厦18楼1803室（区政府对面） 王经理');
    expect(r.places.map((p) => [p.role, p.text])).toEqual([
      ['checked', '深圳市福田区演示大道88号示例金融大厦18楼1803室'],
      ['landmark', '（区政府对面）'],
    ]);
  });
});

describe('directions from one place to another: the place after them is where the person is sent', () => {
  test.each([
    ['先到合肥市长江中路57号交通银行，再往前走50米，金城大厦18楼', '金城大厦', [18]],
    ['到宿州路20号工行门口，过马路，对面的金城大厦9楼', '金城大厦', [9]],
  ])('%s', (text, building, floors) => {
    const r = parse(text);
    expect({ building: r.building, floors: r.floors, road: r.road }).toEqual({ building, floors, road: null });
    expect(r.places[0].role).toBe('landmark');
    expect(r.places.find((p) => p.role === 'checked')?.text).toContain(building);
  });

  test('a street address and its floor with no directions stay one place', () => {
    expect(parse('合肥市长江中路57号金城大厦18楼').places).toEqual([]);
  });
});

describe('a long text is read in linear time, however many places it seems to hold', () => {
  test('100 KB of address-like words and 8,000 lines', () => {
    const words = ['原地址', '现在', '搬到', '对面', '旁边', '：', '，', '\n', '长江中路57号', '楼上', '交通银行', '18楼', '(区政府对面)', '再往前走50米', '同一栋楼'];
    let text = '';
    for (let k = 0; text.length < 100_000; k++) text += words[(k * 7919) % words.length];
    const t = performance.now();
    const r = parse(text);
    parse('长江中路57号\n'.repeat(8000));
    expect(performance.now() - t).toBeLessThan(3000);
    expect(r.places.length).toBeLessThanOrEqual(8);
  });
});
