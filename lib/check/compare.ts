import { bankGroupOf } from '../banks';
import { toNumber } from '../normalize/numerals';
import { divisionIndex } from '../parse/divisions';
import { floorFromRoom } from '../parse/room';
import { branchesMatch, buildingsMatch, isGenericBuilding, roadKey, roadSubNumber, roadsMatch } from '../registry/keys';
import type { OutletAt } from '../registry/registry';
import type { Claim } from './claim';
import { floorWords } from './reasons';
import type { Level, PartReport, PartStatus, Relation } from './result';

export type { PartReport, PartStatus, Relation } from './result';
import { sameLot } from './house-number';
import { sameRoom } from './room-range';
import { upstairsFit } from './upstairs';

/**
 * Comparing a claimed address with one registered outlet, part by part: where it stands
 * (same road and number, same building), and whether it is the same spot (floor, room,
 * tower) and the same bank.
 */

/** How an outlet's address relates to the claimed one: same address, same building, same road, or none. */
export function relationOf(c: Claim, o: OutletAt): Relation | null {
  const at = o.at;
  const city = at.cityCode ?? o.cityCode;
  if (c.cityKey && city && c.cityKey !== city) return null;
  if (!c.cityKey && c.provinceCode && o.provinceCode && c.provinceCode !== o.provinceCode) return null;
  // One road name in two districts of a city (人民中路 of 姜堰区 and of 靖江市) is two roads.
  const district = at.districtCode ?? o.districtCode;
  if (c.districtCodes.length && district && !c.districtCodes.includes(district)) return null;
  const roadOk = roadsMatch(c.road, roadKey(at.road));
  const numOk = c.roadNums.some((n) => at.roadNums.includes(n));
  if (roadOk && numOk) {
    // 136-5号 and 136-6号, 甲17号 and 17号 are neighbouring lots (house-number.ts).
    if (!sameLot(c.parsed.roadNo, at.roadNo)) return 'road';
    return 'address';
  }
  const numbersDisagree = c.roadNums.length > 0 && at.roadNums.length > 0 && !numOk;
  if (c.road && c.cross && at.road && at.crossRoad && !numbersDisagree) {
    const a = roadKey(at.road);
    const b = roadKey(at.crossRoad);
    if ((roadsMatch(c.road, a) && roadsMatch(c.cross, b)) || (roadsMatch(c.road, b) && roadsMatch(c.cross, a))) return 'address';
  }
  if (c.buildingKey && at.buildingKey && buildingsMatch(c.buildingKey, at.buildingKey)) {
    // A building of the same name on another road is another building; a common name (国际大厦)
    // names a building only where the road agrees.
    if (c.road && at.road && !roadOk) return null;
    if (isGenericBuilding(c.buildingKey) && (!roadOk || (c.roadNums.length > 0 && at.roadNums.length > 0 && !numOk))) return null;
    return 'building';
  }
  if (roadOk && c.buildingNo && at.buildingNo && sameBuildingNo(c.buildingNo, at.buildingNo) && !c.roadNums.length) return 'address';
  if (roadOk) return 'road';
  return null;
}

/** A building number's identity: A座 and A栋 are one tower; 一号楼 and 1号楼 one building. */
export function buildingNoId(no: string): string {
  const core = no.replace(/^第/, '').replace(/(?:号办公楼|号写字楼|号楼|号馆|号塔楼|号塔|号座|号|栋|幢|座|塔|楼)$/, '');
  const n = toNumber(core);
  return n !== null ? String(n) : core.toUpperCase();
}

export function sameBuildingNo(a: string, b: string): boolean {
  return buildingNoId(a) === buildingNoId(b);
}

const levelOf = (floors: number[], labels: string[] = []): Level => ({ floors, labels });

/** The highest floor a level named without a number can be. */
const LABEL_TOP: Record<string, number> = { 裙楼: 5, 裙房: 5, 夹层: 2, M: 2, 架空层: 2, LG: 1, UG: 2, 顶层: 200, 顶楼: 200, 地下室: -1 };

