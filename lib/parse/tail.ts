import { matchBuildingNo } from './buildingNo';
import { matchFloor, type FloorToken } from './floor';
import { matchRoom, roomStrength, type RoomToken } from './room';
import type { Span } from './road';

/**
 * The part of an address after the road and its number: building name, building number,
 * unit, floor and room, read left to right. Each position is offered to the classifiers in a
 * fixed order (building number, floor, room, then the smaller words); text that none of them
 * takes is a name.
 */
export interface TailParts {
  building: Span | null;
  buildingNo: Span | null;
  floors: FloorToken[];
  room: RoomToken | null;
  houseNo: Span | null;
  /** Runs of plain text, in order. */
  names: Span[];
}

const SEPARATOR = /[\s,;:.。()_/|·'"!?#*]/;
const CELL = /(?:\d{1,3}-)?(?:[\d一二三四五六七八九十]{0,2}[甲乙丙丁东西中]|[\d一二三四五六七八九十]{1,2})(?:单元|梯)|\d{1,3}(?:排|舍|组|队)/y;
const GATE = /(?:\d{1,3}|[一二三四五六七八九十]{1,3})号?(?:门|口)(?![面店市诊])/y;
const ZONE = /(?:[A-Za-z\d]{1,3}|[一二三四五六七八九十]{1,2})(?:区|期|号院|号区|街区)(?!域)/y;
const DISTANCE = /\d+(?:米|公里|千米|km|m)(?![A-Za-z])/iy;
const HOUSE = /\d{1,4}号(?=\d)/y;
const LANE = /\d{1,4}弄/y;
// Every token starts with one of these: a digit, a Latin letter, a Chinese numeral, or the
// first character of a floor word (地下, 负, 首层, 夹层...), a side (东塔) or a stem (甲18楼).
const TOKEN_START = /[\dA-Za-z\-零〇一二两三四五六七八九十百千廿第地负首底夹裙架顶天设避东西南北中甲乙丙丁]/;
// Words that describe a part of a building rather than name it; trimmed from the name.
const DESCRIPTOR = /(?:写字楼|办公楼|商务楼|综合楼|主楼|副楼|塔楼|大堂|大厅|裙楼|[东西南北]{1,2}(?:角|侧|门|面)|内|里面|旁边?|对面|附近|门口|楼下)$/;

function at(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

function isAsciiAlnum(c: string | undefined): boolean {
  return !!c && /[A-Za-z0-9]/.test(c);
}

export function parseTail(text: string, from: number, to: number, skip: (p: number) => number = (p) => p): TailParts {
  const out: TailParts = { building: null, buildingNo: null, floors: [], room: null, houseNo: null, names: [] };
  let runStart = -1;
  let firstStructure = -1; // where the first building number, floor, unit or room starts
  const closeRun = (end: number) => {
    if (runStart >= 0 && end > runStart) out.names.push({ start: runStart, end });
    runStart = -1;
  };
  const mark = (start: number) => {
    if (firstStructure < 0) firstStructure = start;
  };

  let i = from;
  while (i < to) {
    const j = skip(i);
    if (j !== i) {
      closeRun(i);
      i = j;
      continue;
    }
    const c = text[i];
    if (SEPARATOR.test(c) || c === '-' && !/\d/.test(text[i + 1] ?? '')) {
      closeRun(i);
      i++;
      continue;
    }
    // A token never starts inside a run of Latin letters or digits (A131楼, IFS).
    // (E二楼 is block E2's name written with a numeral, as E2楼 is.)
    const glued = i > from && runStart >= 0 && ((isAsciiAlnum(text[i - 1]) && isAsciiAlnum(c)) || (/[A-Za-z]/.test(text[i - 1]) && /[一二三四五六七八九十]/.test(c)));
    let m: RegExpExecArray | null;

    if (!glued && TOKEN_START.test(c)) {
      const b = matchBuildingNo(text, i, out.buildingNo !== null);
      if (b) {
        closeRun(i);
        mark(i);
        // A number read as a room before a building number was a house number (292号大院1号楼201).
        if (out.room && !out.room.marked) out.room = null;
        if (!out.buildingNo) out.buildingNo = { start: b.start, end: b.end };
        if (b.floor) out.floors.push(b.floor);
        i = b.floor ? b.floor.end : b.end;
        continue;
      }
      const f = matchFloor(text, i, out.buildingNo !== null);
      if (f) {
        closeRun(i);
        mark(i);
        out.floors.push(f);
        i = f.end;
        continue;
      }
      if ((m = at(DISTANCE, text, i)) || (m = at(GATE, text, i)) || (m = at(LANE, text, i))) {
        closeRun(i);
        i += m[0].length;
        continue;
      }
      if ((m = at(CELL, text, i))) {
        closeRun(i);
        mark(i);
        if (out.room && !out.room.marked) out.room = null;
        i += m[0].length;
        continue;
      }
      if ((m = at(HOUSE, text, i))) {
        closeRun(i);
        if (!out.houseNo) out.houseNo = { start: i, end: i + m[0].length };
        i += m[0].length;
        continue;
      }
      if ((m = at(ZONE, text, i))) {
        closeRun(i);
        i += m[0].length;
        continue;
      }
      const lastFloor = out.floors[out.floors.length - 1];
      const afterFloor = !!lastFloor && i - lastFloor.end <= 1;
      const r = !out.room || roomStrength(out.room, text) < 2 ? matchRoom(text, i, afterFloor) : null;
      // A room marked as one (室, 房, a unit code) wins over a bare number read before it,
      // and 1806室 over a shop number (11-12号1806室).
      if (r && (!out.room || roomStrength(r, text) > roomStrength(out.room, text))) {
        closeRun(i);
        mark(i);
        out.room = r;
        i = r.end;
        continue;
      }
    }
    if (runStart < 0) runStart = i;
    i++;
  }
  closeRun(to);

  // The building is the first name before any building number, floor or room.
  for (const n of out.names) {
    if (firstStructure >= 0 && n.start > firstStructure) break;
    let end = n.end;
    let name = text.slice(n.start, end);
    while (DESCRIPTOR.test(name)) {
      const d = DESCRIPTOR.exec(name)!;
      end -= d[0].length;
      name = text.slice(n.start, end);
    }
    if (end - n.start >= 2) {
      out.building = { start: n.start, end };
      break;
    }
  }
  return out;
}
