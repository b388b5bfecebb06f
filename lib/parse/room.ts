/**
 * Rooms: 1803室, 1803房, 18A, 1803-1805, B1-05, L2-15, F18-1803, B201, 01店面, 15-16号, and
 * the residential forms 5单元1357 and 178-1217-802 (building-unit-room). The value is the
 * room as written, half-width, without 室/房 (and without the shop words 店面/商铺/铺).
 */

import { at } from './sticky';

export interface RoomToken {
  start: number;
  end: number;
  /** The room as reported: [valueStart, valueEnd) of the normalized text. */
  valueStart: number;
  valueEnd: number;
  /** A floor stated inside the room designation (F18-1803). */
  floor?: number;
  /** Marked as a room (室, 房, 户, a unit code) rather than read from a bare number. */
  marked: boolean;
}

/** How surely a token is a room: 1803室 over a unit code or 11-12号, over a bare number. */
export function roomStrength(r: RoomToken, text: string): number {
  if (!r.marked) return 0;
  return /[室房户]/.test(text.slice(r.valueEnd, r.end)) || /[室房户]$/.test(text.slice(r.start, r.end)) ? 2 : 1;
}

// Words after a room number that are not part of its value, and words that are.
const DROP = '(?:室|房(?!间)|铺面|商铺|铺|店面|门面)';
const KEEP = '(?:房间|户|档口|档)';
const SUFFIX = `(?:号?${DROP}|号?${KEEP})`;

const F_ROOM = /(?<![A-Za-z])F(\d{1,3})-(\d{2,5}[A-Za-z]?)(?![\d])/iy;
// B1-05, L2-15: a level and a unit, one designation.
const FLOOR_CODE = new RegExp(`(?<![A-Za-z])([BL]\\d-\\d{1,3}[A-Za-z]?)(?![\\d-])(${SUFFIX})?`, 'iy');
// A29-2980, D-56, B6-1074, A115-9-1144: a block's code, then the room; C-11, D05-2 and
// A123-124 are one designation.
const BLOCK_CODE = new RegExp(`(?<![A-Za-z])([A-Za-z]{1,2}(\\d{0,3}))-(?:\\d{1,4}-)?(\\d{1,5}[A-Za-z]?)(号?)(?![\\d-]|楼|层)(${SUFFIX})?`, 'y');
// 4H1774, 23a02, 4o10, B9C4, 96A-3: codes that mix letters and digits stay whole, as written.
const MIXED = new RegExp(`(?<![A-Za-z\\d])(?:\\d{1,3}[A-Za-z]\\d{1,5}|[A-Za-z]\\d{1,3}[A-Za-z]\\d{1,4}|\\d{1,3}[A-Za-z]-\\d{1,3})(?![\\dA-Za-z])(${SUFFIX}|号?)`, 'y');
// 15-16号, 378-379号: a range of shop numbers.
const NUMBER_RANGE = new RegExp(`(\\d{1,5})-(\\d{1,5})号(?:${DROP})?`, 'y');
const DASHED = new RegExp(`\\d{1,4}(?:-\\d{1,5}[A-Za-z]?){1,2}(?![\\d\\-号楼层栋幢座院弄单])(${SUFFIX})?`, 'y');
const MARKED = new RegExp(`([A-Za-z]?)(\\d{1,6}[A-Za-z]?)(号?${KEEP}|号?)(${DROP})?`, 'y');
// 117号-6: a house number, then the room.
const HOUSE_DASH_ROOM = /\d{1,4}号-(\d{1,5})(?![\d-])/y;
const NUMBERED = /\d{1,6}[A-Za-z]?号(?![楼院口线区\d-]|门(?![面市]))/y;
const BARE = /\d{1,5}[A-Za-z]?(?![\dA-Za-z号楼层栋幢座单元门米区弄街路巷院梯组公千室房户排舍队期]|-\d)/y;

/** A room whose value is the whole match less a final 室/房 or shop word. */
function withSuffix(i: number, whole: string, suffix: string): RoomToken {
  const drop = new RegExp(`${DROP}$`).exec(suffix);
  return token(i, whole, i, i + whole.length - (drop ? drop[0].length : 0), true);
}

function token(i: number, whole: string, valueStart: number, valueEnd: number, marked: boolean): RoomToken {
  return { start: i, end: i + whole.length, valueStart, valueEnd, marked };
}

/**
 * The room written at position i, or null. `afterFloor`: a floor was written just before,
 * so a B or L in front of the number is part of the room (地下二层 B201).
 */
