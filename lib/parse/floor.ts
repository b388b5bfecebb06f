import { CN_NUM_CHARS, toNumber } from '../normalize/numerals';
import { at } from './sticky';

/**
 * Floors as Chinese addresses write them: 18楼, 十八层, 第18层, 18F, F18, 18/F, L18, 首层,
 * 底层, 1-2层, 一至二层, 首、二层, 23楼、24楼, 负一层, 地下一层, B1, B2F, -1F, and the
 * designations with no number (夹层, 裙楼, 架空层, M, LG). G层 is the ground floor.
 */
export interface FloorToken {
  start: number;
  end: number;
  floors: number[];
  labels: string[];
}

/** The highest floor we believe; the tallest towers have about 130. */
export const MAX_FLOOR = 200;
const MAX_BASEMENT = 9;
const MAX_RANGE = 12;

const N = `(?:\\d{1,3}|[${CN_NUM_CHARS}]{1,4})`;
const FLOOR_WORD = '(?:楼层|层楼|层|楼|F|/F|樓)';

// Each pattern is tried at one position (sticky). Order matters: longer forms first.
const BASEMENT = new RegExp(`(?:地下|负)(${N})?(?:层|楼)|-(\\d)(?:F|层|楼)`, 'yi');
// B1层, B2F; a bare B2 only where a car park or a mall level is meant (B2停车场): alone it
// is as often block B2.
const B_FLOOR = /(?<![A-Za-z\d])B(\d)(?:F|层|楼|(?=停车|车库|车场|商场|超市|美食|餐饮|夹层))/iy;
const RANGE = new RegExp(`第?(${N}|首)(?:层|楼|F)?(?:-|至|到)第?(${N})(?:层|楼|F)(?!上|下)`, 'yi');
const LIST = new RegExp(`(?:(?:${N}|首)(?:层|楼|F)?[、及和]){1,4}(?:${N})(?:层|楼|F)(?!上|下)`, 'yi');
const SINGLE = new RegExp(`第?(${N})(层楼|楼层|层|楼|/F|F|樓)(?![上下])`, 'yi');
// F23, L3; not f2区 or F8一单元 (blocks), not L162 (a unit).
const PREFIXED = /(?<![A-Za-z])(?:F(\d{1,3})|L(\d{1,2}))(?![\dA-Za-z\-区栋幢座号单一二三四五六七八九十])/iy;
const GROUND = /(?<![A-Za-z])G(?:\/F|F|层|楼)/iy;
const LABELLED = /(?<![A-Za-z])(LG|UG|M)(?:层|楼)|(?<![A-Za-z])LG(?![A-Za-z])/iy;
// 地下室 and 底商 say where without saying which level: labels, not numbers.
const NAMED = /首层|首楼|底层|底楼|地面层|一楼|底商|地下室|夹层|裙楼|裙房|架空层|顶层|顶楼|天台层|设备层|避难层/y;

// A number before 楼 that is a building, not a floor: 126楼2单元.
const FOLLOWS_BUILDING = /^(?:[东西]?[\d一二三四五六七八九十]*单元|\d+门)/;
const UPPER_ROOM_AFTER = /^(?:[\d一二三四五六七八九十]{1,2}(?:单元|门))?[1-9]\d{2,3}(?!\d)/;
const ROOM_AFTER_UNIT = /^(?:[东西]?[\d一二三四五六七八九十]*单元|\d+门)(\d{3,4})(?!\d)/;

function num(s: string): number | null {
  const v = toNumber(s);
  return v === null || v < 1 ? null : v;
}

/**
 * The floor written at position i, or null. `afterBuilding`: a building number was already
 * written, so a numbered 楼 before a unit (18号楼1楼1单元) is a floor after all.
 */
