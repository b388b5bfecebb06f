import { bankGroupOf, findBank, type BankGroup } from '../banks';
import { contractParts, parse, type ParsedAddress, type ParseResult } from '../parse';
import { divisionIndex } from '../parse/divisions';
import { branchesMatch } from '../registry/keys';
import type { OutletAt, Registry } from '../registry/registry';
import { claimOf, fitOf, isCheckable, relationOf, type Claim, type Fit, type PartReport, type Relation } from './compare';
import { floorWords, reason, type Reason } from './reasons';
import { messageSignals, type Signal } from './signals';
import { outletsAlongRoad } from './road-only';
import { nextSteps, type Step } from './steps';

function callBankOf(named: string | null, registered: string | null): CheckResult['callBank'] {
  const name = named ?? registered;
  if (!name) return null;
  const b = findBank(name);
  return { name, en: b?.en ?? null, hotline: b?.hotline ?? null, named: !!named };
}

/**
 * The check: a text in, one of six verdicts out, with the outlets that decided it, the reasons
 * in two languages, each part's status, the nearest outlets of the bank that was named, its
 * official number, and the signals of the message.
 */

import type { Verdict } from './verdicts';

export { VERDICTS, type Verdict } from './verdicts';

export interface MatchedOutlet {
  id: number;
  bank: string;
  name: string;
  address: string;
  floors: number[];
  kind: 'staffed' | 'self_service' | 'non_bank';
  source: { file: string; row: number; asOf: string };
  relation: Relation | 'previous_address' | 'nearby';
  district: string | null;
  city: string | null;
  lat: number | null;
  lng: number | null;
  approximate: boolean;
  distanceKm?: number;
}

export interface CheckResult {
  input: string;
  verdict: Verdict;
  parsed: ParsedAddress;
  matches: MatchedOutlet[];
  reasons: Reason[];
  registry: { version: string; asOf: string; demo: boolean; title: string };
  /** Each part of the address against the outlet that decided the verdict. */
  parts: PartReport[];
  /** Registered outlets of the named bank nearest to the address, when it is not one. */
  nearest: MatchedOutlet[];
  /** The bank the text names, with its official customer-service number. */
  bank: { name: string; en: string | null; hotline: string | null } | null;
  /** The bank to call to make sure: the one the text names, else the one registered at the address. */
  callBank: { name: string; en: string | null; hotline: string | null; named: boolean } | null;
  signals: Signal[];
  /** Official next steps beyond the bank's number: 12321, 96110 (steps.ts). */
  steps: Step[];
  /** Every place found in the message, and which one was checked (parse/places.ts). */
  places: ParseResult['places'];
  /** Where the address is, as far as we can tell, for the map. */
  place: {
    province: string | null;
    city: string | null;
    district: string | null;
    candidates: string[];
    lat: number | null;
    lng: number | null;
    precision: 'outlet' | 'road' | 'district' | 'city' | null;
  };
  spans: ParseResult['spans'];
  addressSpan: [number, number];
}

interface Candidate {
  o: OutletAt;
  relation: Relation;
}

function gather(registry: Registry, c: Claim): Candidate[] {
  const found = new Map<number, Candidate>();
  const consider = (list: OutletAt[]) => {
    for (const o of list) {
      if (found.has(o.at.addressId)) continue;
      const relation = relationOf(c, o);
      if (relation) found.set(o.at.addressId, { o, relation });
    }
  };
  for (const n of c.roadNums) consider(registry.byRoadNumber(n, c.cityKey));
  const atNumber = [...found.values()].some((x) => x.relation === 'address');
  // The building is looked up when the road and number found nothing there: a building
  // is often written without its number, or on another road's corner.
  if (c.buildingKey && !atNumber) {
    consider(registry.byBuildingKey(c.buildingKey, c.cityKey));
    consider(registry.byBuildingContaining(c.buildingKey, c.cityKey));
    // A longer claimed name (深圳特区报业大厦) holds the registered one (特区报业大厦).
    for (let k = 1; c.buildingKey.length - k >= 4; k++) consider(registry.byBuildingKey(c.buildingKey.slice(k), c.cityKey));
  }
  if (c.road && c.cross) consider(registry.byIntersection(c.road, c.cross, c.cityKey));
  if (c.road && c.buildingNo && !c.roadNums.length) consider(registry.onRoad(c.road, c.cityKey));
  return [...found.values()];
}

const RELATION_RANK: Record<Relation, number> = { address: 0, building: 1, road: 2 };

function byBest(a: { fit: Fit; o: OutletAt }, b: { fit: Fit; o: OutletAt }): number {
  return (
    Number(b.fit.bankMatches === true) - Number(a.fit.bankMatches === true) ||
    Number(b.o.kind === 'staffed') - Number(a.o.kind === 'staffed') ||
    Number(b.fit.compatible) - Number(a.fit.compatible) ||
    RELATION_RANK[a.fit.relation] - RELATION_RANK[b.fit.relation] ||
    a.o.id - b.o.id
  );
}

