import { bankGroupOf, type BankGroup } from '../banks';
import type { ParseResult } from '../parse';
import { cityFromName, cityKeyOf } from '../parse/divisions';
import { buildingKey, branchKey, roadKey, roadNumbers, roadSubNumber } from '../registry/keys';
import { normalize } from '../normalize/text';
import type { Registry } from '../registry/registry';

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
  /** 楼上 and its relatives (lib/parse/upstairs.ts). */
  upstairs: 'bank' | 'building' | null;
  /** The place rests on one bare name (凤凰 of 凤凰城B区…): a guess to drop if nothing matches. */
  placeIsWeak: boolean;
}

/** The first institution of the registry that a text names, where it has any. */
/**
 * The institution of the registry a text names, where it is the bank claimed: the dictionary
 * found none, or only a kind of bank (旺苍农商行), or a shorter name written inside it
 * (绵竹浦发村镇银行 is no 浦发).
 */
export function institutionIn(registry: Registry, input: string, parsed: ParseResult): NamedInstitution | null {
  const t = normalize(input).text;
  const hit = registry.findInstitution(t);
  if (!hit) return null;
  const alias = t.slice(hit.start, hit.end);
  const span = parsed.spans.bank;
  const written = span ? normalize(input.slice(span[0], span[1])).text : '';
  const over = !parsed.bank || parsed.extra.bankIsGeneric || (written.length > 0 && alias.length > written.length && alias.includes(written));
  return over ? { name: hit.institution.name, group: hit.institution.group, alias } : null;
}

/** A bank the registry knows that the bank dictionary does not, where the text names it. */
export interface NamedInstitution {
  name: string;
  group: string;
  /** The name as written (normalized). */
  alias: string;
}

/** The bank claimed: the registry's institution where it stands for the claim, else the dictionary's. */
function claimedBank(parsed: ParseResult, inst: NamedInstitution | null): { bank: string | null; generic: boolean; group: BankGroup | null } {
  if (inst) return { bank: inst.name, generic: false, group: (inst.group as BankGroup) ?? bankGroupOf(inst.name) ?? null };
  return { bank: parsed.bank, generic: parsed.extra.bankIsGeneric, group: parsed.bank ? bankGroupOf(parsed.bank) ?? null : null };
}

export function claimOf(parsed: ParseResult, institution: NamedInstitution | null = null): Claim {
  const place = parsed.place;
  const named = claimedBank(parsed, institution);
  const districts = place.district ? [place.district] : place.candidates;
  const cityFromAddress = place.city ? cityKeyOf(place.city) : place.district ? cityKeyOf(place.district) : null;
  // A city named only in the branch (交通银行深圳笋岗支行) still says where.
  const branchCity = !cityFromAddress && parsed.branch ? cityFromName(branchKey(parsed.branch)) : null;
  return {
    parsed,
    bank: named.bank,
    bankGroup: named.group,
    bankIsGeneric: named.generic,
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
    upstairs: parsed.extra.upstairs,
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
  // (Nor are the words that lead to it: 请到, 过来.)
  if (/[我你他她它这那哪]|对面|旁边|附近|楼下|楼上|^(?:请|到|来|去|在|过来|直接)/.test(c.buildingKey)) return false;
  return BUILDING_WORD.test(c.buildingKey) || (placed && (!!p.buildingNo || p.floors.length > 0 || p.floorLabels.length > 0 || p.room !== null));
}

