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

function token(i: number, written: string, floors: number[], labels: string[] = []): FloorToken {
  return { start: i, end: i + written.length, floors, labels };
}

/**
 * The floor written at position i, or null. `afterBuilding`: a building number was already
 * written, so a numbered 楼 before a unit (18号楼1楼1单元) is a floor after all.
 */
export function matchFloor(text: string, i: number, afterBuilding = false): FloorToken | null {
  const c = text[i];
  if (c === '地' || c === '负' || c === '-') {
    const basement = basementAt(text, i);
    // 地 also opens 地面层 and 地下室 (named floors below).
    if (basement || c !== '地') return basement;
  }
  if (c === 'B' || c === 'b') return bFloorAt(text, i);
  if (c === 'L' || c === 'l' || c === 'U' || c === 'u' || c === 'M' || c === 'm') {
    const labelled = at(LABELLED, text, i);
    if (labelled) return token(i, labelled[0], [], [(labelled[1] ?? 'LG').toUpperCase()]);
  }
  if (c === 'G' || c === 'g') {
    const ground = at(GROUND, text, i);
    return ground ? token(i, ground[0], [1], ['G']) : null;
  }
  if (c === 'F' || c === 'f' || c === 'L' || c === 'l') return prefixedAt(text, i);
  return namedAt(text, i) ?? rangeAt(text, i) ?? numberedAt(text, i, afterBuilding);
}

/** 负一层, 地下二层, -1F; or, where the dash only separates (a区-3楼4单元601), floor 3. */
function basementAt(text: string, i: number): FloorToken | null {
  const m = at(BASEMENT, text, i);
  if (!m) return null;
  const v = m[1] ? num(m[1]) : m[2] ? num(m[2]) : 1;
  if (v === null) return null;
  // a区-3楼4单元601: a dash that separates, before a flat upstairs, is no minus sign.
  // So is a dash glued to a block's code or a unit before 楼 (c71-3楼, 13a3-1楼, 4单元-2楼);
  // 大厦-1F is a basement.
  const end = i + m[0].length;
  const glued = i > 0 && (/[A-Za-z0-9]/.test(text[i - 1]) || /(?:单元|号|栋|幢|座)$/.test(text.slice(Math.max(0, i - 2), i))) && /[楼层]$/.test(m[0]);
  const dashIsSeparator = text[i] === '-' && (UPPER_ROOM_AFTER.test(text.slice(end, end + 10)) || glued);
  if (dashIsSeparator) return { start: i + 1, end, floors: [v], labels: [] };
  return v <= MAX_BASEMENT ? token(i, m[0], [-v]) : null;
}

/** B1层, B2F, B2停车场: a basement level. */
function bFloorAt(text: string, i: number): FloorToken | null {
  const m = at(B_FLOOR, text, i);
  const v = m ? num(m[1]) : null;
  return m && v !== null ? token(i, m[0], [-v]) : null;
}

/** F23, L3: the floor letter before its number. */
function prefixedAt(text: string, i: number): FloorToken | null {
  const m = at(PREFIXED, text, i);
  const v = m ? num(m[1] ?? m[2]) : null;
  return m && v !== null && v <= MAX_FLOOR ? token(i, m[0], [v]) : null;
}

const GROUND_WORDS = new Set(['首层', '首楼', '底层', '底楼', '地面层', '一楼']);

/**
 * A floor named by a word: 首层, 一楼 (floor 1) or a label (夹层, 地下室). Null for 首、二层 and
 * 首层-三层, which the list and the range read.
 */
function namedAt(text: string, i: number): FloorToken | null {
  const m = at(NAMED, text, i);
  if (!m) return null;
  const w = m[0];
  // "底层" before a number is the bottom of a numbered block (3底层 in Hangzhou usage is
  // its own thing); a bare 一楼 is floor 1.
  if (!GROUND_WORDS.has(w)) return token(i, w, [], [w]);
  const startsList = (w === '首层' || w === '首楼') && /^、/.test(text.slice(i + 2));
  const startsRange = w === '首层' && /^[-至到]/.test(text.slice(i + 2));
  return startsList || startsRange ? null : token(i, w, [1]);
}

/** 1-2层, 一至二层, 首层到三层: every floor of a short range. */
function rangeAt(text: string, i: number): FloorToken | null {
  const m = at(RANGE, text, i);
  if (!m) return null;
  const a = m[1] === '首' ? 1 : num(m[1]);
  const b = num(m[2]);
  if (a === null || b === null || a >= b || b - a > MAX_RANGE || b > MAX_FLOOR) return null;
  return token(i, m[0], Array.from({ length: b - a + 1 }, (_, k) => a + k));
}

/** Numbered floors: a list (首、二层, 23楼、24楼) or one floor (18楼, 十八层, 18/F). */
function numberedAt(text: string, i: number, afterBuilding: boolean): FloorToken | null {
  const list = at(LIST, text, i);
  if (list) return listOf(list[0], i);
  const m = at(SINGLE, text, i);
  if (!m) return null;
  const v = num(m[1]);
  if (v === null || v > MAX_FLOOR) return null;
  if (m[2] === '楼' && !afterBuilding && isBuildingBeforeUnit(text, i + m[0].length, v)) return null;
  return token(i, m[0], [v]);
}

/** The floors of a list written at i; null if any of them is no floor. */
function listOf(written: string, i: number): FloorToken | null {
  const floors: number[] = [];
  for (const p of written.split(/[、,及和]/)) {
    const core = p.replace(/(?:层|楼|F)$/i, '');
    const v = core === '首' ? 1 : num(core);
    if (v === null || v > MAX_FLOOR) return null;
    floors.push(v);
  }
  return token(i, written, [...new Set(floors)].sort((x, y) => x - y));
}

/**
 * 126楼2单元: in northern usage a numbered 楼 with units after it (from `end`) is a building.
 * Unless the room after the unit is on that very floor (5楼2单元502).
 */
function isBuildingBeforeUnit(text: string, end: number, floor: number): boolean {
  if (!FOLLOWS_BUILDING.test(text.slice(end, end + 4))) return false;
  const room = ROOM_AFTER_UNIT.exec(text.slice(end, end + 12));
  const implied = room ? Number(room[1].length === 3 ? room[1][0] : room[1].slice(0, 2)) : null;
  return implied !== floor;
}
