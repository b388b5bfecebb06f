import { normalize, sourceSpan, valueOf, type NormText } from '../normalize/text';
import { findBankMention, type BankHit } from './bank';
import { firstDivisionAt, matchDivisions, resolvePlace, type DivisionMatch, type PlaceContext, type ResolvedPlace } from './divisions/match';
import { joinSplitLines } from '../normalize/lines';
import { addressRegion, noiseSpans } from './message';
import { afterLandmark, findAsides, placesOf, type Aside, type PlaceFound } from './places';
import { matchRoad, type RoadMatch, type Span } from './road';
import { floorFromRoom } from './room';
import { parseTail, type TailParts } from './tail';
import { findUpstairs, upstairsOf, type Upstairs } from './upstairs';

/** The parts of an address, named as the command-line contract names them. */
export const PART_NAMES = [
  'province', 'city', 'district', 'road', 'roadNo', 'building', 'buildingNo', 'floors', 'room', 'bank', 'branch',
] as const;
export type PartName = (typeof PART_NAMES)[number];

export interface ParsedAddress {
  province: string | null;
  city: string | null;
  district: string | null;
  road: string | null;
  roadNo: string | null;
  building: string | null;
  buildingNo: string | null;
  /** Floors the address states; basements negative; [] when none. */
  floors: number[];
  /** Floor designations with no number: 裙楼, 夹层, 架空层, M, LG (G counts as floor 1). */
  floorLabels: string[];
  /** A floor guessed only from a room number (1803 → 18), else null. */
  inferredFloor: number | null;
  /** The room as written, half-width, without 室/房. */
  room: string | null;
  /** Canonical bank name (中国建设银行) or a kind of bank (农村商业银行). */
  bank: string | null;
  branch: string | null;
}

export interface ParseResult extends ParsedAddress {
  /** Where each part stands in the original text: [start, end) in UTF-16 code units. */
  spans: Partial<Record<PartName, [number, number]>>;
  /** Where the address itself stands in the text (a message has more around it). */
  addressSpan: [number, number];
  /**
   * Every place-like span of the message, each with its role and its own parse; the one with
   * role `checked` is the address compared with the registry (see places.ts). Empty for a text
   * holding one place only.
   */
  places: { role: PlaceFound['role']; span: [number, number]; text: string; parsed: ParsedAddress | null }[];
  /** Today's divisions, resolved from what is written. */
  place: ResolvedPlace;
  /** Parts not in the contract but used to match outlets. */
  extra: {
    town: string | null;
    zone: string | null;
    crossRoad: string | null;
    houseNo: string | null;
    bankIsGeneric: boolean;
    /** 楼上 and its relatives: an upper floor stated with no number (see upstairs.ts). */
    upstairs: Upstairs['above'] | null;
  };
}

function makeSkip(spans: Span[]): (p: number) => number {
  if (spans.length === 0) return (p) => p;
  // Merged and searched by halves: a long text may hold thousands of spans set aside.
  const merged: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else if (s.end > s.start) merged.push({ start: s.start, end: s.end });
  }
  return (p) => {
    let lo = 0;
    let hi = merged.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = merged[mid];
      if (p < s.start) hi = mid - 1;
      else if (p >= s.end) lo = mid + 1;
      else return s.end;
    }
    return p;
  };
}

const UNRESOLVED: ResolvedPlace = Object.freeze({ province: null, city: null, district: null, candidates: [], former: null });

export interface ParseOptions {
  /** Resolve the written divisions to today's (default true); the parse command skips it. */
  resolvePlace?: boolean;
  /** Where the address is known to be from elsewhere (an outlet list's city, a branch's name). */
  context?: PlaceContext;
  /** List the other places of a message (default true; off inside that listing). */
  places?: boolean;
}

