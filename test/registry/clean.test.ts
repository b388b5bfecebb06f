import { describe, expect, test } from 'vitest';
import { cleanSourceAddress } from '../../lib/registry/clean';
import { parse } from '../../lib/parse';

describe('registry addresses cleaned at import', () => {
  test.each([
    ['合肥市亳(bo)州路100号', '合肥市亳州路100号'],
    ['合肥市亳（bo）州路100号', '合肥市亳州路100号'],
    ['石家庄市谈南路63号睿和中心（原址对面）', '石家庄市谈南路63号睿和中心'],
    ['长江中路57号（原址：长江中路41号）', '长江中路57号'],
    ['原址：长江中路41号（现址：长江中路57号）', '长江中路57号'],
    ['长江中路57号，原址：长江中路41号', '长江中路57号'],
    ['北京市朝阳区工体东路21－31号', '北京市朝阳区工体东路21-31号'],
    ['某路176—178号', '某路176-178号'],
    ['某路176 ～ 178号', '某路176-178号'],
    ['济南市经七路249号（东方大厦东临）自2019年7月4日9：00起迁回原址', '济南市经七路249号（东方大厦东临）'],
    ['北园大街34号(山东汽车城对面）（5月13日9：00回迁原址）', '北园大街34号(山东汽车城对面）'],
    ['青岛市延吉路76号（青岛市市南区香港中路30号原址）', '青岛市延吉路76号'],
    ['铜陵路路（街）169号', '铜陵路169号'],
    ['包河区区马鞍山路1号', '包河区马鞍山路1号'],
    ['中北路101+号', '中北路101号'],
  ])('%s → %s', (raw, clean) => {
    expect(cleanSourceAddress(raw)).toBe(clean);
  });

  test('a cleaned address and a typed one read the same number', () => {
    expect(parse(cleanSourceAddress('北京市朝阳区工体东路21－31号')).roadNo).toBe(parse('北京市朝阳区工体东路21-31号').roadNo);
    expect(parse(cleanSourceAddress('合肥市亳(bo)州路100号')).road).toBe('亳州路');
  });

  test('addresses with nothing to clean pass unchanged', () => {
    for (const a of ['合肥市长江中路57号', '北京市西城区西长安街甲17号', '某大厦B1-05']) expect(cleanSourceAddress(a)).toBe(a);
  });
});
