import { matchBuildingNo } from './buildingNo';
import { matchCell } from './cell';
import { matchDistance } from './distance';
import { matchFloor, type FloorToken } from './floor';
import { matchGate } from './gate';
import { matchHouse } from './house';
import { matchLane } from './lane';
import type { Span } from './road';
import { matchRoom, roomStrength, type RoomToken } from './room';
import { matchZone } from './zone';

/**
 * The part of an address after the road and its number: building name, building number,
 * unit, floor and room, read left to right. Each position is offered to the classifiers of
 * CLASSIFIERS in order; the first that takes it says how far it reaches and what it adds.
 * Text that none of them takes is a name; the building is the first name before any
 * building number, floor, unit or room.
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

/** What a classifier read at a position. */
export interface Taken {
  /** Where reading goes on. */
  next: number;
  /** A building number, floor, unit or room: the building's name stands before it. */
  structure: boolean;
  /** The parts with what it read added. */
  parts: TailParts;
}

export type Classifier = (text: string, i: number, parts: TailParts) => Taken | null;

/** What a number read as a room is once a building number or unit follows it: a house number (292号大院1号楼201). */
const dropUnmarkedRoom = (p: TailParts): TailParts => (p.room && !p.room.marked ? { ...p, room: null } : p);

/** Words that are read past, adding nothing: a distance, a gate, a lane, a zone. */
const passOver = (match: (text: string, i: number) => Span | null): Classifier => (text, i, parts) => {
  const s = match(text, i);
  return s ? { next: s.end, structure: false, parts } : null;
};

const buildingNo: Classifier = (text, i, parts) => {
  const b = matchBuildingNo(text, i, parts.buildingNo !== null);
  if (!b) return null;
  const p = dropUnmarkedRoom(parts);
  return {
    next: b.floor ? b.floor.end : b.end,
    structure: true,
    parts: { ...p, buildingNo: p.buildingNo ?? { start: b.start, end: b.end }, floors: b.floor ? [...p.floors, b.floor] : p.floors },
  };
};

const floor: Classifier = (text, i, parts) => {
  const f = matchFloor(text, i, parts.buildingNo !== null);
  return f ? { next: f.end, structure: true, parts: { ...parts, floors: [...parts.floors, f] } } : null;
};

const cell: Classifier = (text, i, parts) => {
  const s = matchCell(text, i);
  return s ? { next: s.end, structure: true, parts: dropUnmarkedRoom(parts) } : null;
};

const house: Classifier = (text, i, parts) => {
  const s = matchHouse(text, i);
  return s ? { next: s.end, structure: false, parts: parts.houseNo ? parts : { ...parts, houseNo: s } } : null;
};

const room: Classifier = (text, i, parts) => {
  const lastFloor = parts.floors[parts.floors.length - 1];
  const afterFloor = !!lastFloor && i - lastFloor.end <= 1;
  const r = !parts.room || roomStrength(parts.room, text) < 2 ? matchRoom(text, i, afterFloor) : null;
  // A room marked as one (室, 房, a unit code) wins over a bare number read before it,
  // and 1806室 over a shop number (11-12号1806室).
  if (!r || (parts.room && roomStrength(r, text) <= roomStrength(parts.room, text))) return null;
  return { next: r.end, structure: true, parts: { ...parts, room: r } };
};

/** The classifiers, in the order each position is offered to them. */
export const CLASSIFIERS: readonly Classifier[] = [
  buildingNo,
  floor,
  passOver(matchDistance),
  passOver(matchGate),
  passOver(matchLane),
  cell,
  house,
  passOver(matchZone),
  room,
];

const SEPARATOR = /[\s,;:.。()_/|·'"!?#*]/;
// Every token starts with one of these: a digit, a Latin letter, a Chinese numeral, or the
// first character of a floor word (地下, 负, 首层, 夹层...), a side (东塔) or a stem (甲18楼).
const TOKEN_START = /[\dA-Za-z\-零〇一二两三四五六七八九十百千廿第地负首底夹裙架顶天设避东西南北中甲乙丙丁]/;
// Words that describe a part of a building rather than name it; trimmed from the name.
const DESCRIPTOR = /(?:写字楼|办公楼|商务楼|综合楼|主楼|副楼|塔楼|大堂|大厅|裙楼|[东西南北]{1,2}(?:角|侧|门|面)|内|里面|旁边?|对面|附近|门口|楼下)$/;

function isAsciiAlnum(c: string | undefined): boolean {
  return !!c && /[A-Za-z0-9]/.test(c);
}

const isSeparator = (text: string, i: number) => SEPARATOR.test(text[i]) || (text[i] === '-' && !/\d/.test(text[i + 1] ?? ''));

/**
 * Whether position i continues a run of Latin letters or digits (A131楼, IFS), where no token
 * starts. (E二楼 is block E2's name written with a numeral, as E2楼 is.)
 */
function glued(text: string, i: number, inRun: boolean): boolean {
  const prev = text[i - 1];
  const c = text[i];
  return inRun && ((isAsciiAlnum(prev) && isAsciiAlnum(c)) || (/[A-Za-z]/.test(prev ?? '') && /[一二三四五六七八九十]/.test(c)));
}

function classify(text: string, i: number, parts: TailParts): Taken | null {
  for (const c of CLASSIFIERS) {
    const taken = c(text, i, parts);
    if (taken) return taken;
  }
  return null;
}

/** The building: the first name, trimmed of descriptive words, before any structure. */
function buildingOf(text: string, names: Span[], firstStructure: number): Span | null {
  for (const n of names) {
    if (firstStructure >= 0 && n.start > firstStructure) break;
    let end = n.end;
    for (let d = DESCRIPTOR.exec(text.slice(n.start, end)); d; d = DESCRIPTOR.exec(text.slice(n.start, end))) end -= d[0].length;
    if (end - n.start >= 2) return { start: n.start, end };
  }
  return null;
}

export function parseTail(text: string, from: number, to: number, skip: (p: number) => number = (p) => p): TailParts {
  let parts: TailParts = { building: null, buildingNo: null, floors: [], room: null, houseNo: null, names: [] };
  const names: Span[] = [];
  let runStart = -1;
  let firstStructure = -1; // where the first building number, floor, unit or room starts
  const closeRun = (end: number) => {
    if (runStart >= 0 && end > runStart) names.push({ start: runStart, end });
    runStart = -1;
  };

  let i = from;
  while (i < to) {
    const j = skip(i);
    if (j !== i || isSeparator(text, i)) {
      closeRun(i);
      i = j !== i ? j : i + 1;
      continue;
    }
    const taken = !glued(text, i, i > from && runStart >= 0) && TOKEN_START.test(text[i]) ? classify(text, i, parts) : null;
    if (taken) {
      closeRun(i);
      if (taken.structure && firstStructure < 0) firstStructure = i;
      parts = taken.parts;
      i = taken.next;
      continue;
    }
    if (runStart < 0) runStart = i;
    i++;
  }
  closeRun(to);
  return { ...parts, names, building: buildingOf(text, names, firstStructure) };
}