function covers(registry: Registry, c: Claim, bank: string | null, group: BankGroup | null, cityKey: string | null, districtCode: string | null): boolean {
  const province = c.provinceCode ?? (cityKey ? cityKey.slice(0, 2) : null);
  for (const row of registry.coverage()) {
    const bankOk = row.bank === '*' || (bank !== null && (row.bank === bank || (c.bankIsGeneric && !!group && bankGroupOf(row.bank) === group)));
    if (!bankOk) continue;
    const rc = row.regionCode;
    if (rc === '') return true;
    if (rc.length === 2 && province === rc) return true;
    if (rc.length === 4 && cityKey === rc) return true;
    if (rc.length === 6 && (districtCode === rc || cityKey === rc)) return true;
  }
  return false;
}

const nameOf = (code: string | null) => (code ? divisionIndex().byCode.get(code)?.name ?? null : null);

function toMatched(o: OutletAt, relation: MatchedOutlet['relation'], distanceKm?: number): MatchedOutlet {
  return {
    id: o.id,
    bank: o.bank,
    name: o.name,
    address: o.at.address,
    floors: o.at.floors,
    kind: o.kind,
    source: { file: o.source.file, row: o.source.row, asOf: o.source.asOf },
    relation,
    district: nameOf(o.at.districtCode ?? o.districtCode),
    city: nameOf(o.cityCode),
    lat: o.lat,
    lng: o.lng,
    approximate: o.approximate,
    ...(distanceKm !== undefined ? { distanceKm: Math.round(distanceKm * 10) / 10 } : {}),
  };
}

function km(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const r = Math.PI / 180;
  const x = (bLng - aLng) * r * Math.cos(((aLat + bLat) / 2) * r);
  const y = (bLat - aLat) * r;
  return Math.sqrt(x * x + y * y) * 6371;
}

function nearestOf(registry: Registry, c: Claim, point: { lat: number; lng: number } | null, cityKey: string | null, shown: Set<number>): MatchedOutlet[] {
  if (!c.bank) return [];
  const mine = (o: OutletAt) => o.kind === 'staffed' && !shown.has(o.id) && (c.bankIsGeneric ? bankGroupOf(o.bank) === c.bankGroup : o.bank === c.bank);
  if (point) {
    // Grow the box from about 500 m until three outlets are in it.
    for (const radius of [0.005, 0.015, 0.045, 0.135, 0.4]) {
      const list = registry.near(point.lat, point.lng, radius, c.bankIsGeneric ? null : c.bank).filter(mine);
      if (list.length >= 3 || radius === 0.4) {
        const seen = new Set<number>();
        return list
          .filter((o) => !seen.has(o.id) && seen.add(o.id))
          .map((o) => ({ o, d: km(point.lat, point.lng, o.lat!, o.lng!) }))
          .sort((a, b) => a.d - b.d)
          .slice(0, 3)
          .map(({ o, d }) => toMatched(o, 'nearby', d));
      }
    }
  }
  if (cityKey && !c.bankIsGeneric) return registry.ofBankInCity(c.bank, cityKey).filter(mine).slice(0, 3).map((o) => toMatched(o, 'nearby'));
  return [];
}

/** Statuses of the claimed parts when no outlet stands at the address. */
function claimOnlyParts(p: ParseResult): PartReport[] {
  const row = (part: PartReport['part'], v: string | null): PartReport => ({ part, claimed: v, registered: null, status: v === null ? 'not_given' : 'not_in_registry' });
  return [
    row('bank', p.bank), row('branch', p.branch), row('district', p.district), row('road', p.road), row('number', p.roadNo),
    row('building', p.building), row('buildingNo', p.buildingNo),
    row('floor', p.floors.length || p.floorLabels.length ? floorWords(p.floors, p.floorLabels).zh : p.inferredFloor !== null ? `${p.inferredFloor}楼（由房号推断）` : null),
    row('room', p.room),
  ];
}

