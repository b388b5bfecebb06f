import { roadKey, roadMatcher } from '../registry/keys';
import type { OutletAt, Registry } from '../registry/registry';
import type { Claim } from './claim';
import { isCheckable } from './claim';
import { fitOf, relationOf, type Fit, type Relation } from './compare';

/**
 * Step 3 of the check, candidates: the registered outlets at the claimed address, in the
 * claimed building or along the claimed road, each compared part by part with the claim and
 * the best first; and the city and district the address is in once they are known.
 */

export interface Candidate {
  o: OutletAt;
  relation: Relation;
}

/** An outlet at the address or in the building, with how the claim fits it. */
export interface Fitted {
  o: OutletAt;
  fit: Fit;
}

export interface Candidates {
  /** Whether the text gives an address at all; when not, every list is empty. */
  checkable: boolean;
  /** Outlets registered now at the address or in the building, best first. */
  fits: Fitted[];
  /** Outlets registered now along the same road, elsewhere on it. */
  onRoad: Candidate[];
  /** Outlets in use that were at the address and have moved (their previous address). */
  moved: Candidate[];
  /** Outlets at the address whose licence was withdrawn: closed. */
  withdrawn: Candidate[];
  cityKey: string | null;
  districtCode: string | null;
}

/** Whether a registered road is this one (or not given), each distinct road worked out once: a house number is on hundreds of roads. */
function roadFilter(road: string): (r: string | null) => boolean {
  const matches = roadMatcher(road);
  const seen = new Map<string, boolean>();
  return (r) => {
    if (r === null) return true;
    let m = seen.get(r);
    if (m === undefined) seen.set(r, (m = matches(roadKey(r))));
    return m;
  };
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
  // An address at this number on another road is never this one (relationOf), unless an
  // intersection names the other road: only then are all of them compared.
  const road = c.road;
  const onRoad = road && !c.cross ? roadFilter(road) : undefined;
  for (const n of c.roadNums) consider(registry.byRoadNumber(n, c.cityKey, onRoad));
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

function byBest(a: Fitted, b: Fitted): number {
  return (
    Number(b.fit.bankMatches === true) - Number(a.fit.bankMatches === true) ||
    Number(b.o.kind === 'staffed') - Number(a.o.kind === 'staffed') ||
    Number(b.fit.compatible) - Number(a.fit.compatible) ||
    RELATION_RANK[a.fit.relation] - RELATION_RANK[b.fit.relation] ||
    a.o.id - b.o.id
  );
}

const notRoad = (x: Candidate) => x.relation !== 'road';

export function candidates(registry: Registry, c: Claim): Candidates {
  const claimedDistrict = c.districtCodes.length === 1 ? c.districtCodes[0] : null;
  if (!isCheckable(c)) return { checkable: false, fits: [], onRoad: [], moved: [], withdrawn: [], cityKey: c.cityKey, districtCode: claimedDistrict };
  let found = gather(registry, c);
  let placeKept = true;
  // A place read from one bare name (凤凰城 is no 凤凰县) gives way when nothing is there.
  if (c.placeIsWeak && !found.some(notRoad)) {
    const anywhere = gather(registry, { ...c, cityKey: null, provinceCode: null, districtCodes: [] });
    if (anywhere.some(notRoad)) {
      found = anywhere;
      placeKept = false;
    }
  }
  const here = found.filter(notRoad);
  const inUse = (x: Candidate) => x.o.state === 'in_use';
  const fits = here
    .filter((x) => x.o.at.current && inUse(x))
    .map((x) => ({ o: x.o, fit: fitOf(c, x.o, x.relation) }))
    .sort(byBest);
  const top = fits[0]?.o;
  return {
    checkable: true,
    fits,
    onRoad: found.filter((x) => x.relation === 'road' && x.o.at.current && inUse(x)),
    moved: here.filter((x) => !x.o.at.current && inUse(x)),
    withdrawn: here.filter((x) => x.o.at.current && !inUse(x) && x.o.kind !== 'non_bank'),
    cityKey: (placeKept ? c.cityKey : null) ?? top?.cityCode ?? null,
    districtCode: (placeKept ? claimedDistrict : null) ?? (top ? top.at.districtCode ?? top.districtCode : null),
  };
}