export function matchRoom(text: string, i: number, afterFloor = false): RoomToken | null {
  let m: RegExpExecArray | null;
  const c = text[i];
  const letter = /[A-Za-z]/.test(c);

  if (letter) {
    // F18-1803 is floor 18, room 1803; F15-11 (the room not on that floor) is a shop's code.
    if ((m = at(F_ROOM, text, i)) && m[2].startsWith(m[1]) && m[2].length > m[1].length + 1) {
      return { ...token(i, m[0], i + m[0].length - m[2].length, i + m[0].length, true), floor: Number(m[1]) };
    }
    if ((m = at(FLOOR_CODE, text, i))) return token(i, m[0], i, i + m[1].length, true);
    if ((m = at(MIXED, text, i))) return withSuffix(i, m[0], m[1]);
    if ((m = at(BLOCK_CODE, text, i))) {
      const [whole, , codeDigits, unit, hao, suffix] = m;
      const end = i + whole.length - (suffix?.length ?? 0);
      const range = /^\d+$/.test(unit) && codeDigits.length === unit.length && Number(unit) > Number(codeDigits);
      if (unit.length <= 2 || range) return token(i, whole, i, end, true);
      return token(i, whole, end - unit.length - hao.length, end, true);
    }
    // A1183, DA1266, B58号: a unit code, kept whole as written.
    // (A brand name may follow with no space: L1043Dior.)
    m = /^[A-Za-z]{1,2}\d{2,5}(?!\d|[A-Za-z](?![A-Za-z]))(?:号(?![楼院门]))?/.exec(text.slice(i, i + 10));
    if (m) {
      const s = new RegExp(`^${SUFFIX}`).exec(text.slice(i + m[0].length, i + m[0].length + 4));
      return withSuffix(i, m[0] + (s ? s[0] : ''), s ? s[0] : '');
    }
    return null;
  }
  if (!/\d/.test(c)) return null;

  if ((m = at(MIXED, text, i))) return withSuffix(i, m[0], m[1]);
  if ((m = at(NUMBER_RANGE, text, i))) {
    const [whole, a, b] = m;
    const bodyEnd = i + a.length + 1 + b.length + 1;
    // 15-16号 and 266-270号 are ranges of shops; 4-1118号 is shop 1118 of block 4.
    const range = a.length === b.length && Number(b) > Number(a) && Number(b) - Number(a) <= 20;
    return token(i, whole, range ? i : bodyEnd - b.length - 1, bodyEnd, true);
  }
  if ((m = at(HOUSE_DASH_ROOM, text, i))) return token(i, m[0], i + m[0].length - m[1].length, i + m[0].length, false);
  if ((m = at(DASHED, text, i))) {
    const suffix = m[1] ?? '';
    const body = m[0].slice(0, m[0].length - suffix.length);
    const parts = body.split('-');
    const a = parts[0];
    const b = parts[parts.length - 1];
    const keep = /^号?(?:户|档口|档)$/.test(suffix) ? suffix.length : 0;
    const bodyEnd = i + body.length;
    // 1803-1805 and 806-808 are ranges of rooms; 802-3 is a room and its part; 178-1217-802
    // and 8-839 end with the room.
    const sameFloor = a.length === b.length && a.length >= 3 && a.slice(0, -2) === b.slice(0, -2) && Number(b) > Number(a);
    const roomWithPart = parts.length === 2 && a.length >= 3 && b.length <= 2;
    if (parts.length === 2 && (sameFloor || roomWithPart)) return token(i, m[0], i, bodyEnd + keep, !!suffix);
    return token(i, m[0], bodyEnd - b.length, bodyEnd + keep, !!suffix);
  }
  if ((m = at(MARKED, text, i)) && (m[3].length > (m[3].startsWith('号') ? 1 : 0) || m[4])) {
    return token(i, m[0], i, i + m[1].length + m[2].length + m[3].length, true);
  }
  if ((m = at(NUMBERED, text, i))) return token(i, m[0], i, i + m[0].length, false);
  if ((m = at(BARE, text, i))) return token(i, m[0], i, i + m[0].length, false);
  return null;
}

/**
 * The floor a room number implies: 1803 → 18, 302 → 3, 18A → 18, B1-05 → -1, L2-15 → 2.
 * A guess, reported as inferred and never as stated.
 */
export function floorFromRoom(room: string): number | null {
  let m = /^B(\d{1,2})-/i.exec(room);
  if (m) return -Number(m[1]);
  m = /^[LF](\d{1,3})-/i.exec(room);
  if (m) return Number(m[1]);
  m = /^B(\d)\d{2}$/i.exec(room);
  if (m) return -Number(m[1]);
  m = /^(\d{1,2})[A-Za-z]$/.exec(room);
  if (m) return Number(m[1]) || null;
  m = /^[A-Za-z]{0,2}(\d+)/.exec(room);
  if (!m) return null;
  const d = m[1];
  let f: number | null = null;
  if (d.length === 3) f = Number(d[0]);
  else if (d.length === 4) f = Number(d.slice(0, 2));
  return f && f >= 1 ? f : null;
}
