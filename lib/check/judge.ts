import { findBank } from '../banks';
import { branchesMatch } from '../registry/keys';
import type { Registry } from '../registry/registry';
import type { Candidates, Fitted } from './candidates';
import type { Claim } from './claim';
import { coverageOf, type Coverage } from './covered';
import { outletsAlongRoad } from './road-only';
import { divisionName } from './outlet';
import { floorWords, reason, type Reason } from './reasons';
import type { Verdict } from './verdicts';

/**
 * Step 4 of the check, judge: the verdict and its reasons, from the BRIEF's decision table.
 * The rules are tried top to bottom; the first whose `when` holds gives the verdict. To add a
 * verdict rule, add a row where it belongs in the order; a row reads the situation and
 * returns values, it changes nothing.
 */

/** What the judge looks at: the claim, the outlets found, and the registry to ask further. */
export interface Situation {
  claim: Claim;
  found: Candidates;
  registry: Registry;
  /** The best staffed outlet here of the named bank (of any bank when none is named). */
  mine: Fitted | undefined;
  /** The best staffed outlet here of another bank, one at the same spot first. */
  other: Fitted | undefined;
  /** The best outlet here of any kind (a self-service site, a non-bank office). */
  here: Fitted | undefined;
  /** What the registry holds of the claimed bank in the area. */
  coverage: Coverage;
}

export interface Rule {
  verdict: Verdict;
  when: (s: Situation) => boolean;
  /** The outlet whose parts and position the answer shows. */
  at?: (s: Situation) => Fitted | undefined;
  reasons: (s: Situation) => Reason[];
}

export const RULES: readonly Rule[] = [
  {
    verdict: 'insufficient',
    when: (s) => !s.found.checkable,
    reasons: (s) => [reason('no_street_address'), ...roadWithoutNumber(s)],
  },
  {
    verdict: 'registered_branch',
    when: (s) => s.mine?.fit.compatible === true,
    at: (s) => s.mine,
    reasons: (s) => [...atOutlet(s.mine), ...centreNotCounter(s.mine), ...branchNameDiffers(s), ...noBankNamed(s)],
  },
  {
    verdict: 'office_floor',
    when: (s) => s.mine !== undefined,
    at: (s) => s.mine,
    reasons: (s) => whyNotHere(s, s.mine),
  },
  {
    verdict: 'bank_mismatch',
    when: (s) => s.other?.fit.compatible === true,
    at: (s) => s.other,
    reasons: (s) => otherBankHere(s),
  },
  {
    // Upstairs from another bank's outlet: not that bank, and not the named one either.
    verdict: 'office_floor',
    when: (s) => s.other !== undefined,
    at: (s) => s.other,
    reasons: (s) => [...whyNotHere(s, s.other), reason('claimed_bank_elsewhere', claimedBank(s))],
  },
  {
    // History: no licence in use here, and the one that was here has been withdrawn.
    verdict: 'not_registered',
    when: (s) => !s.here && s.found.withdrawn.length > 0,
    reasons: (s) => [...withdrawnHere(s), ...noBankNamed(s), ...branchElsewhere(s)],
  },
  {
    // History: an outlet in use stood here and has moved away.
    verdict: 'not_registered',
    when: (s) => !s.here && s.found.moved.some((m) => s.registry.outlet(m.o.id) !== null),
    reasons: (s) => [...movedAway(s), ...noBankNamed(s), ...branchElsewhere(s)],
  },
  {
    verdict: 'not_registered',
    when: (s) => s.coverage.kind === 'complete',
    at: (s) => s.here,
    reasons: (s) => [...notAnOutlet(s), ...noOutletHere(s), ...movedAway(s), ...noBankNamed(s), ...branchElsewhere(s)],
  },
  {
    // The registry holds only some of the licences there: an absent one proves nothing.
    verdict: 'not_covered',
    when: (s) => s.coverage.kind === 'partial',
    at: (s) => s.here,
    reasons: (s) => [...notAnOutlet(s), partlyCovered(s), ...noBankNamed(s)],
  },
  {
    verdict: 'not_covered',
    when: () => true,
    at: (s) => s.here,
    reasons: (s) => [...notAnOutlet(s), notCovered(s), ...noBankNamed(s)],
  },
];

