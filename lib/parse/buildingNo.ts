import type { FloorToken } from './floor';
import { at } from './sticky';

/**
 * Building numbers: 1号楼, 3栋, 1幢, B座, 第三座, 一号办公楼, 东塔, T2; in northern usage a
 * numbered 楼 before its units (126楼2单元), and 12-11楼 (building 12, floor 11).
 */
export interface BuildingNoToken {
  start: number;
  end: number;
  /** A floor written in the same token (12-11楼). */
  floor?: FloorToken;
}

const CN = '一二三四五六七八九十';
const NUMBERED = new RegExp(
  `(?:第?[${CN}]{1,3}|\\d{1,4}[A-Za-z]?|[A-Za-z]\\d{0,3})(?:号楼|号办公楼|号写字楼|号综合楼|号商务楼|号厂房|号馆|号塔楼|号塔|号座|栋|幢|座|塔)`,
  'y',
);
const SIDE = /[东西南北中](?:塔|座|栋)/y;
const TOWER = /(?<![A-Za-z])T\d{1,2}(?![\dA-Za-z])/y;
// Northern usage: 126楼2单元901室, 12号3单元.
const NORTHERN = new RegExp(`(\\d{1,4})(?:楼|号)(?=[东西]?[\\d${CN}]{0,2}单元|\\d{1,2}门)`, 'y');
// Beijing's 甲18楼 / 乙3号楼: a building named with a stem prefix.
const STEM = /(?<!号)[甲乙丙丁]\d{1,4}(?:号楼|楼|号)(?![上下])/y;
const BUILDING_DASH_FLOOR = /(\d{1,4})-(\d{1,3})(楼|层)(?![上下])/y;

/**
 * The building number at position i, or null. `afterBuilding`: one was already written, so
 * a numbered 楼 before a unit (18号楼1楼1单元) is a floor, not a second building.
 */
export function matchBuildingNo(text: string, i: number, afterBuilding = false): BuildingNoToken | null {
  let m: RegExpExecArray | null;
  if ((m = at(BUILDING_DASH_FLOOR, text, i))) {
    const building = Number(m[1]);
    const floor = Number(m[2]);
    // 1-2楼 is a range of floors; 12-11楼 is floor 11 of building 12.
    if (building > floor && floor >= 1) {
      const fStart = i + m[1].length + 1;
      return {
        start: i,
        end: i + m[1].length,
        floor: { start: fStart, end: i + m[0].length, floors: [floor], labels: [] },
      };
    }
  }
  if ((m = at(NUMBERED, text, i))) return { start: i, end: i + m[0].length };
  if ((m = at(STEM, text, i))) return { start: i, end: i + m[0].length };
  if (!afterBuilding && (m = at(NORTHERN, text, i))) return { start: i, end: i + m[0].length };
  if ((m = at(SIDE, text, i))) return { start: i, end: i + m[0].length };
  if ((m = at(TOWER, text, i))) return { start: i, end: i + m[0].length };
  return null;
}