/** Parse one address, or a whole message holding one. Never throws on any string. */
export function parse(input: string, options: ParseOptions = {}): ParseResult {
  const nt = joinSplitLines(normalize(input));
  const text = nt.text;
  const noise = noiseSpans(text);
  // Old addresses, landmarks, prefixes and the district said again are set aside (places.ts).
  const asides = findAsides(text);
  const region = afterLandmark(text, addressRegion(text, asides.length ? [...noise, ...asides].sort((a, b) => a.start - b.start) : noise), asides);

  // The bank may be named anywhere in a message; its name and branch are not address parts.
  const bankHit = findBankMention(text, 0, text.length);
  // Read in the whole message: 交行楼上 may stand before or after the address.
  const upstairs = findUpstairs(text);
  const skip = makeSkip(takenSpans([...noise, ...asides], upstairs, bankHit));
  const blocked = (p: number) => skip(p) !== p;

  const div = readDivisions(text, region, asides, skip, blocked, options.context ?? {});
  const { road, tail } = readStreet(text, div.end, region.end, skip, blocked);

  const spans: ParseResult['spans'] = {};
  const part = (name: PartName, s: Span | null | undefined): string | null => {
    if (!s || s.end <= s.start) return null;
    spans[name] = sourceSpan(nt, s.start, s.end);
    return valueOf(nt, s.start, s.end);
  };
  const { floors, floorLabels } = floorsOf(tail);
  const floorsAt = floorsSpan(tail, upstairs);
  if (floorsAt) spans.floors = sourceSpan(nt, floorsAt.start, floorsAt.end);
  const room = tail.room ? part('room', { start: tail.room.valueStart, end: tail.room.valueEnd }) : null;
  const inferredFloor = room && floors.length === 0 ? floorFromRoom(room) : null;

  const result: ParseResult = {
    province: part('province', div.province),
    city: part('city', div.city),
    district: part('district', div.district),
    road: part('road', road?.road),
    roadNo: part('roadNo', road?.roadNo),
    building: part('building', tail.building),
    buildingNo: part('buildingNo', tail.buildingNo),
    floors,
    floorLabels,
    inferredFloor,
    room,
    bank: bankHit?.bank ?? null,
    branch: bankHit?.branch ? part('branch', bankHit.branch) : null,
    spans,
    addressSpan: sourceSpan(nt, region.start, region.end),
    places: options.places === false ? [] : listPlaces(nt, region, asides),
    place: options.resolvePlace === false ? UNRESOLVED : resolvePlace(div),
    extra: extraParts(nt, div, road, tail, bankHit, upstairs),
  };
  if (bankHit?.bank && bankHit.end > bankHit.start) spans.bank = sourceSpan(nt, bankHit.start, bankHit.end);
  return result;
}

/** The spans the address is read around: the ones set aside, 楼上 and its relatives, the bank and its branch. */
function takenSpans(setAside: Span[], upstairs: Upstairs[], bankHit: BankHit | null): Span[] {
  const taken: Span[] = [...setAside, ...upstairs];
  if (bankHit) {
    if (bankHit.end > bankHit.start) taken.push({ start: bankHit.start, end: bankHit.end });
    if (bankHit.branch) taken.push(bankHit.branch);
  }
  return taken.sort((a, b) => a.start - b.start);
}

const hasDivision = (d: DivisionMatch) => !!(d.province || d.city || d.district);

/** The divisions of the address: at its head, else after the words leading into it, else in a clause of their own. */
function readDivisions(
  text: string,
  region: Span,
  asides: Aside[],
  skip: (p: number) => number,
  blocked: (p: number) => boolean,
  context: PlaceContext,
): DivisionMatch {
  const div = matchDivisions(text, region.start, region.end, skip, context);
  if (hasDivision(div)) return div;
  const later = divisionsAfterLeadIn(text, region, skip, context);
  if (later) {
    // Divisions said after a road (民和路1023号三宏国际大厦35层杭州市萧山…) place it; the
    // address itself still starts where it starts.
    return matchRoad(text, region.start, later.at, blocked) ? { ...later.div, end: div.end, town: div.town, zone: div.zone } : later.div;
  }
  // The district said again in a clause of its own (人民路88号，鼓楼区那个网点).
  for (const a of asides) {
    if (a.role !== 'context') continue;
    const d = matchDivisions(text, a.start, a.end, undefined, context);
    if (hasDivision(d)) return { ...d, end: div.end, town: div.town, zone: div.zone };
  }
  return div;
}