export interface Judgement {
  verdict: Verdict;
  reasons: Reason[];
  /** The outlet that decided the verdict, if one did. */
  decidedBy: Fitted | undefined;
}

export function situationOf(registry: Registry, claim: Claim, found: Candidates): Situation {
  // A specialised centre (信用卡中心) is licensed, but a counter is looked for first.
  const staffed = found.fits.filter((x) => x.o.kind === 'staffed' || x.o.kind === 'centre');
  const others = staffed.filter((x) => x.fit.bankMatches === false);
  return {
    claim,
    found,
    registry,
    mine: staffed.find((x) => x.fit.bankMatches !== false),
    other: others.find((x) => x.fit.compatible) ?? others[0],
    here: found.fits[0],
    coverage: found.checkable ? coverageOf(registry, claim, found.cityKey, found.districtCode) : { kind: 'none' },
  };
}

export function judge(registry: Registry, claim: Claim, found: Candidates, rules: readonly Rule[] = RULES): Judgement {
  const s = situationOf(registry, claim, found);
  const rule = rules.find((r) => r.when(s));
  if (!rule) throw new Error('judge: no rule applies (the last rule must always apply)');
  return { verdict: rule.verdict, reasons: rule.reasons(s), decidedBy: rule.at?.(s) };
}

// The reasons, each from the situation alone.

const bankEn = (bank: string) => findBank(bank)?.en ?? bank;

/** The bank the text names, in words for a sentence; null when it names none (the sentence then reads without it). */
function claimedBank(s: Situation): { bank: string | null; bankEn: string | null } {
  const b = s.claim.bank;
  return { bank: b, bankEn: b ? bankEn(b) : null };
}

/** The district or city, null when unknown (the sentence then reads without it). */
function area(s: Situation): { area: string | null; areaEn: string | null } {
  const name = divisionName(s.found.districtCode) ?? divisionName(s.found.cityKey);
  return { area: name, areaEn: name };
}

function atOutlet(x: Fitted | undefined): Reason[] {
  if (!x) return [];
  return [reason('at_registered_outlet', { bank: x.o.bank, bankEn: bankEn(x.o.bank), name: x.o.name, address: x.o.at.address })];
}

/** A road with no number: the claimed bank's outlets along it, to ask which one is meant (road-only.ts). */
function roadWithoutNumber(s: Situation): Reason[] {
  const list = outletsAlongRoad(s.registry, s.claim);
  if (!list.length) return [];
  const { bank, bankEn: en } = claimedBank(s);
  return [
    reason('road_without_number', {
      road: s.claim.parsed.road, bank, bankEn: en,
      list: list.map((o) => `${o.name}（${o.at.address}）`).join('；'),
      listEn: list.map((o) => `${o.name} (${o.at.address})`).join('; '),
    }),
  ];
}

/** A licensed specialised centre is no counter open to the public: say so. */
function centreNotCounter(x: Fitted | undefined): Reason[] {
  return x?.o.kind === 'centre' ? [reason('specialised_centre', { name: x.o.name })] : [];
}

/** The licence that was here, withdrawn, with its institution and date. */
function withdrawnHere(s: Situation): Reason[] {
  const w = s.found.withdrawn[0];
  if (!w) return [];
  return [reason('licence_withdrawn', { bank: w.o.bank, bankEn: bankEn(w.o.bank), name: w.o.name, date: w.o.licence?.exitedAt ?? null })];
}

/** What a partial registry holds of the bank in the city, and that this address is not among it. */
function partlyCovered(s: Situation): Reason {
  const cov = s.coverage;
  const held = cov.kind === 'partial' ? cov.held : 0;
  const city = divisionName(cov.kind === 'partial' ? cov.cityKey : null) ?? divisionName(s.found.cityKey);
  const place = { area: city ?? '这一地区', areaEn: city ?? 'this area', n: held };
  if (!s.claim.bank) return reason(held > 0 ? 'partial_coverage_any' : 'partial_coverage_none_any', place);
  const named = { bank: s.claim.bank, bankEn: bankEn(s.claim.bank) };
  const hotline = findBank(s.claim.bank)?.hotline;
  const call = hotline ? { call: `官方客服电话 ${hotline}`, callEn: `its official number ${hotline}` } : { call: '官方客服电话（见其官网或银行卡背面）', callEn: 'the official number on its website or the back of its card' };
  return reason(held > 0 ? 'partial_coverage' : 'partial_coverage_none', { ...named, ...place, ...call });
}

