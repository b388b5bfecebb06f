import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { contractParts, parse, PART_NAMES } from '../../lib/parse';

// Pieces of real addresses, recombined at random: the parser must hold on any mix of them.
const PIECES = [
  '浙江省', '杭州市', '西湖区', '深圳', '福田区', '鼓楼区', '[UNK]', '文三路', '深南大道', '90号', '6008号', '136-5号',
  '特区报业大厦', '1号楼', 'B座', '十八层', '18楼', '1803室', 'B1-05', '地下一层', '1-2层', '126楼', '2单元', '901',
  '建行', '招商银行大厦', '福田支行', '，', '。', ' ', '\n', '（', '）', '－', '１８', 'Ｆ', '13812345678', '明天', '签约',
  '首、二层', '23楼、24楼', '963楼上', 'F18-1803', '\uFFFD', '\u0000', 'é', '😀', '廣州市', '樓',
];

describe('parse never throws and every span stays inside its text', () => {
  test('on recombined address pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        const r = parse(text);
        checkSpans(text, r);
      }),
      { numRuns: 3000 },
    );
  });

  test('on any string at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        checkSpans(text, parse(text));
      }),
      { numRuns: 3000 },
    );
  });
});

function checkSpans(text: string, r: ReturnType<typeof parse>) {
  const [as, ae] = r.addressSpan;
  expect(0 <= as && as <= ae && ae <= text.length).toBe(true);
  for (const [name, span] of Object.entries(r.spans)) {
    const [s, e] = span!;
    expect(0 <= s && s < e && e <= text.length, `${name} span ${s}-${e} in ${JSON.stringify(text)}`).toBe(true);
  }
  for (const name of PART_NAMES) {
    const v = r[name];
    if (typeof v === 'string') expect(v.length).toBeGreaterThan(0);
  }
}

describe('the contract', () => {
  test('parts come in the order and with the names the BRIEF gives', () => {
    expect(Object.keys(contractParts(parse('深圳市福田区深南大道6008号')))).toEqual([
      'province', 'city', 'district', 'road', 'roadNo', 'building', 'buildingNo', 'floors', 'floorLabels', 'inferredFloor', 'room', 'bank', 'branch',
    ]);
  });

  test('each part highlights what the user wrote, full-width and all', () => {
    const text = '深圳市福田区深南大道６００８号特区报业大厦１８楼１８０３室';
    const r = parse(text);
    const at = (name: keyof typeof r.spans) => text.slice(...r.spans[name]!);
    expect(at('roadNo')).toBe('６００８号');
    expect(at('floors')).toBe('１８楼');
    expect(at('room')).toBe('１８０３');
    expect(r.roadNo).toBe('6008号');
    expect(r.room).toBe('1803');
  });

  test('absent parts are null and no floors is an empty list', () => {
    const r = contractParts(parse('深圳市福田区'));
    expect(r).toMatchObject({ road: null, roadNo: null, building: null, room: null, floors: [], floorLabels: [], inferredFloor: null });
  });
});

describe('divisions said after the road place the address, which still starts at the road', () => {
  test.each([
    ['民和路1023号三宏国际大厦35层杭州市萧山钱江世纪城管理委员会', '民和路', '1023号', [35], '萧山'],
    ['长江中路57号18楼，合肥市庐阳区', '长江中路', '57号', [18], '庐阳区'],
  ])('%s', (text, road, roadNo, floors, district) => {
    expect(parse(text)).toMatchObject({ road, roadNo, floors, district });
  });
});
