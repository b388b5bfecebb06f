import { bankGroupOf, type BankGroup } from '../banks';
import type { ParseResult } from '../parse';
import { cityFromName, cityKeyOf } from '../parse/divisions';
import { buildingKey, branchKey, roadKey, roadNumbers, roadSubNumber } from '../registry/keys';

/**
 * Step 2 of the check, claim: what the parsed text claims, in the forms the registry is
 * compared in (road keys, road numbers, building key, division codes), and whether that is
 * an address that can be checked at all.
 */

/** What a text claims, in the forms the registry is compared in. */
export interface Claim {
  parsed: ParseResult;
  bank: string | null;
  bankGroup: BankGroup | null;
  bankIsGeneric: boolean;
  branch: string | null;
  road: string | null;
  roadNums: number[];
  roadSub: number | null;
  cross: string | null;
  buildingKey: string | null;
  buildingNo: string | null;
  floors: number[];
  labels: string[];
  inferred: number | null;
  room: string | null;
  provinceCode: string | null;
  cityKey: string | null;
  districtCodes: string[];
  /** The place rests on one bare name (凤凰 of 凤凰城B区…): a guess to drop if nothing matches. */
  placeIsWeak: boolean;
}

export function claimOf(parsed: ParseResult): Claim {
  const place = parsed.place;
  const districts = place.district ? [place.district] : place.candidates;
  const cityFromAddress = place.city ? cityKeyOf(place.city) : place.district ? cityKeyOf(place.district) : null;
  // A city named only in the branch (交通银行深圳笋岗支行) still says where.
  const branchCity = !cityFromAddress && parsed.branch ? cityFromName(branchKey(parsed.branch)) : null;
  return {
    parsed,
    bank: parsed.bank,
    bankGroup: parsed.bank ? bankGroupOf(parsed.bank) ?? null : null,
    bankIsGeneric: parsed.extra.bankIsGeneric,
    branch: parsed.branch,
    road: roadKey(parsed.road),
    roadNums: roadNumbers(parsed.roadNo),
    roadSub: roadSubNumber(parsed.roadNo),
    cross: roadKey(parsed.extra.crossRoad),
    buildingKey: buildingKey(parsed.building),
    buildingNo: parsed.buildingNo,
    floors: parsed.floors,
    labels: parsed.floorLabels,
    inferred: parsed.inferredFloor,
    room: parsed.room,
    provinceCode: place.province?.code ?? branchCity?.provinceCode ?? null,
    cityKey: cityFromAddress ?? branchCity?.code ?? null,
    districtCodes: districts.map((d) => d.code),
    placeIsWeak: [parsed.province, parsed.city, parsed.district].filter(Boolean).length === 1 && !/[省市区县旗州盟]$/.test(parsed.province ?? parsed.city ?? parsed.district ?? ''),
  };
}

// What a building's name ends with; a "building" that is none of these (您好) is no address.
const BUILDING_WORD = /(?:大厦|大楼|大夏|中心|广场|商厦|商城|商场|城|苑|园|楼|公寓|宾馆|酒店|饭店|市场|院|馆|厂|小区|花园|村|庄|里|坊|湾|府|邸|座|塔|港|谷|汇|荟|天地|国际|时代|家园|新村|办公区|产业园|科技园|工业园|大院|街区)$/;

/** Whether the text gives an address that can be checked at all. */
export function isCheckable(c: Claim): boolean {
  if (c.road && (c.roadNums.length > 0 || !!c.cross || !!c.buildingNo)) return true;
  if (!c.buildingKey) return false;
  const p = c.parsed;
  const placed = !!(p.district || p.city);
  // 那栋楼, 我们楼下: words about a building, not its name.
  if (/[我你他她它这那哪]|对面|旁边|附近|楼下|楼上/.test(c.buildingKey)) return false;
  return BUILDING_WORD.test(c.buildingKey) || (placed && (!!p.buildingNo || p.floors.length > 0 || p.floorLabels.length > 0 || p.room !== null));
}