export function matchFloor(text: string, i: number, afterBuilding = false): FloorToken | null {
  const c = text[i];
  let m: RegExpExecArray | null;

  if (c === '地' || c === '负' || c === '-') {
    if ((m = at(BASEMENT, text, i))) {
      const v = m[1] ? num(m[1]) : m[2] ? num(m[2]) : 1;
      // a区-3楼4单元601: a dash that separates, before a flat upstairs, is no minus sign.
      // So is a dash glued to a block's code or a unit before 楼 (c71-3楼, 13a3-1楼, 4单元-2楼);
      // 大厦-1F is a basement.
      const glued = i > 0 && (/[A-Za-z0-9]/.test(text[i - 1]) || /(?:单元|号|栋|幢|座)$/.test(text.slice(Math.max(0, i - 2), i))) && /[楼层]$/.test(m[0]);
      const dashIsSeparator = c === '-' && (UPPER_ROOM_AFTER.test(text.slice(i + m[0].length, i + m[0].length + 10)) || glued);
      if (v !== null && dashIsSeparator) return { start: i + 1, end: i + m[0].length, floors: [v], labels: [] };
      if (v !== null && v <= MAX_BASEMENT) return { start: i, end: i + m[0].length, floors: [-v], labels: [] };
    }
    if (c !== '地') return null;
  }
  if (c === 'B' || c === 'b') {
    if ((m = at(B_FLOOR, text, i))) {
      const v = num(m[1]);
      if (v !== null) return { start: i, end: i + m[0].length, floors: [-v], labels: [] };
    }
    return null;
  }
  if (c === 'L' || c === 'l' || c === 'U' || c === 'u' || c === 'M' || c === 'm') {
    if ((m = at(LABELLED, text, i))) {
      return { start: i, end: i + m[0].length, floors: [], labels: [(m[1] ?? 'LG').toUpperCase()] };
    }
  }
  if (c === 'G' || c === 'g') {
    if ((m = at(GROUND, text, i))) return { start: i, end: i + m[0].length, floors: [1], labels: ['G'] };
    return null;
  }
  if (c === 'F' || c === 'f' || c === 'L' || c === 'l') {
    if ((m = at(PREFIXED, text, i))) {
      const v = num(m[1] ?? m[2]);
      if (v !== null && v <= MAX_FLOOR) return { start: i, end: i + m[0].length, floors: [v], labels: [] };
    }
    return null;
  }
  if ((m = at(NAMED, text, i))) {
    const w = m[0];
    const ground = w === '首层' || w === '首楼' || w === '底层' || w === '底楼' || w === '地面层' || w === '一楼';
    // "底层" before a number is the bottom of a numbered block (3底层 in Hangzhou usage is
    // its own thing); a bare 一楼 is floor 1.
    if (ground) {
      // 首、二层 is a list: let LIST read it.
      if (!(w === '首层' || w === '首楼') || !/^、/.test(text.slice(i + 2))) {
        if (!(w === '首层' && /^[-至到]/.test(text.slice(i + 2)))) return { start: i, end: i + w.length, floors: [1], labels: [] };
      }
    } else return { start: i, end: i + w.length, floors: [], labels: [w] };
  }

  if ((m = at(RANGE, text, i))) {
    const a = m[1] === '首' ? 1 : num(m[1]);
    const b = num(m[2]);
    if (a !== null && b !== null && a < b && b - a <= MAX_RANGE && b <= MAX_FLOOR) {
      const floors: number[] = [];
      for (let f = a; f <= b; f++) floors.push(f);
      return { start: i, end: i + m[0].length, floors, labels: [] };
    }
  }
  if ((m = at(LIST, text, i))) {
    const parts = m[0].split(/[、,及和]/);
    const floors: number[] = [];
    for (const p of parts) {
      const core = p.replace(/(?:层|楼|F)$/i, '');
      const v = core === '首' ? 1 : num(core);
      if (v === null || v > MAX_FLOOR) return null;
      floors.push(v);
    }
    return { start: i, end: i + m[0].length, floors: [...new Set(floors)].sort((x, y) => x - y), labels: [] };
  }
  if ((m = at(SINGLE, text, i))) {
    const v = num(m[1]);
    if (v === null || v > MAX_FLOOR) return null;
    const end = i + m[0].length;
    // 126楼2单元: in northern usage a numbered 楼 with units after it is a building.
    // Unless the room after the unit is on that very floor (5楼2单元502).
    if (m[2] === '楼' && !afterBuilding && FOLLOWS_BUILDING.test(text.slice(end, end + 4))) {
      const room = ROOM_AFTER_UNIT.exec(text.slice(end, end + 12));
      const implied = room ? Number(room[1].length === 3 ? room[1][0] : room[1].slice(0, 2)) : null;
      if (implied !== v) return null;
    }
    return { start: i, end, floors: [v], labels: [] };
  }
  return null;
}