export interface FloorFit {
  status: PartStatus;
  compatible: boolean;
  /** The claim is above the outlet (the core warning), not just elsewhere. */
  upstairs: boolean;
  /** The claimed floor was read from a room number (1803 → 18). */
  byRoom: boolean;
  claimed: Level | null;
  registered: Level;
  /** The floor came from 楼上 and its relatives, not from a number. */
  saidUpstairs?: boolean;
}

/**
 * Whether the claimed floor is the outlet's. An outlet address with no floor is at street
 * level: a claimed floor of 3 or more there, or a room that implies one, is another place.
 * A floor stated alone proves nothing either way: it is only compared with the outlet's.
 */
export function floorFit(c: Claim, o: OutletAt): FloorFit {
  const reg = o.at.floors;
  // G and 底商 say ground floor; other labels (裙楼, 夹层) say a level we cannot number.
  const regLabels = o.at.floorLabels.filter((l) => l !== 'G' && l !== '底商');
  const registered = levelOf(reg, regLabels);
  // 楼上 (above the outlet's own unit too: 102-5号楼上) is compared first (upstairs.ts).
  const up = upstairsFit(c, reg, o.at.floorLabels, registered, !!c.room && !!o.at.room && sameRoom(c.room, o.at.room));
  if (up) return up;
  // The outlet's own unit (商铺 1001-1002 in a mall) named again is the outlet, whatever
  // floor its number seems to say.
  if (c.room && o.at.room && sameRoom(c.room, o.at.room) && c.floors.length === 0) {
    return { status: 'confirmed', compatible: true, upstairs: false, byRoom: false, claimed: null, registered };
  }
  const byRoom = c.floors.length === 0 && c.inferred !== null;
  const claimed = c.floors.length ? c.floors : c.inferred !== null ? [c.inferred] : [];
  if (claimed.length === 0) {
    if (c.labels.includes('地下室') && reg.length === 0 && regLabels.length === 0) {
      return { status: 'mismatched', compatible: false, upstairs: false, byRoom, claimed: levelOf([], c.labels), registered };
    }
    const same = c.labels.length > 0 && c.labels.some((l) => regLabels.includes(l));
    return { status: c.labels.length ? (same ? 'confirmed' : 'not_in_registry') : 'not_given', compatible: true, upstairs: false, byRoom, claimed: c.labels.length ? levelOf([], c.labels) : null, registered };
  }
  const words = levelOf(claimed);
  // A stated floor and a room on another floor (底楼1604室) cannot both be the outlet's: the
  // room says where the door is. Where the outlet names no unit, read it as upstairs.
  if (c.floors.length && c.inferred === null && c.room && !o.at.room) {
    const implied = floorFromRoom(c.room);
    if (implied !== null && implied >= 3 && !c.floors.includes(implied) && Math.min(...c.floors.map((f) => Math.abs(f - implied))) >= 2 && !reg.includes(implied)) {
      return { status: 'mismatched', compatible: false, upstairs: true, byRoom: true, claimed: levelOf([implied]), registered };
    }
  }
  if (reg.length === 0 && regLabels.length === 0) {
    // Street level: the ground floor and the one above it belong to a street-level outlet.
    if (claimed.every((f) => f === 1)) return { status: 'confirmed', compatible: true, upstairs: false, byRoom, claimed: words, registered };
    if (claimed.every((f) => f === 1 || f === 2)) return { status: 'not_in_registry', compatible: true, upstairs: false, byRoom, claimed: words, registered };
    return { status: 'mismatched', compatible: false, upstairs: claimed.some((f) => f >= 3), byRoom, claimed: words, registered };
  }
  if (reg.length === 0) {
    // A level with no number still has a height: a podium (裙楼) is a few floors, a
    // mezzanine (夹层, M) sits between the first two.
    const top = Math.max(...regLabels.map((l) => LABEL_TOP[l] ?? 5));
    if (claimed.some((f) => f > top || f < 0)) return { status: 'mismatched', compatible: false, upstairs: claimed.some((f) => f > top), byRoom, claimed: words, registered };
    return { status: 'not_in_registry', compatible: true, upstairs: false, byRoom, claimed: words, registered };
  }
  if (claimed.every((f) => reg.includes(f))) return { status: 'confirmed', compatible: true, upstairs: false, byRoom, claimed: words, registered };
  return { status: 'mismatched', compatible: false, upstairs: Math.max(...claimed) > Math.max(...reg), byRoom, claimed: words, registered };
}

