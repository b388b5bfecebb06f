import { findBank } from '../banks';
import { contractParts, type ParseResult } from '../parse';
import type { Registry } from '../registry/registry';
import type { Candidates } from './candidates';
import type { Claim } from './claim';
import type { Judgement } from './judge';
import type { Location } from './locate';
import { divisionName } from './outlet';
import { floorWords, reason, type Reason } from './reasons';
import type { CheckResult, MatchedOutlet, PartReport } from './result';
import { messageSignals } from './signals';
import { nextSteps } from './steps';

/**
 * Step 7 of the check, assemble: the answer from what the steps found: the verdict and its
 * reasons with the notes every answer carries (demo data, approximate positions), the parts
 * of the deciding outlet, the banks to call, the signals of the message, and the place.
 */

export interface Steps {
  input: string;
  parsed: ParseResult;
  claim: Claim;
  found: Candidates;
  judgement: Judgement;
  matches: MatchedOutlet[];
  where: Location;
  nearest: MatchedOutlet[];
}

/** Statuses of the claimed parts when no outlet stands at the address. */
function claimOnlyParts(p: ParseResult): PartReport[] {
  const row = (part: PartReport['part'], v: string | null): PartReport => ({ part, claimed: v, registered: null, status: v === null ? 'not_given' : 'not_in_registry' });
  const stated = p.floors.length > 0 || p.floorLabels.length > 0;
  const level = stated ? { floors: p.floors, labels: p.floorLabels, byRoom: false } : p.inferredFloor !== null ? { floors: [p.inferredFloor], labels: [], byRoom: true } : null;
  const floors = row('floors', stated ? floorWords({ floors: p.floors, labels: p.floorLabels }).zh : p.inferredFloor !== null ? `${p.inferredFloor}楼（由房号推断）` : null);
  return [
    row('bank', p.bank), row('branch', p.branch), row('district', p.district), row('road', p.road), row('roadNo', p.roadNo),
    row('building', p.building), row('buildingNo', p.buildingNo),
    { ...floors, levels: { claimed: level, registered: null } },
    row('room', p.room),
  ];
}

function notes(registry: Registry, s: Steps): Reason[] {
  const shown = [...s.matches, ...s.nearest];
  // A licence record has no coordinates: it is drawn at the centre of its town or district.
  const byArea = shown.some((m) => m.precision !== null && m.precision !== 'outlet');
  const approximate = shown.some((m) => m.approximate && m.precision === 'outlet');
  return [
    ...(registry.info.demo ? [reason('demo_registry')] : []),
    ...s.judgement.reasons,
    ...(approximate ? [reason('approximate_positions')] : []),
    ...(byArea ? [reason('area_positions')] : []),
  ];
}

function callBankOf(named: string | null, registered: string | null): CheckResult['callBank'] {
  const name = named ?? registered;
  if (!name) return null;
  const b = findBank(name);
  return { name, en: b?.en ?? null, hotline: b?.hotline ?? null, named: !!named };
}

function placeOf(s: Steps): CheckResult['place'] {
  const place = s.parsed.place;
  const { cityKey, districtCode } = s.found;
  return {
    province: place.province?.name ?? divisionName(cityKey ? cityKey.slice(0, 2) : null),
    city: place.city?.name ?? divisionName(cityKey),
    district: place.district?.name ?? divisionName(districtCode),
    candidates: place.candidates.map((d) => d.name),
    lat: s.where.point?.lat ?? null,
    lng: s.where.point?.lng ?? null,
    precision: s.where.precision,
  };
}

export function assemble(registry: Registry, s: Steps): CheckResult {
  const info = registry.info;
  const bank = s.claim.bank;
  const named = bank ? findBank(bank) : undefined;
  const signals = messageSignals(s.input);
  return {
    input: s.input,
    verdict: s.judgement.verdict,
    parsed: contractParts(s.parsed),
    matches: s.matches,
    reasons: notes(registry, s),
    registry: { version: info.version, asOf: info.asOf, demo: info.demo, title: info.title },
    parts: s.judgement.decidedBy?.fit.parts ?? claimOnlyParts(s.parsed),
    nearest: s.nearest,
    bank: bank ? { name: bank, en: named?.en ?? null, hotline: named?.hotline ?? null } : null,
    callBank: callBankOf(bank, s.matches[0]?.bank ?? null),
    signals,
    steps: nextSteps(s.input, signals),
    places: s.parsed.places,
    place: placeOf(s),
    spans: s.parsed.spans,
    addressSpan: s.parsed.addressSpan,
  };
}