/** Why a claim at an outlet's address is not that outlet. */
function whyNotHere(fit: Fit, o: OutletAt, c: Claim, bankZh: string, bankEn: string): Reason[] {
  const out: Reason[] = [];
  const f = fit.floor;
  const vars = {
    bank: bankZh, bankEn, name: o.name,
    registeredFloor: f.registered.zh, registeredFloorEn: f.registered.en,
    claimedFloor: f.claimed?.zh, claimedFloorEn: f.claimed?.en,
  };
  if (!f.compatible && f.saidUpstairs) out.push(reason(o.at.floors.every((x) => x <= 2) ? 'said_upstairs' : 'said_above_bank', vars)); // 楼上 (check/upstairs.ts)
  else if (!f.compatible) {
    out.push(reason(f.upstairs ? 'outlet_upstairs' : 'outlet_floor_differs', vars));
    if (f.byRoom) out.push(reason('room_implies_floor', { room: c.room, floor: c.inferred }));
    if (o.at.floors.length === 0) out.push(reason('street_level_outlet'));
  }
  if (fit.towerDiffers) out.push(reason('other_tower', { registeredTower: o.at.buildingNo, claimedTower: c.buildingNo }));
  if (fit.roomDiffers) out.push(reason('other_room', { registeredRoom: o.at.room, claimedRoom: c.room }));
  return out;
}

