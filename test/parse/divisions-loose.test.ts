import { describe, expect, test } from 'vitest';
import { parse } from '../../lib/parse';

describe('divisions written loosely', () => {
  test.each([
    ['杭州文二路', '杭州', null, '文二路'],
    ['交通银行 杭州文二路100号', '杭州', null, '文二路'],
    ['苏州干将路100号', '苏州', null, '干将路'],
    ['成都红星路二段', '成都', null, '红星路'],
    ['北京东城王府井大街200号', '北京', '东城', '王府井大街'],
    ['上海中山南路8号', '上海', null, '中山南路'],
  ])('%s → %s %s %s', (text, city, district, road) => {
    expect(parse(text)).toMatchObject({ city, district, road });
  });

  test.each(['南京路100号', '北京东路8号', '重庆南路1号', '钱塘江路5号', '共和新路3号', '杭州湾大道1号', '广州大道中100号'])('%s stays a road, no city', (text) => {
    expect(parse(text).city).toBeNull();
  });
});
