import { describe, expect, test } from 'vitest';
import { joinSplitLines } from '../../lib/normalize/lines';
import { normalize } from '../../lib/normalize/text';
import { parse } from '../../lib/parse';

describe('an address split over two lines is read as one', () => {
  test.each([
    ['合肥市长江中路\n57号', '合肥市长江中路57号'],
    ['合肥市庐阳区\n长江中路57号', '合肥市庐阳区长江中路57号'],
    ['金城大厦\n18楼1803室', '金城大厦18楼1803室'],
    ['长江中路57\n号', '长江中路57号'],
    ['大尧三路26号\n乙 5F', '大尧三路26号乙5F'],
    ['东风大街西段15号如意家园小区\n13层🙏', '东风大街西段15号如意家园小区13层🙏'],
    ['高升桥南街8号\n附45-47号 25楼', '高升桥南街8号附45-47号25楼'],
    ['西长安街\n甲17号', '西长安街甲17号'],
    ['青铜峡路13号乙\n5F', '青铜峡路13号乙5F'],
    ['南海大道\n北41号', '南海大道北41号'],
    ['演示大道88号\n示例金融大厦18楼1803室', '演示大道88号示例金融大厦18楼1803室'],
    ['长江中路57号\n交通银行楼上', '长江中路57号交通银行楼上'],
    ['安庆路236号23幢商101~105门面\n十六楼。', '安庆路236号23幢商101-105门面十六楼。'],
  ])('%j', (text, joined) => {
    expect(joinSplitLines(normalize(text)).text).toBe(joined);
  });

  test.each([
    '您好\n我是交行的王经理',
    '地址发你了\n到了打电话',
    '合肥市长江中路57号\n明天上午10点',
    '金城大厦\n2026年1月5日',
  ])('%j keeps its line break', (text) => {
    expect(joinSplitLines(normalize(text)).text).toContain('\n');
  });

  test('the parts still point into the text as sent, line breaks and all', () => {
    const text = '交通银行\n合肥市长江中路\n57号';
    const r = parse(text);
    expect(r).toMatchObject({ road: '长江中路', roadNo: '57号' });
    const [s, e] = r.spans.roadNo!;
    expect(text.slice(s, e)).toBe('57号');
  });
});