export function check(input: string, registry: Registry): CheckResult {
  const parsed = parse(input);
  const c = claimOf(parsed);
  const info = registry.info;
  const claimedBank = c.bank ? findBank(c.bank) : undefined;
  const bankZh = c.bank ?? '该银行';
  const bankEn = claimedBank?.en ?? c.bank ?? 'the bank';
  const reasons: Reason[] = [];
  let verdict: Verdict;
  let matches: MatchedOutlet[] = [];
  let parts: PartReport[] = claimOnlyParts(parsed);
  let nearest: MatchedOutlet[] = [];
  let point: { lat: number; lng: number } | null = null;
  let precision: CheckResult['place']['precision'] = null;
  let cityKey = c.cityKey;
  let districtCode = c.districtCodes.length === 1 ? c.districtCodes[0] : null;

  if (!isCheckable(c)) {
    verdict = 'insufficient';
    reasons.push(reason('no_street_address'));
    // A road with no number: which of the bank's outlets on it is meant? (road-only.ts)
    nearest = outletsAlongRoad(registry, c).map((o) => toMatched(o, 'road'));
    if (nearest.length) reasons.push(reason('road_without_number', { road: c.parsed.road, bank: bankZh, bankEn, list: nearest.map((o) => `${o.name}（${o.address}）`).join('；'), listEn: nearest.map((o) => `${o.name} (${o.address})`).join('; ') }));
  } else {
    let found = gather(registry, c);
    // A place read from one bare name (凤凰城 is no 凤凰县) gives way when nothing is there.
    if (c.placeIsWeak && !found.some((x) => x.relation !== 'road')) {
      const anywhere = gather(registry, { ...c, cityKey: null, provinceCode: null, districtCodes: [] });
      if (anywhere.some((x) => x.relation !== 'road')) {
        found = anywhere;
        cityKey = null;
        districtCode = null;
      }
    }
    const here = found.filter((x) => x.relation !== 'road');
    const onRoad = found.filter((x) => x.relation === 'road' && x.o.at.current);
    const fits = here
      .filter((x) => x.o.at.current)
      .map((x) => ({ o: x.o, fit: fitOf(c, x.o, x.relation) }))
      .sort(byBest);
    const moved = here.filter((x) => !x.o.at.current);
    if (!cityKey && fits.length) cityKey = fits[0].o.cityCode;
    if (!districtCode && fits.length) districtCode = fits[0].o.at.districtCode ?? fits[0].o.districtCode;
    matches = fits.map((x) => toMatched(x.o, x.fit.relation));
    const staffed = fits.filter((x) => x.o.kind === 'staffed');
    const mine = staffed.filter((x) => x.fit.bankMatches !== false);
    const others = staffed.filter((x) => x.fit.bankMatches === false);
    const decide = (x: (typeof fits)[number]) => {
      parts = x.fit.parts;
      if (x.o.lat !== null && x.o.lng !== null) {
        point = { lat: x.o.lat, lng: x.o.lng };
        precision = 'outlet';
      }
    };

    if (mine.length) {
      const best = mine[0];
      decide(best);
      if (best.fit.compatible) {
        verdict = 'registered_branch';
        reasons.push(reason('at_registered_outlet', { bank: best.o.bank, bankEn: findBank(best.o.bank)?.en ?? best.o.bank, name: best.o.name, address: best.o.at.address }));
        if (c.branch && best.fit.parts.find((p) => p.part === 'branch')?.status === 'mismatched') {
          reasons.push(reason('branch_name_differs', { name: best.o.name, branch: c.branch }));
        }
        if (!c.bank) reasons.push(reason('no_bank_named'));
      } else {
        verdict = 'office_floor';
        reasons.push(...whyNotHere(best.fit, best.o, c, best.o.bank, findBank(best.o.bank)?.en ?? best.o.bank));
      }
    } else if (others.length) {
      const compatible = others.filter((x) => x.fit.compatible);
      const best = compatible[0] ?? others[0];
      decide(best);
      const otherEn = findBank(best.o.bank)?.en ?? best.o.bank;
      if (compatible.length) {
        verdict = 'bank_mismatch';
        reasons.push(reason('other_bank_here', { otherBank: best.o.bank, otherBankEn: otherEn, name: best.o.name, bank: bankZh, bankEn }));
      } else {
        // Upstairs from another bank's outlet: not that bank, and not the named one either.
        verdict = 'office_floor';
        reasons.push(...whyNotHere(best.fit, best.o, c, best.o.bank, otherEn));
        reasons.push(reason('claimed_bank_elsewhere', { bank: bankZh, bankEn }));
      }
    } else {
      const bankCovered = c.bank ? covers(registry, c, c.bank, c.bankGroup, cityKey, districtCode) : covers(registry, c, null, null, cityKey, districtCode);
      const area = nameOf(districtCode) ?? nameOf(cityKey) ?? '这一地区';
      const areaEn = nameOf(districtCode) ?? nameOf(cityKey) ?? 'this area';
      if (fits.length) {
        decide(fits[0]);
        reasons.push(reason(fits[0].o.kind === 'non_bank' ? 'non_bank_office' : 'self_service_only'));
      }
      if (bankCovered) {
        verdict = 'not_registered';
        if (!fits.length) reasons.push(reason('no_outlet_at_address', { bank: c.bank ?? '任何银行', bankEn: c.bank ? bankEn : 'any bank', area, areaEn }));
        for (const m of moved.slice(0, 1)) {
          const now = registry.outlet(m.o.id);
          if (now) reasons.push(reason('outlet_moved', { bank: m.o.bank, bankEn: findBank(m.o.bank)?.en ?? m.o.bank, name: m.o.name, address: now.at.address }));
        }
      } else {
        verdict = 'not_covered';
        if (c.bank) reasons.push(reason('bank_not_covered', { bank: bankZh, bankEn, area, areaEn }));
        else reasons.push(reason(cityKey ? 'area_not_covered' : 'area_unknown', { area, areaEn }));
      }
      if (!c.bank) reasons.push(reason('no_bank_named'));
    }

    // Where the address is, for the map and for the nearest outlets: the outlet there, else
    // the outlets along the same road, else the middle of the district or city.
    if (!point && onRoad.length) {
      const withPos = onRoad.filter((x) => x.o.lat !== null && x.o.lng !== null);
      if (withPos.length) {
        point = { lat: withPos.reduce((s, x) => s + x.o.lat!, 0) / withPos.length, lng: withPos.reduce((s, x) => s + x.o.lng!, 0) / withPos.length };
        precision = 'road';
      }
    }
    if (!point && districtCode) {
      point = registry.centroid(districtCode, 'district');
      if (point) precision = 'district';
    }
    if (!point && cityKey) {
      point = registry.centroid(cityKey, 'city');
      if (point) precision = 'city';
    }
    if (verdict !== 'registered_branch') {
      nearest = nearestOf(registry, c, point, cityKey, new Set(matches.map((m) => m.id)));
    }
    // The named branch exists elsewhere: say where.
    if (verdict === 'not_registered' && c.branch && c.bank && cityKey) {
      const named = registry.ofBankInCity(c.bank, cityKey).find((o) => o.kind === 'staffed' && branchesMatch(c.branch, o.name));
      if (named) reasons.push(reason('branch_elsewhere', { bank: named.bank, bankEn: findBank(named.bank)?.en ?? named.bank, name: named.name, address: named.at.address }));
    }
    if (matches.some((m) => m.approximate) || nearest.some((m) => m.approximate)) reasons.push(reason('approximate_positions'));
  }
  if (info.demo) reasons.unshift(reason('demo_registry'));

  const place = parsed.place;
  const signals = messageSignals(input);
  return {
    input,
    verdict,
    parsed: contractParts(parsed),
    matches,
    reasons,
    registry: { version: info.version, asOf: info.asOf, demo: info.demo, title: info.title },
    parts,
    nearest,
    bank: c.bank ? { name: c.bank, en: claimedBank?.en ?? null, hotline: claimedBank?.hotline ?? null } : null,
    callBank: callBankOf(c.bank, matches[0]?.bank ?? null),
    signals,
    steps: nextSteps(input, signals),
    places: parsed.places,
    place: {
      province: place.province?.name ?? nameOf(cityKey ? cityKey.slice(0, 2) : null),
      city: place.city?.name ?? nameOf(cityKey),
      district: place.district?.name ?? nameOf(districtCode),
      candidates: place.candidates.map((d) => d.name),
      lat: (point as { lat: number } | null)?.lat ?? null,
      lng: (point as { lng: number } | null)?.lng ?? null,
      precision,
    },
    spans: parsed.spans,
    addressSpan: parsed.addressSpan,
  };
}