/** In a message the address may start after the words that lead into it: the divisions there, and where. */
function divisionsAfterLeadIn(text: string, region: Span, skip: (p: number) => number, context: PlaceContext): { div: DivisionMatch; at: number } | null {
  const p = firstDivisionAt(text, region.start, region.end, skip);
  if (p <= region.start) return null;
  const div = matchDivisions(text, p, region.end, skip, context);
  return hasDivision(div) ? { div, at: p } : null;
}

/** The road and what follows it, from the end of the divisions. */
function readStreet(text: string, from: number, to: number, skip: (p: number) => number, blocked: (p: number) => boolean): { road: RoadMatch | null; tail: TailParts } {
  const road = matchRoad(text, from, to, blocked);
  const tail = parseTail(text, road ? road.end : from, to, skip);
  if (!road || road.road.start <= from) return { road, tail };
  const before = parseTail(text, from, road.road.start, skip);
  // A street named after a floor (商贸城三楼四川街575号) is an aisle inside the building.
  if (before.floors.length > 0) return { road: null, tail: parseTail(text, from, to, skip) };
  if (!tail.room && before.room?.marked) tail.room = before.room;
  return { road, tail };
}

/** Every floor stated, in order, and the floor designations with no number. */
function floorsOf(tail: TailParts): { floors: number[]; floorLabels: string[] } {
  const floors: number[] = [];
  const floorLabels: string[] = [];
  for (const f of tail.floors) {
    for (const v of f.floors) if (!floors.includes(v)) floors.push(v);
    for (const l of f.labels) if (!floorLabels.includes(l)) floorLabels.push(l);
  }
  if (tail.room?.floor !== undefined && !floors.includes(tail.room.floor)) floors.push(tail.room.floor);
  floors.sort((a, b) => a - b);
  return { floors, floorLabels };
}

/** Where the floors are written: the floor words, the floor part of a room (3-201), or 楼上. */
function floorsSpan(tail: TailParts, upstairs: Upstairs[]): Span | null {
  if (tail.floors.length) return { start: tail.floors[0].start, end: tail.floors[tail.floors.length - 1].end };
  if (tail.room?.floor !== undefined) return { start: tail.room.start, end: tail.room.valueStart };
  // 楼上 is the floor the text states (upstairs.ts).
  if (upstairs.length) return { start: upstairs[0].start, end: upstairs[0].end };
  return null;
}

function extraParts(nt: NormText, div: DivisionMatch, road: RoadMatch | null, tail: TailParts, bankHit: BankHit | null, upstairs: Upstairs[]): ParseResult['extra'] {
  const value = (s: Span | null | undefined) => (s ? valueOf(nt, s.start, s.end) : null);
  return {
    town: value(div.town),
    zone: value(div.zone),
    crossRoad: value(road?.crossRoad),
    houseNo: value(road?.houseNo ?? tail.houseNo),
    bankIsGeneric: bankHit?.generic ?? false,
    upstairs: upstairsOf(upstairs),
  };
}

const MAX_PLACES = 8;

function listPlaces(nt: NormText, region: Span, asides: ReturnType<typeof findAsides>): ParseResult['places'] {
  const found = placesOf(nt.text, region, asides);
  if (found.length < 2) return [];
  // A message names a few places; a text with hundreds is no message (and is not re-read).
  return found.slice(0, MAX_PLACES).map((p) => {
    const span = sourceSpan(nt, p.start, p.end);
    const text = nt.source.slice(span[0], span[1]).replace(/^[\s,，。;；:：]+|[\s,，。;；:：]+$/g, '');
    const parsed = p.role === 'checked' || p.role === 'context' || p.role === 'landmark' ? null : contractParts(parse(text, { places: false, resolvePlace: false }));
    return { role: p.role, span, text, parsed };
  });
}

/** Only the parts of the contract, in its order. */
export function contractParts(r: ParseResult): ParsedAddress {
  return {
    province: r.province,
    city: r.city,
    district: r.district,
    road: r.road,
    roadNo: r.roadNo,
    building: r.building,
    buildingNo: r.buildingNo,
    floors: r.floors,
    floorLabels: r.floorLabels,
    inferredFloor: r.inferredFloor,
    room: r.room,
    bank: r.bank,
    branch: r.branch,
  };
}

export type { NormText };
