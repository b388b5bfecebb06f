import type { Division } from './index';

/**
 * Divisions written loosely: a city without 市 glued to a short road (杭州文二路, 苏州干将路,
 * 成都红星路) is the city and the road. A name that runs on into a road's own name stays the
 * road (南京路, 北京东路, 重庆南路, 钱塘江路, 共和新路): the road's part after the city must be
 * a name of its own, two or three characters, not a direction, a 新 or a river's 江.
 */
const GLUED_ROAD = /^([\u4e00-\u9fa5\d]{2,3}?)(?:路|街(?!道)|大道|大街)/;
const NOT_OWN_NAME = /^[东西南北中新老大小环湾江河路街道一二三四五六七八九十]/;

export function cityGluedToRoad(d: Division, after: string): boolean {
  if (d.level !== 'city' && !(d.level === 'province' && /^(?:11|12|31|50)$/.test(d.code))) return false;
  const m = GLUED_ROAD.exec(after);
  if (!m) return false;
  return !NOT_OWN_NAME.test(m[1]);
}