export interface Fit {
  relation: Relation;
  compatible: boolean;
  bankMatches: boolean | null;
  floor: FloorFit;
  towerDiffers: boolean;
  roomDiffers: boolean;
  parts: PartReport[];
}

const status = (claimed: string | null, registered: string | null, same: boolean): PartStatus =>
  claimed === null ? 'not_given' : registered === null ? 'not_in_registry' : same ? 'confirmed' : 'mismatched';

export function bankMatches(c: Claim, bank: string): boolean | null {
  if (!c.bank) return null;
  if (c.bankIsGeneric) return !!c.bankGroup && bankGroupOf(bank) === c.bankGroup;
  return c.bank === bank;
}

/** The part-by-part comparison of a claim with an outlet at the same address or building. */
export function fitOf(c: Claim, o: OutletAt, relation: Relation): Fit {
  const p = c.parsed;
  const at = o.at;
  const floor = floorFit(c, o);
  const towerDiffers = !!c.buildingNo && !!at.buildingNo && !sameBuildingNo(c.buildingNo, at.buildingNo);
  const roomDiffers = !!c.room && !!at.room && !sameRoom(c.room, at.room); // 204 in 201~206号 (room-range.ts)
  const bank = bankMatches(c, o.bank);
  const districtCode = at.districtCode ?? o.districtCode;
  const parts: PartReport[] = [
    { part: 'bank', claimed: p.bank, registered: o.bank, status: bank === null ? 'not_given' : bank ? 'confirmed' : 'mismatched' },
    { part: 'branch', claimed: p.branch, registered: o.name, status: status(p.branch, o.name, branchesMatch(p.branch, o.name)) },
    {
      part: 'district',
      claimed: p.district,
      registered: districtCode ? divisionIndex().byCode.get(districtCode)?.name ?? districtCode : null,
      status: c.districtCodes.length === 0 ? 'not_given' : !districtCode ? 'not_in_registry' : c.districtCodes.includes(districtCode) ? 'confirmed' : 'mismatched',
    },
    { part: 'road', claimed: p.road, registered: at.road, status: status(c.road, at.road, roadsMatch(c.road, roadKey(at.road))) },
    { part: 'roadNo', claimed: p.roadNo, registered: at.roadNo, status: status(p.roadNo, at.roadNo, c.roadNums.some((n) => at.roadNums.includes(n))) },
    { part: 'building', claimed: p.building, registered: at.building, status: status(c.buildingKey, at.buildingKey, buildingsMatch(c.buildingKey, at.buildingKey)) },
    { part: 'buildingNo', claimed: p.buildingNo, registered: at.buildingNo, status: status(c.buildingNo, at.buildingNo, !towerDiffers) },
    {
      part: 'floors',
      claimed: floor.claimed ? floorWords(floor.claimed).zh : null,
      registered: floorWords(floor.registered).zh,
      status: floor.status,
      levels: { claimed: floor.claimed ? { ...floor.claimed, byRoom: floor.byRoom } : null, registered: { ...floor.registered, byRoom: false } },
    },
    { part: 'room', claimed: p.room, registered: at.room, status: status(c.room, at.room, !roomDiffers) },
  ];
  return {
    relation,
    compatible: floor.compatible && !towerDiffers && !roomDiffers,
    bankMatches: bank,
    floor,
    towerDiffers,
    roomDiffers,
    parts,
  };
}