function branchNameDiffers(s: Situation): Reason[] {
  const branch = s.claim.branch;
  const differs = s.mine?.fit.parts.find((p) => p.part === 'branch')?.status === 'mismatched';
  return branch && differs && s.mine ? [reason('branch_name_differs', { name: s.mine.o.name, branch })] : [];
}

const noBankNamed = (s: Situation): Reason[] => (s.claim.bank ? [] : [reason('no_bank_named')]);

/** Why a claim at an outlet's address is not that outlet: another floor, tower or room. */
function whyNotHere(s: Situation, x: Fitted | undefined): Reason[] {
  if (!x) return [];
  const { fit, o } = x;
  const c = s.claim;
  const f = fit.floor;
  const registered = floorWords(f.registered);
  const claimed = f.claimed ? floorWords(f.claimed) : null;
  const vars = {
    bank: o.bank, bankEn: bankEn(o.bank), name: o.name,
    registeredFloor: registered.zh, registeredFloorEn: registered.en,
    claimedFloor: claimed?.zh, claimedFloorEn: claimed?.en,
  };
  const out: Reason[] = [];
  // 楼上 and its relatives, with no number (upstairs.ts): said so in words.
  if (!f.compatible && f.saidUpstairs) out.push(reason(o.at.floors.every((x) => x <= 2) ? 'said_upstairs' : 'said_above_bank', vars));
  else if (!f.compatible) {
    out.push(reason(f.upstairs ? 'outlet_upstairs' : 'outlet_floor_differs', vars));
    if (f.byRoom) out.push(reason('room_implies_floor', { room: c.room, floor: c.inferred }));
    if (o.at.floors.length === 0) out.push(reason('street_level_outlet'));
  }
  if (fit.towerDiffers) out.push(reason('other_tower', { registeredTower: o.at.buildingNo, claimedTower: c.buildingNo }));
  if (fit.roomDiffers) out.push(reason('other_room', { registeredRoom: o.at.room, claimedRoom: c.room }));
  return out;
}

function otherBankHere(s: Situation): Reason[] {
  if (!s.other) return [];
  const o = s.other.o;
  return [reason('other_bank_here', { otherBank: o.bank, otherBankEn: bankEn(o.bank), name: o.name, ...claimedBank(s) })];
}

/** Something is registered here, but not a place to sign a loan. */
function notAnOutlet(s: Situation): Reason[] {
  if (!s.here) return [];
  const k = s.here.o.kind;
  return [reason(k === 'non_bank' ? 'non_bank_office' : k === 'centre' ? 'specialised_centre' : 'self_service_only', { name: s.here.o.name })];
}

function noOutletHere(s: Situation): Reason[] {
  if (s.here) return [];
  return [reason('no_outlet_at_address', { ...claimedBank(s), ...area(s) })];
}

function movedAway(s: Situation): Reason[] {
  const m = s.found.moved[0];
  const now = m ? s.registry.outlet(m.o.id) : null;
  if (!m || !now) return [];
  return [reason('outlet_moved', { bank: m.o.bank, bankEn: bankEn(m.o.bank), name: m.o.name, address: now.at.address })];
}

/** The named branch exists elsewhere: say where. */
function branchElsewhere(s: Situation): Reason[] {
  const { branch, bank } = s.claim;
  const cityKey = s.found.cityKey;
  if (!branch || !bank || !cityKey) return [];
  const named = s.registry.ofBankInCity(bank, cityKey).find((o) => o.kind === 'staffed' && branchesMatch(branch, o.name));
  return named ? [reason('branch_elsewhere', { bank: named.bank, bankEn: bankEn(named.bank), name: named.name, address: named.at.address })] : [];
}

function notCovered(s: Situation): Reason {
  if (s.claim.bank) return reason('bank_not_covered', { ...claimedBank(s), ...area(s) });
  return reason(s.found.cityKey ? 'area_not_covered' : 'area_unknown', area(s));
}
